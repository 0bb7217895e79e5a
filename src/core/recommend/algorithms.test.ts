import { describe, expect, it } from 'vitest';
import { DEFAULT_SPECS, fitAlgorithm } from './algorithms';
import { baselineAls } from './baseline';
import tiny from './fixtures/tiny.json';
import { buildRatings, type RatingMatrix } from './ratings';
import { similarityMatrix } from './similarity';
import { buildTrainset } from './trainset';
import { FitCancelled } from './types';

/** The 4 x 5 matrix of fixtures/tiny.json (0 = unrated); U() and I() map its row/column to dense indices. */
function tinyData(): RatingMatrix {
  const us: number[] = [], is: number[] = [], rs: number[] = [];
  tiny.ratings.forEach((row, u) => row.forEach((r, i) => { if (r > 0) { us.push(u); is.push(i); rs.push(r); } }));
  const r = buildRatings(us, is, rs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const data = tinyData();
const all = Int32Array.from(data.rating.keys());
const U = (u: number): number => data.users.indexOf(String(u));
const I = (i: number): number => data.items.indexOf(String(i));
const t = buildTrainset(data, all);
const userRows = {
  nX: t.nUsers, xStart: t.userStart, xOther: t.userItems, xRating: t.userRatings,
  yStart: t.itemStart, yOther: t.itemUsers, yRating: t.itemRatings,
};

describe('similarities (user-based) against hand values and a NumPy transcription', () => {
  it('msd = 1 / (mean squared difference + 1): users 0 and 1 share items 0, 3, 4 with diffs 1, 0, 2 -> 3/8', () => {
    const s = similarityMatrix(userRows, { name: 'msd', minSupport: 1, shrinkage: 100 });
    expect(s[U(0) * 4 + U(1)]).toBeCloseTo(0.375, 6);
    expectMatrix(s, tiny.sim_msd);
  });
  it('cosine: 29 / sqrt(42 * 21) for users 0 and 1', () => {
    const s = similarityMatrix(userRows, { name: 'cosine', minSupport: 1, shrinkage: 100 });
    expect(s[U(0) * 4 + U(1)]).toBeCloseTo(29 / Math.sqrt(42 * 21), 6);
    expectMatrix(s, tiny.sim_cosine);
  });
  it('pearson over common items: 51 / sqrt(78 * 42) for users 0 and 1', () => {
    const s = similarityMatrix(userRows, { name: 'pearson', minSupport: 1, shrinkage: 100 });
    expect(s[U(0) * 4 + U(1)]).toBeCloseTo(51 / Math.sqrt(78 * 42), 6);
    expectMatrix(s, tiny.sim_pearson);
  });
  it('min support zeroes pairs with too few common items', () => {
    const s = similarityMatrix(userRows, { name: 'msd', minSupport: 3, shrinkage: 100 });
    expect(s[U(0) * 4 + U(1)]).toBeCloseTo(0.375, 6); // 3 common items
    expect(s[U(0) * 4 + U(3)]).toBe(0); // 2 common items
  });
  it('support shrinkage weighs msd by n / (n + shrinkage): 3/8 over 3 common items, shrinkage 3 -> 3/16', () => {
    const s = similarityMatrix(userRows, { name: 'msd', minSupport: 1, shrinkage: 100, supportShrinkage: 3 });
    expect(s[U(0) * 4 + U(1)]).toBeCloseTo(0.375 * 0.5, 6);
    expect(s[U(0) * 4 + U(0)]).toBe(1);
  });

  function expectMatrix(s: Float32Array, ref: number[][]): void {
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) expect(s[U(a) * 4 + U(b)]).toBeCloseTo(ref[a][b], 6);
  }
});

describe('KNNWithMeans', () => {
  for (const similarity of ['msd', 'cosine', 'pearson'] as const) {
    it(`predicts mu_u + sum sim (r - mu_v) / sum sim over the k nearest with sim > 0 (${similarity})`, () => {
      for (const k of [1, 2]) {
        const model = fitAlgorithm({ ...DEFAULT_SPECS.knn, similarity, k }, data, all);
        for (const c of tiny[`knn_${similarity}`].filter((x) => x.k === k)) {
          // Surprise clips estimates to the rating scale [1, 5].
          expect(model.predict(U(c.u), I(c.i))).toBeCloseTo(Math.min(5, Math.max(1, c.est)), 5);
        }
      }
    });
  }
  it('by hand: user 1, item 1 with msd, k = 2 uses users 0 (3/8) and 2 (1/(46/4+1)) ', () => {
    const model = fitAlgorithm({ ...DEFAULT_SPECS.knn, k: 2 }, data, all);
    const s0 = 0.375, s2 = 1 / (((4 - 1) ** 2 + (1 - 5) ** 2 + (2 - 3) ** 2) / 3 + 1);
    const expected = 7 / 3 + (s0 * (3 - 13 / 4) + s2 * (1 - 10 / 4)) / (s0 + s2);
    expect(model.predict(U(1), I(1))).toBeCloseTo(expected, 6);
    const why = model.explain!(U(1), I(1), 5);
    expect(why.map((c) => c.item).sort()).toEqual([U(0), U(2)].sort());
  });
  it('falls back to the user mean below min_k and to the global mean for an unknown user', () => {
    const model = fitAlgorithm({ ...DEFAULT_SPECS.knn, minK: 5 }, data, all);
    expect(model.predict(U(1), I(1))).toBeCloseTo(7 / 3, 6);
    const train = Int32Array.from(all.filter((r) => data.user[r] !== U(3)));
    const m2 = fitAlgorithm(DEFAULT_SPECS.knn, data, train);
    const mu = train.reduce((s, r) => s + data.rating[r], 0) / train.length;
    expect(m2.predict(U(3), I(0))).toBeCloseTo(mu, 6);
  });
});

describe('BaselineOnly (ALS)', () => {
  it('matches the NumPy transcription of Surprise baseline_als', () => {
    for (const [key, ru, ri] of [['baseline_10_15_10', 15, 10], ['baseline_10_1_1', 1, 1]] as const) {
      const b = baselineAls(t, 10, ru, ri);
      const ref = tiny[key];
      for (let u = 0; u < 4; u++) expect(b.bu[U(u)]).toBeCloseTo(ref.bu[u], 10);
      for (let i = 0; i < 5; i++) expect(b.bi[I(i)]).toBeCloseTo(ref.bi[i], 10);
    }
    expect(t.globalMean).toBeCloseTo(tiny.globalMean, 12);
  });
  it('predicts mu + b_u + b_i, dropping the bias of an unknown item, clipped to the scale', () => {
    const model = fitAlgorithm({ kind: 'baseline', epochs: 10, regUser: 1, regItem: 1 }, data, all);
    const ref = tiny.baseline_10_1_1;
    expect(model.predict(U(0), I(2))).toBeCloseTo(tiny.globalMean + ref.bu[0] + ref.bi[2], 6);
    const train = Int32Array.from(all.filter((r) => data.item[r] !== I(2)));
    const m2 = fitAlgorithm({ kind: 'baseline', epochs: 10, regUser: 1, regItem: 1 }, data, train);
    const b = baselineAls(buildTrainset(data, train), 10, 1, 1);
    const mu = train.reduce((s, r) => s + data.rating[r], 0) / train.length;
    expect(m2.predict(U(0), I(2))).toBeCloseTo(mu + b.bu[U(0)], 6);
  });
});

describe('every algorithm', () => {
  it('stays within the rating scale, fills scoreUser like predict, and stops when aborted', () => {
    for (const spec of Object.values(DEFAULT_SPECS)) {
      const model = fitAlgorithm(spec, data, all);
      const out = new Float32Array(data.items.length);
      model.scoreUser(U(2), out);
      for (let i = 0; i < 5; i++) {
        expect(out[i]).toBeCloseTo(model.predict(U(2), i), 5);
        expect(out[i]).toBeGreaterThanOrEqual(1);
        expect(out[i]).toBeLessThanOrEqual(5);
      }
      if (spec.kind !== 'popularity') {
        expect(() => fitAlgorithm(spec, data, all, { signal: { aborted: true } })).toThrow(FitCancelled);
      }
    }
  });
});
