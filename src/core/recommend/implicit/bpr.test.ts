import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random';
import { buildInteractions } from './interactions';
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

  it('one SGD step by hand: ascent on ln sigmoid(x_ui - x_uj) with L2, from the seeded init', () => {
    // One user who has item 0 of two: every sample is (0, 0, j); j = 0 is skipped.
    const x = buildInteractions(1, 2, { user: Int32Array.from([0]), item: Int32Array.from([0]) });
    const f = 2;
    const lr = 0.5;
    const reg = 0.1;
    const seed = 11;
    // Replay the stream: init (user, then items), then per sample an interaction draw and a negative draw.
    const random = createRandom(seed);
    const scale = 1 / Math.sqrt(f);
    const u = [0, 0].map(() => (random.next() - 0.5) * scale);
    const v = [0, 0, 0, 0].map(() => (random.next() - 0.5) * scale);
    const b = [0, 0];
    random.int(1);
    const j = random.int(2);
    if (j === 1) {
      const z = 1 / (1 + Math.exp(b[0] - b[1] + u[0] * (v[0] - v[2]) + u[1] * (v[1] - v[3])));
      const u0 = [...u];
      for (let k = 0; k < f; k++) {
        u[k] += lr * (z * (v[k] - v[2 + k]) - reg * u0[k]);
        v[k] += lr * (z * u0[k] - reg * v[k]);
        v[2 + k] += lr * (-z * u0[k] - reg * v[2 + k]);
      }
      b[0] += lr * z;
      b[1] -= lr * z;
    }
    const out = new Float32Array(2);
    fitBpr(x, { kind: 'bpr', factors: f, epochs: 1, lr, reg, seed }).scoreUser(0, out);
    expect(out[0]).toBeCloseTo(b[0] + u[0] * v[0] + u[1] * v[1], 6);
    expect(out[1]).toBeCloseTo(b[1] + u[0] * v[2] + u[1] * v[3], 6);
    expect(j).toBe(1); // the seed was chosen so the step happens
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
