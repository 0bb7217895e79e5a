import { describe, expect, it } from 'vitest';
import { DEFAULT_SPECS, fitAlgorithm } from './algorithms';
import { buildRatings, type RatingMatrix } from './ratings';
import { similarityLists, similarityMatrix, type RatingRows } from './similarity';
import { buildTrainset, clip, rowMeans, type Trainset } from './trainset';
import { FitCancelled, type Similarity } from './types';

/** 60 users x 700 items, seeded, so item-based scoring crosses several blocks of the fast path. */
function sparseRatings() {
  let s = 7;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const us: number[] = [], is: number[] = [], rs: number[] = [];
  for (let u = 0; u < 60; u++) {
    const seen = new Set<number>();
    for (let k = 0; k < 40 + (u % 7) * 30; k++) {
      const i = Math.floor(rand() * rand() * 700);
      if (seen.has(i)) continue;
      seen.add(i);
      us.push(u);
      is.push(i);
      rs.push(1 + Math.floor(rand() * 5));
    }
  }
  const r = buildRatings(us, is, rs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('item kNN scoring a user against every item', () => {
  const data = sparseRatings();
  const train = Int32Array.from(data.rating.keys()).filter((r) => r % 5 !== 0);
  const model = fitAlgorithm({ ...DEFAULT_SPECS.knn, userBased: false }, data, train);

  it('gives exactly what predict gives, item by item (the blocked read changes no score)', () => {
    const out = new Float32Array(data.items.length);
    for (const u of [0, 13, 59]) {
      model.scoreUser(u, out);
      for (let i = 0; i < data.items.length; i++) expect(out[i]).toBeCloseTo(model.predict(u, i), 5);
    }
  });

  it('keeps predict\'s neighbours when many similarities tie (k = 3, every user)', () => {
    // Unshrunk MSD over 1-5 stars takes few distinct values, so most heaps fill and then see ties:
    // the earlier rated item must stay, as in predict's selection.
    const small = fitAlgorithm({ ...DEFAULT_SPECS.knn, userBased: false, k: 3 }, data, train);
    const out = new Float32Array(data.items.length);
    for (let u = 0; u < data.users.length; u++) {
      small.scoreUser(u, out);
      for (let i = 0; i < data.items.length; i++) if (Math.abs(out[i] - small.predict(u, i)) > 1e-5) throw new Error(`user ${u} item ${i}: ${out[i]} vs ${small.predict(u, i)}`);
    }
  });

  it('stops inside the scoring loop when the comparison is cancelled', () => {
    const signal = { aborted: false };
    const cancellable = fitAlgorithm({ ...DEFAULT_SPECS.knn, userBased: false }, data, train, { signal });
    signal.aborted = true;
    expect(() => cancellable.scoreUser(0, new Float32Array(data.items.length))).toThrow(FitCancelled);
  });
});

/**
 * Surprise's KNNWithMeans.estimate written out over the dense matrix with every similarity kept
 * (negative and zero ones too): heapq.nlargest(k) by similarity, earliest first among equals,
 * then only sim > 0 counted. The sparse model drops sim <= 0 and must give the same numbers.
 */
function bruteForce(t: Trainset, rows: RatingRows, sim: Float32Array, k: number, userBased: boolean) {
  const n = rows.nX;
  const means = rowMeans(rows.xStart, rows.xRating);
  return (u: number, i: number): number => {
    const x = userBased ? u : i;
    const y = userBased ? i : u;
    const cands: { s: number; dev: number }[] = [];
    for (let q = rows.yStart[y]; q < rows.yStart[y + 1]; q++) {
      const x2 = rows.yOther[q];
      cands.push({ s: sim[x * n + x2], dev: rows.yRating[q] - means[x2] });
    }
    const top = cands.map((c, at) => ({ ...c, at })).sort((a, b) => b.s - a.s || a.at - b.at).slice(0, k);
    let sumSim = 0, sumDev = 0, actual = 0;
    for (const c of top) if (c.s > 0) { sumSim += c.s; sumDev += c.s * c.dev; actual++; }
    return clip(t, actual < 1 || sumSim === 0 ? means[x] : means[x] + sumDev / sumSim);
  };
}

function sides(t: Trainset, userBased: boolean): RatingRows {
  return userBased
    ? { nX: t.nUsers, xStart: t.userStart, xOther: t.userItems, xRating: t.userRatings, yStart: t.itemStart, yOther: t.itemUsers, yRating: t.itemRatings }
    : { nX: t.nItems, xStart: t.itemStart, xOther: t.itemUsers, xRating: t.itemRatings, yStart: t.userStart, yOther: t.userItems, yRating: t.userRatings };
}

describe('sparse similarity lists', () => {
  const data: RatingMatrix = sparseRatings();
  const train = Int32Array.from(data.rating.keys()).filter((r) => r % 5 !== 0);
  const t = buildTrainset(data, train);
  const cases: [Similarity, boolean][] = [['pearson', false], ['msd', false], ['cosine', true], ['pearson', true]];

  for (const [similarity, userBased] of cases) {
    it(`keeping every positive similarity gives Surprise's estimates exactly (${similarity}, ${userBased ? 'user' : 'item'}-based)`, () => {
      const rows = sides(t, userBased);
      const dense = similarityMatrix(rows, { name: similarity, minSupport: 1, shrinkage: 100 });
      const reference = bruteForce(t, rows, dense, 5, userBased);
      const model = fitAlgorithm({ ...DEFAULT_SPECS.knn, similarity, userBased, k: 5 }, data, train);
      const out = new Float32Array(data.items.length);
      for (const u of [0, 7, 31, 59]) {
        model.scoreUser(u, out);
        for (let i = 0; i < data.items.length; i++) {
          if (t.itemStart[i + 1] === t.itemStart[i]) continue;
          const want = reference(u, i);
          expect(model.predict(u, i)).toBeCloseTo(want, 9);
          expect(out[i]).toBeCloseTo(want, 5);
        }
      }
    });
  }

  it('sim(a, b) and sim(b, a) are the same number, bit for bit', () => {
    const s = similarityLists(sides(t, false), { name: 'pearson', minSupport: 1, shrinkage: 100 });
    const dense = new Float32Array(s.n * s.n).fill(NaN);
    for (let x = 0; x < s.n; x++) for (let p = s.start[x]; p < s.start[x + 1]; p++) dense[x * s.n + s.index[p]] = s.sim[p];
    for (let a = 0; a < s.n; a++) for (let b = 0; b < a; b++) expect(Object.is(dense[a * s.n + b], dense[b * s.n + a])).toBe(true);
  });

  it("a cap keeps each row's best neighbours, symmetric, within n (2 keep + 1) entries", () => {
    const rows = sides(t, false);
    const keep = 8;
    const full = similarityLists(rows, { name: 'msd', minSupport: 1, shrinkage: 100, supportShrinkage: 100 });
    const capped = similarityLists(rows, { name: 'msd', minSupport: 1, shrinkage: 100, supportShrinkage: 100, keep });
    expect(capped.index.length).toBeLessThanOrEqual(capped.n * (2 * keep + 1));
    expect(capped.index.length).toBeLessThan(full.index.length);
    const pairs = new Map<string, number>();
    for (let x = 0; x < capped.n; x++) for (let p = capped.start[x]; p < capped.start[x + 1]; p++) pairs.set(`${x},${capped.index[p]}`, capped.sim[p]);
    for (const [key, s] of pairs) {
      const [a, b] = key.split(',');
      expect(pairs.get(`${b},${a}`)).toBe(s);
    }
    for (let x = 0; x < full.n; x++) {
      const row = [];
      for (let p = full.start[x]; p < full.start[x + 1]; p++) if (full.index[p] !== x) row.push({ j: full.index[p], s: full.sim[p] });
      row.sort((a, b) => b.s - a.s || a.j - b.j);
      for (const { j, s } of row.slice(0, keep)) expect(pairs.get(`${x},${j}`)).toBe(s);
    }
  });

  it('with a cap, scoring every item still gives what predict gives', () => {
    const model = fitAlgorithm({ ...DEFAULT_SPECS.knn, userBased: false, keep: 8, supportShrinkage: 100 }, data, train);
    const out = new Float32Array(data.items.length);
    for (const u of [3, 44]) {
      model.scoreUser(u, out);
      for (let i = 0; i < data.items.length; i++) expect(out[i]).toBeCloseTo(model.predict(u, i), 5);
    }
  });
});
