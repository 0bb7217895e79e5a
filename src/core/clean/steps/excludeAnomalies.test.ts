import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../frame/testing';
import type { NumberColumn } from '../../frame/types';
import { applyRecipe, parseRecipe, recipeFor } from '../recipe';
import { stepOfSpec } from './excludeAnomalies';

const fixture = load(readFileSync(resolve(__dirname, '../../anomaly/fixtures/outliers.csv')), { name: 'outliers.csv' });
const FEATURES = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'];

describe('exclude-anomalies step', () => {
  it('drops the top 5% by score, says how many, and replays to the same rows', async () => {
    const step = { op: 'exclude-anomalies', columns: FEATURES, nTrees: 50, sampleSize: 256, seed: 3, contamination: 0.05 };
    const a = await applyRecipe(fixture, [step], { secrets: {} });
    if (!a.ok) throw new Error(a.message);
    expect(a.dataset.rowCount).toBe(2100 - 105);
    expect(a.reports[0].summary).toMatch(/^Excluded 105 anomalous rows \(score above 0\.\d{3}\)$/);
    // Replay from the recipe's JSON: same seed, same rows kept.
    const parsed = parseRecipe(JSON.stringify(recipeFor(fixture, [step])));
    if (!parsed.ok) throw new Error(parsed.message);
    const b = await applyRecipe(fixture, parsed.recipe.steps, { secrets: {} });
    if (!b.ok) throw new Error(b.message);
    const f1 = (ds: typeof fixture) => Array.from((ds.columns[0] as NumberColumn).values);
    expect(f1(b.dataset)).toEqual(f1(a.dataset));
    // Most dropped rows are planted outliers (labels are not features).
    const labels = (a.dataset.columns.find((c) => c.name === 'label') as NumberColumn).values;
    expect(100 - labels.reduce((s, v) => s + v, 0)).toBeGreaterThan(50);
  });

  it('takes a score threshold instead, and the panel\'s spec round-trips to the step', async () => {
    const step = stepOfSpec({ columns: FEATURES, nTrees: 50, sampleSize: 256, seed: 3, cut: { kind: 'threshold', score: 0.6 } });
    expect(step).toEqual({ op: 'exclude-anomalies', columns: FEATURES, nTrees: 50, sampleSize: 256, seed: 3, threshold: 0.6 });
    const out = await applyRecipe(fixture, [step], { secrets: {} });
    if (!out.ok) throw new Error(out.message);
    expect(out.dataset.rowCount).toBeLessThan(2100);
    expect(out.dataset.rowCount).toBeGreaterThan(1900);
  });

  it('names a bad parameter with the step', async () => {
    const out = await applyRecipe(fixture, [{ op: 'exclude-anomalies', columns: ['f1', 'nope'], nTrees: 10, sampleSize: 256, seed: 1, contamination: 0.1 }], { secrets: {} });
    expect(out).toEqual({ ok: false, stepIndex: 0, message: 'Step 1 (Exclude anomalies: top 10% by isolation forest on f1, nope (10 trees, seed 1)): No column named "nope" in outliers.csv.' });
    const none = await applyRecipe(fixture, [{ op: 'exclude-anomalies', columns: ['f1'], nTrees: 10, sampleSize: 256, seed: 1 }], { secrets: {} });
    expect(none.ok === false && none.message).toMatch(/Give a contamination share or a score threshold\.$/);
    const text = load('id,v\nu1,1\nu2,2\nu3,3\n', { name: 'ids.csv' });
    const refused = await applyRecipe(text, [{ op: 'exclude-anomalies', columns: ['id', 'v'], nTrees: 10, sampleSize: 256, seed: 1, contamination: 0.1 }], { secrets: {} });
    expect(refused.ok === false && refused.message).toMatch(/Column "id" cannot be used: an identifier/);
    const big = await applyRecipe(fixture, [{ op: 'exclude-anomalies', columns: ['f1'], nTrees: 10, sampleSize: 256, seed: 1, contamination: 0.9 }], { secrets: {} });
    expect(big.ok === false && big.message).toMatch(/Contamination must be a share above 0 and at most 0\.5/);
  });
});
