// Expected values: scikit-learn 1.2.1 via fixtures/make_fixtures.py (see its header).
import { describe, expect, it } from 'vitest';
import { decodeNumber, type Encoded } from './fixtures/decode';
import fixture from './fixtures/regression.json';
import { regressionMetrics } from './regression';

const TOL = 1e-9;

interface RegressionCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  rmse: Encoded; mae: Encoded; r2: Encoded; medianAbsoluteError: Encoded; explainedVariance: Encoded;
}
const cases = fixture.cases as RegressionCase[];

describe('regressionMetrics against sklearn mean_squared_error, mean_absolute_error, r2_score, median_absolute_error, explained_variance_score', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const m = regressionMetrics(c.yTrue, c.yPred);
    // Relative to the size of the value: errors with outliers run into the tens.
    const close = (a: number, e: Encoded) => {
      const v = decodeNumber(e);
      expect(Math.abs(a - v)).toBeLessThan(TOL * Math.max(1, Math.abs(v)));
    };
    close(m.rmse, c.rmse);
    close(m.mae, c.mae);
    close(m.r2, c.r2);
    close(m.medianAbsoluteError, c.medianAbsoluteError);
    close(m.explainedVariance, c.explainedVariance);
    expect(m.n).toBe(c.yTrue.length);
  });
  it('says why R² is 0 or 1 when the truth is constant', () => {
    const m = regressionMetrics([2, 2, 2], [2, 2, 3]);
    expect(m.r2).toBe(0);
    expect(m.notes.join(' ')).toMatch(/all equal/);
    expect(regressionMetrics([1, 2, 4], [1, 2, 4]).notes).toEqual([]);
  });
  it('says when a few rows make most of the squared error, and not otherwise', () => {
    const truth = Array.from({ length: 200 }, (_, i) => i);
    const close = truth.map((v, i) => v + (i % 2 ? 1 : -1));
    expect(regressionMetrics(truth, close).notes).toEqual([]);
    // Two rows of 200 (the top 1%) missed by 100: 20,000 of 20,198 squared error.
    const wild = close.map((v, i) => (i === 7 || i === 150 ? v + 100 - 1 : v));
    const notes = regressionMetrics(truth, wild).notes.join(' ');
    expect(notes).toMatch(/^The 2 largest errors \(2 rows of 200\) make 99% of the squared error/);
    expect(regressionMetrics(truth.slice(0, 10), wild.slice(0, 10)).notes).toEqual([]);
  });

  it('rejects empty, mismatched and non-finite input', () => {
    expect(() => regressionMetrics([], [])).toThrow(/no samples/);
    expect(() => regressionMetrics([1], [1, 2])).toThrow(/length/);
    expect(() => regressionMetrics([1, NaN], [1, 2])).toThrow(/finite/);
  });
});
