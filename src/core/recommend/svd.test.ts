import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { DEFAULT_SPECS, fitAlgorithm } from './algorithms';
import { buildRatings } from './ratings';
import { initFactors, visitOrder } from './svd';
import { buildTrainset } from './trainset';

// 5 users x 6 items, a few ratings each, in a scrambled order so first-appearance order matters.
const rows = [
  [2, 0, 4], [0, 1, 5], [4, 5, 2], [1, 0, 3], [0, 3, 1], [3, 2, 4], [2, 5, 5], [1, 4, 2], [4, 1, 3],
  [0, 0, 4], [3, 5, 1], [2, 2, 3], [1, 1, 4], [4, 3, 5], [3, 0, 2], [0, 4, 3], [2, 3, 1], [1, 5, 5],
];
const built = buildRatings(rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]));
if (!built.ok) throw new Error(built.error.message);
const data = built.value;
const all = Int32Array.from(data.rating.keys());

describe('SVD', () => {
  it('updates biases by lr (err - reg b) when the factors start at zero', () => {
    const r = buildRatings(['u', 'v'], ['a', 'b'], [5, 1]);
    if (!r.ok) throw new Error(r.error.message);
    const m = fitAlgorithm({ ...DEFAULT_SPECS.svd, factors: 1, epochs: 1, lr: 0.1, reg: 0.5, initStd: 0 }, r.value, Int32Array.from([0, 1]));
    // mu = 3; (u, a): err 2 -> b_u = b_a = 0.2; (v, b): err -2 -> b_v = b_b = -0.2.
    expect(m.predict(0, 0)).toBeCloseTo(3.4, 12);
    expect(m.predict(0, 1)).toBeCloseTo(3, 12);
    expect(m.predict(1, 1)).toBeCloseTo(2.6, 12);
  });
  it('is reproducible for a seed, and the shuffled order differs from Surprise order', () => {
    const a = fitAlgorithm(DEFAULT_SPECS.svd, data, all).predict(1, 2);
    expect(fitAlgorithm(DEFAULT_SPECS.svd, data, all).predict(1, 2)).toBe(a);
    expect(fitAlgorithm({ ...DEFAULT_SPECS.svd, order: 'shuffled' }, data, all).predict(1, 2)).not.toBe(a);
  });
});

describe('SVD++', () => {
  it("matches a direct transcription of Surprise's per-rating SVDpp loop", () => {
    const o = { ...DEFAULT_SPECS.svdpp, factors: 3, epochs: 7, lr: 0.05, reg: 0.1, seed: 5 };
    const model = fitAlgorithm(o, data, all);
    const t = buildTrainset(data, all);
    const F = o.factors;
    const random = createRandom(o.seed);
    const pu = initFactors(t.nUsers, F, o.initStd, random);
    const qi = initFactors(t.nItems, F, o.initStd, random);
    const yj = initFactors(t.nItems, F, o.initStd, random);
    const bu = new Float64Array(t.nUsers), bi = new Float64Array(t.nItems);
    const items = (u: number): number[] => Array.from(t.userItems.subarray(t.userStart[u], t.userStart[u + 1]));
    const visit = visitOrder(t);
    for (let e = 0; e < o.epochs; e++) {
      for (let k = 0; k < visit.pos.length; k++) {
        const u = visit.user[k], p = visit.pos[k], i = t.userItems[p], Iu = items(u);
        const s = Math.sqrt(Iu.length);
        const impl = Array.from({ length: F }, (_, f) => Iu.reduce((acc, j) => acc + yj[j * F + f] / s, 0));
        let dot = 0;
        for (let f = 0; f < F; f++) dot += qi[i * F + f] * (pu[u * F + f] + impl[f]);
        const err = t.userRatings[p] - (t.globalMean + bu[u] + bi[i] + dot);
        bu[u] += o.lr * (err - o.reg * bu[u]);
        bi[i] += o.lr * (err - o.reg * bi[i]);
        for (let f = 0; f < F; f++) {
          const puf = pu[u * F + f], qif = qi[i * F + f];
          pu[u * F + f] += o.lr * (err * qif - o.reg * puf);
          qi[i * F + f] += o.lr * (err * (puf + impl[f]) - o.reg * qif);
          for (const j of Iu) yj[j * F + f] += o.lr * ((err * qif) / s - o.reg * yj[j * F + f]);
        }
      }
    }
    for (let u = 0; u < t.nUsers; u++) {
      const Iu = items(u), s = Math.sqrt(Iu.length);
      for (let i = 0; i < t.nItems; i++) {
        let est = t.globalMean + bu[u] + bi[i];
        for (let f = 0; f < F; f++) est += qi[i * F + f] * (pu[u * F + f] + Iu.reduce((acc, j) => acc + yj[j * F + f] / s, 0));
        expect(model.predict(u, i)).toBeCloseTo(Math.min(5, Math.max(1, est)), 10);
      }
    }
  });
  it("explains with each rated item's share q_i . y_j / sqrt|I_u|", () => {
    const model = fitAlgorithm(DEFAULT_SPECS.svdpp, data, all);
    const why = model.explain!(0, 2, 10);
    expect(why.length).toBe(4); // user 0 rated four items
    expect(why[0].weight).toBeGreaterThanOrEqual(why[3].weight);
  });
});

describe('SVD and SVD++ fits that let a cancel in', () => {
  it('give the same model as the one-go fit, and stop within one epoch of a cancel (no progress after it)', async () => {
    const { fitAlgorithmAsync } = await import('./algorithms');
    const { FitCancelled } = await import('./types');
    for (const spec of [DEFAULT_SPECS.svd, DEFAULT_SPECS.svdpp]) {
      const pause = () => Promise.resolve();
      const stepped = await fitAlgorithmAsync(spec, data, all, pause);
      const once = fitAlgorithm(spec, data, all);
      for (let u = 0; u < 5; u++) for (let i = 0; i < 6; i++) expect(stepped.predict(u, i)).toBe(once.predict(u, i));

      const signal = { aborted: false };
      const progress: number[] = [];
      let afterCancel = 0;
      const fit = fitAlgorithmAsync(spec, data, all, pause, {
        signal,
        onProgress: (x) => {
          if (signal.aborted) afterCancel++;
          progress.push(x);
          // Cancel once the first epoch reports.
          signal.aborted = true;
        },
      });
      await expect(fit).rejects.toBeInstanceOf(FitCancelled);
      expect(progress).toEqual([1 / spec.epochs]);
      expect(afterCancel).toBe(0);
    }
  });
});
