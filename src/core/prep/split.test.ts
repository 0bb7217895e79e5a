import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from './split';
import { createRandom } from '../random';

const fractions = { train: 0.7, val: 0.15, test: 0.15 };

function imbalanced(n: number): Float32Array {
  const r = createRandom(3);
  // about 60% / 30% / 10% classes
  return Float32Array.from({ length: n }, () => {
    const u = r.next();
    return u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
  });
}

describe('stratifiedSplit', () => {
  const y = imbalanced(1003);
  const rows = Int32Array.from({ length: y.length }, (_, i) => i);

  it('partitions the rows with sizes within a row of the fractions', () => {
    const s = stratifiedSplit(y, rows, fractions, 7, true);
    const all = [...s.train, ...s.val, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from(rows));
    expect(Math.abs(s.train.length - 0.7 * 1003)).toBeLessThanOrEqual(1);
    expect(Math.abs(s.val.length - 0.15 * 1003)).toBeLessThanOrEqual(1);
    expect(Math.abs(s.test.length - 0.15 * 1003)).toBeLessThanOrEqual(1);
  });

  it('keeps every class within one row of its share in every split', () => {
    const s = stratifiedSplit(y, rows, fractions, 7, true);
    for (const c of [0, 1, 2]) {
      const nc = Array.from(y).filter((v) => v === c).length;
      for (const [name, part] of Object.entries(s)) {
        const got = Array.from(part as Int32Array).filter((r) => y[r] === c).length;
        const share = fractions[name as keyof typeof fractions] * nc;
        expect(Math.abs(got - share)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const a = stratifiedSplit(y, rows, fractions, 11, true);
    expect(stratifiedSplit(y, rows, fractions, 11, true)).toEqual(a);
    expect(stratifiedSplit(y, rows, fractions, 12, true).test).not.toEqual(a.test);
    expect(stratifiedSplit(y, rows, fractions, 11, false)).toEqual(stratifiedSplit(y, rows, fractions, 11, false));
  });

  it('stratifies a continuous target on quantile bins, so each split spans the range', () => {
    const r = createRandom(5);
    const yr = Float32Array.from({ length: 500 }, () => r.normal() * 10);
    const s = stratifiedSplit(yr, Int32Array.from({ length: 500 }, (_, i) => i), { train: 0.8, val: 0, test: 0.2 }, 1, true);
    expect(s.val.length).toBe(0);
    expect(s.test.length).toBe(100);
    const sorted = Array.from(yr).sort((a, b) => a - b);
    // each decile of the target contributes 10 test rows
    for (let d = 0; d < 10; d++) {
      const lo = sorted[d * 50];
      const hi = d === 9 ? Infinity : sorted[(d + 1) * 50];
      expect(Array.from(s.test).filter((i) => yr[i] >= lo && yr[i] < hi).length).toBe(10);
    }
  });

  it('only uses the given rows', () => {
    const some = Int32Array.from([5, 9, 10, 20, 33, 40, 41, 50, 60, 70]);
    const s = stratifiedSplit(y, some, fractions, 2, true);
    expect([...s.train, ...s.val, ...s.test].sort((a, b) => a - b)).toEqual(Array.from(some));
  });
});
