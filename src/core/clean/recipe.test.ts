import { describe, expect, it } from 'vitest';
import type { Dataset } from '../frame/types';
import { applyRecipe, missingColumns, parseRecipe, recipeFor } from './recipe';

function small(): Dataset {
  return {
    id: 'd', name: 'small.csv', rowCount: 5, settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' }, warnings: [], sourceBytes: 0,
    columns: [
      { storage: 'number', kind: 'integer', name: 'user_id', values: new Float64Array([1, 1, 2, 1, NaN]) },
      { storage: 'dictionary', kind: 'categorical', name: 'plan', codes: new Int32Array([0, 0, 1, 1, -1]), dictionary: ['free', 'pro'] },
    ],
  };
}

describe('cleaning recipes', () => {
  it('drops exact duplicates, keeping the first; missing equals missing', async () => {
    const out = await applyRecipe(small(), [{ op: 'drop-duplicates', columns: [] }], { secrets: {} });
    expect(out.ok && out.dataset.rowCount).toBe(4);
    expect(out.ok && out.reports[0].summary).toBe('Dropped 1 duplicate row');
  });
  it('drops duplicates on a key and leaves the original untouched', async () => {
    const ds = small();
    const out = await applyRecipe(ds, [{ op: 'drop-duplicates', columns: ['user_id'] }], { secrets: {} });
    expect(out.ok && Array.from((out.dataset.columns[0] as { values: Float64Array }).values)).toEqual([1, 2, NaN]);
    expect(ds.rowCount).toBe(5);
  });
  it('stops at a step naming a missing column, with its number', async () => {
    const out = await applyRecipe(small(), [{ op: 'drop-duplicates', columns: ['email'] }], { secrets: {} });
    expect(out).toEqual({ ok: false, stepIndex: 0, message: 'Step 1 (Drop rows that repeat email): No column named "email" in small.csv.' });
  });
  it('round-trips through JSON and names what another file lacks', () => {
    const recipe = recipeFor(small(), [{ op: 'drop-duplicates', columns: ['user_id'] }]);
    const parsed = parseRecipe(JSON.stringify(recipe));
    expect(parsed.ok && parsed.recipe).toEqual(recipe);
    const other = { ...small(), columns: small().columns.slice(1) };
    expect(missingColumns(recipe, other)).toEqual(['user_id']);
    expect(parseRecipe('{"format":"x"}').ok).toBe(false);
    expect(parseRecipe(JSON.stringify({ ...recipe, steps: [{ op: 'teleport' }] }))).toEqual({ ok: false, message: 'Step 1 uses "teleport", an operation this version of Loupe does not know.' });
  });
});
