import { clip, knowsItem, knowsUser, type Trainset } from './trainset';
import { checkAborted, type FitOptions, type RatingModel } from './types';

export interface Baselines {
  bu: Float64Array;
  bi: Float64Array;
}

/**
 * Surprise's baseline_als: alternate closed-form updates, items first then users, each epoch:
 * b_i = sum_u (r_ui - mu - b_u) / (reg_i + |U_i|);  b_u = sum_i (r_ui - mu - b_i) / (reg_u + |I_u|).
 */
export function baselineAls(
  t: Trainset,
  epochs: number,
  regUser: number,
  regItem: number,
  options?: FitOptions,
): Baselines {
  const bu = new Float64Array(t.nUsers);
  const bi = new Float64Array(t.nItems);
  const mu = t.globalMean;
  for (let e = 0; e < epochs; e++) {
    checkAborted(options);
    for (let i = 0; i < t.nItems; i++) {
      const a = t.itemStart[i];
      const b = t.itemStart[i + 1];
      if (a === b) continue;
      let dev = 0;
      for (let p = a; p < b; p++) dev += t.itemRatings[p] - mu - bu[t.itemUsers[p]];
      bi[i] = dev / (regItem + (b - a));
    }
    for (let u = 0; u < t.nUsers; u++) {
      const a = t.userStart[u];
      const b = t.userStart[u + 1];
      if (a === b) continue;
      let dev = 0;
      for (let p = a; p < b; p++) dev += t.userRatings[p] - mu - bi[t.userItems[p]];
      bu[u] = dev / (regUser + (b - a));
    }
    options?.onProgress?.((e + 1) / epochs);
  }
  return { bu, bi };
}

/** mu + b_u + b_i, leaving out the bias of an unknown user or item (Surprise's BaselineOnly.estimate). */
export function baselineEstimate(t: Trainset, b: Baselines, u: number, i: number): number {
  let est = t.globalMean;
  if (knowsUser(t, u)) est += b.bu[u];
  if (knowsItem(t, i)) est += b.bi[i];
  return est;
}

export function fitBaselineOnly(
  t: Trainset,
  epochs: number,
  regUser: number,
  regItem: number,
  options?: FitOptions,
): RatingModel {
  const b = baselineAls(t, epochs, regUser, regItem, options);
  return {
    kind: 'baseline',
    nItems: t.nItems,
    predict: (u, i) => clip(t, baselineEstimate(t, b, u, i)),
    scoreUser(u, out) {
      for (let i = 0; i < t.nItems; i++) out[i] = clip(t, baselineEstimate(t, b, u, i));
    },
  };
}

/** Damped item mean: mu + sum_u (r_ui - mu) / (|U_i| + damping); the same for every user. */
export function fitPopularity(t: Trainset, damping: number): RatingModel {
  const score = new Float64Array(t.nItems);
  for (let i = 0; i < t.nItems; i++) {
    let dev = 0;
    const a = t.itemStart[i];
    const b = t.itemStart[i + 1];
    for (let p = a; p < b; p++) dev += t.itemRatings[p] - t.globalMean;
    const denom = b - a + damping;
    score[i] = clip(t, t.globalMean + (denom > 0 ? dev / denom : 0));
  }
  return {
    kind: 'popularity',
    nItems: t.nItems,
    predict: (_u, i) => (i >= 0 && i < t.nItems ? score[i] : clip(t, t.globalMean)),
    scoreUser(_u, out) {
      for (let i = 0; i < t.nItems; i++) out[i] = score[i];
    },
  };
}
