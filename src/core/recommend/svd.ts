import { createRandom, shuffledIndices } from '../random';
import { clip, knowsItem, knowsUser, type Trainset } from './trainset';
import { checkAborted, runSteps, type Steps, type Contribution, type FitOptions, type RatingModel, type SgdOrder } from './types';

export interface SvdOptions {
  factors: number;
  epochs: number;
  lr: number;
  reg: number;
  initStd: number;
  seed: number;
  order?: SgdOrder;
}

/** Factor matrices drawn from normal(0, initStd), row-major: users then items, as Surprise draws pu then qi. */
export function initFactors(rows: number, factors: number, std: number, random: { normal(): number }): Float64Array {
  const m = new Float64Array(rows * factors);
  for (let k = 0; k < m.length; k++) m[k] = random.normal() * std;
  return m;
}

/**
 * Training-rating positions (into t.userItems/userRatings, with their user) in the order SGD visits them.
 * 'surprise': grouped by user in first-appearance order, within a user in training order, every epoch.
 */
export function visitOrder(t: Trainset): { pos: Int32Array; user: Int32Array } {
  const n = t.userItems.length;
  const pos = new Int32Array(n);
  const user = new Int32Array(n);
  let k = 0;
  for (const u of t.userOrder) {
    for (let p = t.userStart[u]; p < t.userStart[u + 1]; p++) {
      pos[k] = p;
      user[k++] = u;
    }
  }
  return { pos, user };
}

/**
 * Surprise SVD: r_hat = mu + b_u + b_i + q_i . p_u, fitted by SGD with one lr and reg for all:
 * b_u += lr (e - reg b_u); b_i += lr (e - reg b_i); p_u += lr (e q_i - reg p_u); q_i += lr (e p_u - reg q_i),
 * where the factor updates use the values from before this step.
 */
export function fitSvd(t: Trainset, o: SvdOptions, options?: FitOptions): RatingModel {
  return runSteps(fitSvdSteps(t, o, options));
}

/** fitSvd as steps: it pauses (yields) between epochs, so an async caller can let a cancel in. */
export function* fitSvdSteps(t: Trainset, o: SvdOptions, options?: FitOptions): Steps<RatingModel> {
  const F = o.factors;
  const random = createRandom(o.seed);
  const pu = initFactors(t.nUsers, F, o.initStd, random);
  const qi = initFactors(t.nItems, F, o.initStd, random);
  const bu = new Float64Array(t.nUsers);
  const bi = new Float64Array(t.nItems);
  const mu = t.globalMean;
  const { lr, reg } = o;
  const visit = visitOrder(t);
  const n = visit.pos.length;
  for (let e = 0; e < o.epochs; e++) {
    if (e > 0) yield;
    checkAborted(options);
    const perm = o.order === 'shuffled' ? shuffledIndices(n, random) : null;
    for (let k = 0; k < n; k++) {
      const v = perm ? perm[k] : k;
      const p = visit.pos[v];
      const u = visit.user[v];
      const i = t.userItems[p];
      const uo = u * F;
      const io = i * F;
      let dot = 0;
      for (let f = 0; f < F; f++) dot += qi[io + f] * pu[uo + f];
      const err = t.userRatings[p] - (mu + bu[u] + bi[i] + dot);
      bu[u] += lr * (err - reg * bu[u]);
      bi[i] += lr * (err - reg * bi[i]);
      for (let f = 0; f < F; f++) {
        const puf = pu[uo + f];
        const qif = qi[io + f];
        pu[uo + f] += lr * (err * qif - reg * puf);
        qi[io + f] += lr * (err * puf - reg * qif);
      }
    }
    options?.onProgress?.((e + 1) / o.epochs);
  }
  return factorModel('svd', t, bu, bi, pu, qi, F);
}

/**
 * A biased factor model r_hat = mu + b_u + b_i + q_i . userVec_u, with Surprise's handling of unknowns:
 * an unknown user (item) contributes no bias and no factors.
 */
export function factorModel(
  kind: 'svd' | 'svdpp',
  t: Trainset,
  bu: Float64Array,
  bi: Float64Array,
  userVec: Float64Array,
  qi: Float64Array,
  F: number,
  explainUser?: (u: number, i: number, top: number) => Contribution[],
): RatingModel {
  const estimate = (u: number, i: number): number => {
    const ku = knowsUser(t, u);
    const ki = knowsItem(t, i);
    let est = t.globalMean;
    if (ku) est += bu[u];
    if (ki) est += bi[i];
    if (ku && ki) {
      let dot = 0;
      for (let f = 0; f < F; f++) dot += qi[i * F + f] * userVec[u * F + f];
      est += dot;
    }
    return est;
  };
  const norms = new Float64Array(t.nItems);
  for (let i = 0; i < t.nItems; i++) {
    let s = 0;
    for (let f = 0; f < F; f++) s += qi[i * F + f] ** 2;
    norms[i] = Math.sqrt(s);
  }
  const cosine = (i: number, j: number): number => {
    if (norms[i] === 0 || norms[j] === 0) return 0;
    let s = 0;
    for (let f = 0; f < F; f++) s += qi[i * F + f] * qi[j * F + f];
    return s / (norms[i] * norms[j]);
  };
  return {
    kind,
    nItems: t.nItems,
    predict: (u, i) => clip(t, estimate(u, i)),
    scoreUser(u, out) {
      for (let i = 0; i < t.nItems; i++) out[i] = clip(t, estimate(u, i));
    },
    // Plain SVD has no per-item term: rank u's rated items by factor similarity times how much u liked them.
    explain:
      explainUser ??
      ((u, i, top) => {
        if (!knowsUser(t, u) || !knowsItem(t, i)) return [];
        const out: Contribution[] = [];
        for (let p = t.userStart[u]; p < t.userStart[u + 1]; p++) {
          const j = t.userItems[p];
          if (j === i) continue;
          out.push({ item: j, weight: cosine(i, j) * (t.userRatings[p] - t.globalMean - bu[u]) });
        }
        return out.sort((a, b) => b.weight - a.weight).slice(0, top);
      }),
    itemSimilarity(i, out) {
      for (let j = 0; j < t.nItems; j++) out[j] = knowsItem(t, j) && knowsItem(t, i) ? cosine(i, j) : 0;
    },
  };
}
