import { createRandom } from '../random';
import { factorModel, initFactors } from './svd';
import { knowsItem, knowsUser, type Trainset } from './trainset';
import { checkAborted, runSteps, type Steps, type Contribution, type FitOptions, type RatingModel } from './types';

export interface SvdppOptions {
  factors: number;
  epochs: number;
  lr: number;
  reg: number;
  initStd: number;
  seed: number;
}

/**
 * Surprise SVDpp: r_hat = mu + b_u + b_i + q_i . (p_u + |I_u|^-1/2 sum_{j in I_u} y_j), same SGD steps,
 * ratings visited grouped by user as Surprise's all_ratings() does.
 *
 * Surprise updates every y_j (j in I_u) after each of u's ratings: O(|I_u| F) per rating, minutes on
 * ml-100k. Within u's block every y_j follows the same recurrence y_j <- (1 - lr reg) y_j + c_t with
 * c_t = lr e_t q_i / sqrt|I_u|, so we carry the implicit sum z and the pending shift C in O(F) per rating
 * and apply y_j <- (1 - lr reg)^n y_j + C once at the block's end. Same arithmetic, up to rounding.
 */
export function fitSvdpp(t: Trainset, o: SvdppOptions, options?: FitOptions): RatingModel {
  return runSteps(fitSvdppSteps(t, o, options));
}

/** fitSvdpp as steps: it pauses (yields) between epochs, so an async caller can let a cancel in. */
export function* fitSvdppSteps(t: Trainset, o: SvdppOptions, options?: FitOptions): Steps<RatingModel> {
  const F = o.factors;
  const random = createRandom(o.seed);
  const pu = initFactors(t.nUsers, F, o.initStd, random);
  const qi = initFactors(t.nItems, F, o.initStd, random);
  const yj = initFactors(t.nItems, F, o.initStd, random);
  const bu = new Float64Array(t.nUsers);
  const bi = new Float64Array(t.nItems);
  const mu = t.globalMean;
  const { lr, reg } = o;
  const keep = 1 - lr * reg;
  const z = new Float64Array(F);
  const shift = new Float64Array(F);
  for (let e = 0; e < o.epochs; e++) {
    if (e > 0) yield;
    checkAborted(options);
    for (const u of t.userOrder) {
      const a = t.userStart[u];
      const b = t.userStart[u + 1];
      const nU = b - a;
      const s = 1 / Math.sqrt(nU);
      implicitSum(t, yj, F, u, s, z);
      shift.fill(0);
      const uo = u * F;
      for (let p = a; p < b; p++) {
        const i = t.userItems[p];
        const io = i * F;
        let dot = 0;
        for (let f = 0; f < F; f++) dot += qi[io + f] * (pu[uo + f] + z[f]);
        const err = t.userRatings[p] - (mu + bu[u] + bi[i] + dot);
        bu[u] += lr * (err - reg * bu[u]);
        bi[i] += lr * (err - reg * bi[i]);
        for (let f = 0; f < F; f++) {
          const puf = pu[uo + f];
          const qif = qi[io + f];
          pu[uo + f] += lr * (err * qif - reg * puf);
          qi[io + f] += lr * (err * (puf + z[f]) - reg * qif);
          const c = lr * err * qif * s;
          shift[f] = keep * shift[f] + c;
          // z = s * sum_j y_j, and every one of the nU y_j moved the same way.
          z[f] = keep * z[f] + nU * s * c;
        }
      }
      const decay = keep ** nU;
      for (let p = a; p < b; p++) {
        const jo = t.userItems[p] * F;
        for (let f = 0; f < F; f++) yj[jo + f] = decay * yj[jo + f] + shift[f];
      }
    }
    options?.onProgress?.((e + 1) / o.epochs);
  }
  // Fold the implicit term into one vector per user for prediction.
  const userVec = new Float64Array(t.nUsers * F);
  for (let u = 0; u < t.nUsers; u++) {
    const nU = t.userStart[u + 1] - t.userStart[u];
    if (nU === 0) continue;
    implicitSum(t, yj, F, u, 1 / Math.sqrt(nU), z);
    for (let f = 0; f < F; f++) userVec[u * F + f] = pu[u * F + f] + z[f];
  }
  // The implicit term splits exactly into one share per rated item: q_i . y_j / sqrt|I_u|.
  const explain = (u: number, i: number, top: number): Contribution[] => {
    if (!knowsUser(t, u) || !knowsItem(t, i)) return [];
    const s = 1 / Math.sqrt(t.userStart[u + 1] - t.userStart[u]);
    const out: Contribution[] = [];
    for (let p = t.userStart[u]; p < t.userStart[u + 1]; p++) {
      const j = t.userItems[p];
      let d = 0;
      for (let f = 0; f < F; f++) d += qi[i * F + f] * yj[j * F + f];
      out.push({ item: j, weight: d * s });
    }
    return out.sort((x, y) => y.weight - x.weight).slice(0, top);
  };
  return factorModel('svdpp', t, bu, bi, userVec, qi, F, explain);
}

function implicitSum(t: Trainset, yj: Float64Array, F: number, u: number, s: number, out: Float64Array): void {
  out.fill(0);
  for (let p = t.userStart[u]; p < t.userStart[u + 1]; p++) {
    const jo = t.userItems[p] * F;
    for (let f = 0; f < F; f++) out[f] += yj[jo + f];
  }
  for (let f = 0; f < F; f++) out[f] *= s;
}
