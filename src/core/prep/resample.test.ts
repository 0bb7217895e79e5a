import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { balancedClassWeights, randomOversample, randomUndersample, sampleWeights, smote } from './resample';

/** Labels indexed by row: rows 0..9 are class 0, 10..12 class 1, 13 class 2. */
const y = Float32Array.from({ length: 14 }, (_, r) => (r < 10 ? 0 : r < 13 ? 1 : 2));
const all = Int32Array.from({ length: 14 }, (_, r) => r);

describe('class weights', () => {
  it('balanced = n / (k count_c), as scikit-learn compute_class_weight', () => {
    // sklearn: compute_class_weight('balanced', classes=[0,1,2], y=[0]*10+[1]*3+[2]) -> [0.4667, 1.5556, 4.6667]
    const w = balancedClassWeights(y, all, 3);
    expect(w[0]).toBeCloseTo(14 / 30, 12);
    expect(w[1]).toBeCloseTo(14 / 9, 12);
    expect(w[2]).toBeCloseTo(14 / 3, 12);
    const per = sampleWeights(y, all, w);
    // Balanced weights sum to n: every class contributes the same total weight.
    expect(per.reduce((a, b) => a + b, 0)).toBeCloseTo(14, 4);
  });
});

describe('random resampling', () => {
  const train = Int32Array.from([0, 1, 2, 3, 4, 5, 10, 11, 13]); // rows 6-9 and 12 stand for validation/test
  it('over-sampling brings each class to the largest, from training rows only', () => {
    const out = randomOversample(train, y, 3, createRandom(1));
    const counts = [0, 0, 0];
    out.forEach((r) => counts[y[r]]++);
    expect(counts).toEqual([6, 6, 6]);
    for (const r of out) expect(train.includes(r)).toBe(true);
    for (const r of train) expect(out.includes(r)).toBe(true);
  });
  it('under-sampling cuts each class to the smallest, from training rows only, without repeats', () => {
    const out = randomUndersample(train, y, 3, createRandom(1));
    const counts = [0, 0, 0];
    out.forEach((r) => counts[y[r]]++);
    expect(counts).toEqual([1, 1, 1]);
    expect(new Set(out).size).toBe(out.length);
    for (const r of out) expect(train.includes(r)).toBe(true);
  });
  it('is seeded: same seed, same rows', () => {
    expect(Array.from(randomOversample(train, y, 3, createRandom(5)))).toEqual(Array.from(randomOversample(train, y, 3, createRandom(5))));
  });
});

describe('SMOTE', () => {
  // Two features; class 1 is a small cluster, class 0 a big one far away.
  const random = createRandom(3);
  const n0 = 40;
  const n1 = 8;
  const x = new Float32Array((n0 + n1) * 2);
  const labels = new Float32Array(n0 + n1);
  for (let i = 0; i < n0 + n1; i++) {
    const cls = i < n0 ? 0 : 1;
    labels[i] = cls;
    x[i * 2] = cls * 10 + random.normal();
    x[i * 2 + 1] = -cls * 5 + random.normal();
  }
  const out = smote(x, labels, 2, 2, 3, createRandom(7));

  it('adds rows until the classes are equal, all in the minority class', () => {
    expect(out.rows).toBe(n0 - n1);
    expect(Array.from(out.y).every((v) => v === 1)).toBe(true);
  });

  it('puts every synthetic row on the segment between a row and one of its same-class nearest neighbours', () => {
    const nearest = (a: number, k: number) =>
      Array.from({ length: n0 + n1 }, (_, b) => b)
        .filter((b) => b !== a && labels[b] === labels[a])
        .sort((p, q) => (x[p * 2] - x[a * 2]) ** 2 + (x[p * 2 + 1] - x[a * 2 + 1]) ** 2 - ((x[q * 2] - x[a * 2]) ** 2 + (x[q * 2 + 1] - x[a * 2 + 1]) ** 2))
        .slice(0, k);
    out.from.forEach(({ a, b, gap }, i) => {
      expect(labels[a]).toBe(1);
      expect(labels[b]).toBe(1);
      expect(nearest(a, 3)).toContain(b);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(1);
      for (let c = 0; c < 2; c++) {
        const lo = Math.min(x[a * 2 + c], x[b * 2 + c]);
        const hi = Math.max(x[a * 2 + c], x[b * 2 + c]);
        expect(out.x[i * 2 + c]).toBeGreaterThanOrEqual(lo - 1e-5);
        expect(out.x[i * 2 + c]).toBeLessThanOrEqual(hi + 1e-5);
      }
      // Collinear with a and b: the cross product of (p - a) and (b - a) vanishes.
      const cross = (out.x[i * 2] - x[a * 2]) * (x[b * 2 + 1] - x[a * 2 + 1]) - (out.x[i * 2 + 1] - x[a * 2 + 1]) * (x[b * 2] - x[a * 2]);
      expect(Math.abs(cross)).toBeLessThan(1e-4);
    });
  });
});
