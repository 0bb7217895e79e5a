import { describe, expect, it } from 'vitest';
import { fitAls } from './als';
import { userHistory } from './interactions';
import { choleskySolve } from './linalg';
import { topK } from './metrics';
import { twoBlocks } from './fixtures/blocks';

const spec = { kind: 'als' as const, factors: 4, iterations: 30, reg: 0.1, alpha: 2, cgSteps: 4, seed: 7 };

function unseenTop(scores: Float32Array, seen: Int32Array): number {
  for (const i of seen) scores[i] = -Infinity;
  return topK(scores, 1)[0];
}

describe('implicit ALS', () => {
  it('Cholesky solve by hand: [[4,2],[2,3]] x = [2,1] gives x = [0.5, 0]', () => {
    const x = choleskySolve(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2);
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
  });

  it('ranks the missing item of each taste group first', () => {
    const x = twoBlocks();
    const m = fitAls(x, spec);
    const out = new Float32Array(10);
    m.scoreUser(0, out);
    expect(unseenTop(out, userHistory(x, 0).items)).toBe(4);
    m.scoreUser(10, out);
    expect(unseenTop(out, userHistory(x, 10).items)).toBe(9);
  });

  it('converged: folding a trained user back in gives (almost) their own factors, since CG with f steps is exact', () => {
    const x = twoBlocks();
    const m = fitAls(x, { ...spec, iterations: 400 });
    for (const u of [0, 3, 12]) {
      const folded = m.foldIn(userHistory(x, u));
      for (let k = 0; k < 4; k++) expect(folded[k]).toBeCloseTo(m.userFactors[u * 4 + k], 3);
    }
  });

  it('is the same for the same seed, and reports progress per iteration', () => {
    const x = twoBlocks();
    const seen: number[] = [];
    const a = fitAls(x, { ...spec, iterations: 3 }, { onProgress: (f) => seen.push(f) });
    const b = fitAls(x, { ...spec, iterations: 3 });
    expect(Array.from(a.itemFactors)).toEqual(Array.from(b.itemFactors));
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
  });

  it('stops when cancelled', () => {
    expect(() => fitAls(twoBlocks(), spec, { signal: { aborted: true } })).toThrow(/cancelled/);
  });
});
