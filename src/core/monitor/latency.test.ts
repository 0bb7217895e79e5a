import { describe, expect, it } from 'vitest';
import { percentile, summariseLatency } from './latency';

// Expected values: np.percentile (numpy 1.24, default 'linear'), from latency.fixture.py.
const NUMPY: Record<string, { xs: number[]; q: Record<number, number> }> = {
  ten: { xs: [3.1, 0.4, 9.7, 2.2, 2.2, 5.0, 7.3, 1.1, 8.8, 4.6], q: { 0: 0.4, 25: 2.2, 50: 3.85, 90: 8.89, 95: 9.295, 100: 9.7 } },
  two: { xs: [1, 3], q: { 0: 1, 25: 1.5, 50: 2, 90: 2.8, 95: 2.9, 100: 3 } },
  one: { xs: [2.5], q: { 0: 2.5, 50: 2.5, 95: 2.5, 100: 2.5 } },
  seven: { xs: [10, 1, 7, 3, 3, 12, 5], q: { 0: 1, 25: 3, 50: 5, 90: 10.8, 95: 11.4, 100: 12 } },
};

describe('percentile (numpy linear)', () => {
  for (const [name, { xs, q }] of Object.entries(NUMPY)) {
    it(`matches numpy on ${name}`, () => {
      for (const [p, expected] of Object.entries(q)) expect(percentile(xs, Number(p))).toBeCloseTo(expected, 10);
    });
  }

  it('hand-computed: sorted [1,3,3,5,7,10,12], p95 sits at rank 6 x 0.95 = 5.7, so 10 + 0.7 x (12 - 10) = 11.4', () => {
    expect(percentile([12, 10, 7, 5, 3, 3, 1], 95)).toBeCloseTo(11.4, 12);
  });

  it('leaves the input unsorted and answers NaN for no values', () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises p50, p95, mean and max', () => {
    expect(summariseLatency([10, 1, 7, 3, 3, 12, 5])).toEqual({ samples: 7, p50: 5, p95: expect.closeTo(11.4, 10), mean: 41 / 7, max: 12 });
  });
});
