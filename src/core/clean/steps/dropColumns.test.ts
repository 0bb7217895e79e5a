import { describe, expect, it } from 'vitest';
import { applyRecipe } from '../recipe';
import { people } from './privacySteps.testing';

describe('drop columns', () => {
  it('removes the named columns and keeps the rows and the original', async () => {
    const ds = people();
    const out = await applyRecipe(ds, [{ op: 'drop-columns', columns: ['email', 'card'] }], { secrets: {} });
    expect(out.ok && out.dataset.columns.map((c) => c.name)).toEqual(['age', 'signup', 'zip', 'user_id']);
    expect(out.ok && out.reports[0]).toMatchObject({ rowsAfter: 5, columnsRemoved: ['email', 'card'], summary: 'Dropped 2 columns: email, card' });
    expect(ds.columns).toHaveLength(6);
  });
  it('names a missing column and refuses to drop everything', async () => {
    expect(await applyRecipe(people(), [{ op: 'drop-columns', columns: ['phone'] }], { secrets: {} })).toMatchObject({ ok: false, message: 'Step 1 (Drop phone): No column named "phone" in people.csv.' });
    const all = people().columns.map((c) => c.name);
    expect(await applyRecipe(people(), [{ op: 'drop-columns', columns: all }], { secrets: {} })).toMatchObject({ ok: false });
  });
});
