import { describe, expect, it } from 'vitest';
import { createRandom, shuffledIndices } from './random';

describe('createRandom', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRandom(7), b = createRandom(7), c = createRandom(8);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });
  it('draws normals with mean near 0 and variance near 1', () => {
    const r = createRandom(1);
    let s = 0, s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) { const x = r.normal(); s += x; s2 += x * x; }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });
  it('shuffles into a permutation', () => {
    const p = Array.from(shuffledIndices(100, createRandom(3))).sort((x, y) => x - y);
    expect(p).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
