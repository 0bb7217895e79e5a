import { describe, expect, it } from 'vitest';
import { applyRecipe } from '../recipe';
import { ageBand } from './generalise';
import { cells, people } from './privacySteps.testing';

describe('generalise', () => {
  it('puts ages into bands of the chosen width, ordered', async () => {
    expect([ageBand(34, 10), ageBand(40, 10), ageBand(7, 5), ageBand(34, 1)]).toEqual(['30–39', '40–49', '5–9', '34']);
    const out = await applyRecipe(people(), [{ op: 'generalise', column: 'age', method: 'age-band', width: 10 }], { secrets: {} });
    if (!out.ok) throw new Error(out.message);
    expect(cells(out.dataset, 'age')).toEqual(['30–39', '30–39', '40–49', null, '0–9']);
    expect((out.dataset.columns.find((c) => c.name === 'age') as { dictionary: string[] }).dictionary).toEqual(['0–9', '30–39', '40–49']);
    expect(out.reports[0]).toMatchObject({ valuesChanged: 4, summary: 'Generalised 4 values in age' });
  });
  it('turns dates into months (UTC) and postcodes into prefixes', async () => {
    const months = await applyRecipe(people(), [{ op: 'generalise', column: 'signup', method: 'month' }], { secrets: {} });
    expect(months.ok && cells(months.dataset, 'signup')).toEqual(['2024-03', '2024-03', '2023-12', null, '2024-03']);
    const zips = await applyRecipe(people(), [{ op: 'generalise', column: 'zip', method: 'prefix', chars: 4 }], { secrets: {} });
    expect(zips.ok && cells(zips.dataset, 'zip')).toEqual(['SW1A', 'SW1A', 'EC1V', 'SW1A', null]);
  });
  it('says why a method does not fit the column', async () => {
    expect(await applyRecipe(people(), [{ op: 'generalise', column: 'zip', method: 'age-band' }], { secrets: {} })).toMatchObject({ ok: false, message: 'Step 1 (Generalise zip into 10-year bands): zip is not a number column, so it cannot be put into age bands.' });
    expect(await applyRecipe(people(), [{ op: 'generalise', column: 'age', method: 'month' }], { secrets: {} })).toMatchObject({ ok: false });
    expect(await applyRecipe(people(), [{ op: 'generalise', column: 'age', method: 'age-band', width: 0 }], { secrets: {} })).toMatchObject({ ok: false });
  });
});
