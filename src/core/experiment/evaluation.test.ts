import { describe, expect, it } from 'vitest';
import { evaluateRegression, histogram } from './evaluation';

describe('regression residuals', () => {
  it('residual = actual - predicted, against predicted', () => {
    const e = evaluateRegression(Float64Array.from([1, 2, 4]), Float64Array.from([1.5, 2, 3]));
    expect(e.residuals.x).toEqual([1.5, 2, 3]);
    expect(e.residuals.y).toEqual([-0.5, 0, 1]);
    expect(e.residualHistogram.counts.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('histogram: equal-width bins, max in the last bin, counts as numpy.histogram', () => {
    // numpy.histogram([0, 1, 1, 2, 3, 10], bins=5) (numpy 1.24, /usr/bin/python3) -> counts [3, 2, 0, 0, 1], edges [0, 2, 4, 6, 8, 10]
    const h = histogram(Float64Array.from([0, 1, 1, 2, 3, 10]), 5);
    expect(h.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(h.counts).toEqual([3, 2, 0, 0, 1]);
  });

  it('one bin when every residual is equal, never NaN', () => {
    const h = histogram(Float64Array.from([2, 2, 2]), 10);
    expect(h.counts).toEqual([3]);
    expect(h.edges.every(Number.isFinite)).toBe(true);
  });
});
