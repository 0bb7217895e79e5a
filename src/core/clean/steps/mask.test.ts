import { describe, expect, it } from 'vitest';
import { applyRecipe } from '../recipe';
import { maskValue } from './mask';
import { cells, people } from './privacySteps.testing';

describe('mask', () => {
  it('keeps the last N characters behind a fixed-length mask; short values are masked whole', async () => {
    expect(maskValue('4111 1111 1111 1234', 4)).toBe('••••1234');
    expect(maskValue('12', 4)).toBe('••••');
    expect(maskValue('secret', 0)).toBe('••••');
    const out = await applyRecipe(people(), [{ op: 'mask', columns: ['card'], keepLast: 4 }], { secrets: {} });
    expect(out.ok && cells(out.dataset, 'card')).toEqual(['••••1111', '••••', null, '••••1111', '••••1111']);
    expect(out.ok && out.reports[0]).toMatchObject({ valuesChanged: 4, summary: 'Masked 4 values in card' });
  });
  it('masks numbers as text and refuses a bad count', async () => {
    const out = await applyRecipe(people(), [{ op: 'mask', columns: ['user_id'], keepLast: 1 }], { secrets: {} });
    expect(out.ok && cells(out.dataset, 'user_id')).toEqual(['••••1', '••••2', '••••1', '••••3', '••••4']);
    expect(await applyRecipe(people(), [{ op: 'mask', columns: ['card'], keepLast: -1 }], { secrets: {} })).toMatchObject({ ok: false });
  });
});
