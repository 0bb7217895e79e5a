import { describe, expect, it } from 'vitest';
import { contains, fitBpr } from './bpr';
import { userHistory } from './interactions';
import { topK } from './metrics';
import { twoBlocks } from './fixtures/blocks';

const spec = { kind: 'bpr' as const, factors: 8, epochs: 200, lr: 0.05, reg: 0.01, seed: 3 };

describe('BPR', () => {
  it('ranks the missing item of each taste group first', () => {
    const x = twoBlocks();
    const m = fitBpr(x, spec);
    const out = new Float32Array(10);
    for (const [u, want] of [[0, 4], [10, 9]]) {
      m.scoreUser(u, out);
      for (const i of userHistory(x, u).items) out[i] = -Infinity;
      expect(topK(out, 1)[0]).toBe(want);
    }
  });

  it('a new user scored from a history leans to that history\'s group', () => {
    const m = fitBpr(twoBlocks(), spec);
    const out = new Float32Array(10);
    m.scoreHistory({ items: Int32Array.from([5, 6, 7]), conf: Float32Array.from([1, 1, 1]) }, out);
    const best = topK(out, 5);
    expect(Array.from(best).every((i) => i >= 5)).toBe(true);
  });

  it('is the same for the same seed', () => {
    const a = new Float32Array(10);
    const b = new Float32Array(10);
    fitBpr(twoBlocks(), { ...spec, epochs: 5 }).scoreUser(1, a);
    fitBpr(twoBlocks(), { ...spec, epochs: 5 }).scoreUser(1, b);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('binary search finds members only', () => {
    const a = Int32Array.from([1, 4, 9]);
    expect([0, 1, 4, 5, 9, 10].map((v) => contains(a, 0, 3, v))).toEqual([false, true, true, false, true, false]);
  });
});
