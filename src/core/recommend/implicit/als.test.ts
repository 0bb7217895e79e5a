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

  it('one user step equals the Hu-Koren normal equations summed over every item, solved by brute force', () => {
    const x = twoBlocks();
    const f = 4;
    // iterations 0 leaves the seeded initial item factors; one iteration first solves users against them.
    const init = fitAls(x, { ...spec, iterations: 0 }).itemFactors;
    const one = fitAls(x, { ...spec, iterations: 1, cgSteps: 50 });
    for (const u of [0, 10]) {
      const h = userHistory(x, u);
      const expected = bruteForceUser(init, 10, f, h.items, spec.alpha, spec.reg);
      expect(Math.max(...expected.map(Math.abs))).toBeGreaterThan(1e-3);
      for (let k = 0; k < f; k++) expect(one.userFactors[u * f + k] / expected[k]).toBeCloseTo(1, 4);
      // Fold-in against the same item factors gives the same answer.
      const folded = fitAls(x, { ...spec, iterations: 0 }).foldIn(h);
      for (let k = 0; k < f; k++) expect(folded[k] / expected[k]).toBeCloseTo(1, 6);
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

/**
 * min_x sum_i c_i (p_i - x.y_i)^2 + reg |x|^2 with c_i = 1 + alpha (interacted) or 1, p_i = 1 or 0:
 * (sum_i c_i y_i y_i^T + reg I) x = sum_i c_i p_i y_i, built item by item and solved by Gauss-Jordan.
 */
function bruteForceUser(items: Float32Array, nItems: number, f: number, liked: Int32Array, alpha: number, reg: number): number[] {
  const a = Array.from({ length: f }, (_, r) => Array.from({ length: f + 1 }, (_, c) => (r === c ? reg : 0)));
  for (let i = 0; i < nItems; i++) {
    const p = liked.includes(i) ? 1 : 0;
    const c = 1 + alpha * p;
    for (let r = 0; r < f; r++) {
      for (let s = 0; s < f; s++) a[r][s] += c * items[i * f + r] * items[i * f + s];
      a[r][f] += c * p * items[i * f + r];
    }
  }
  for (let col = 0; col < f; col++) {
    const pivot = a[col][col];
    for (let c = col; c <= f; c++) a[col][c] /= pivot;
    for (let r = 0; r < f; r++) {
      if (r === col) continue;
      const m = a[r][col];
      for (let c = col; c <= f; c++) a[r][c] -= m * a[col][c];
    }
  }
  return a.map((row) => row[f]);
}
