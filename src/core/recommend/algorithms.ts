import { fitBaselineOnly, fitPopularity } from './baseline';
import { fitKnnSteps, fitKnnWithMeans } from './knn';
import type { RatingMatrix } from './ratings';
import { fitSvd, fitSvdSteps } from './svd';
import { fitSvdpp, fitSvdppSteps } from './svdpp';
import { buildTrainset } from './trainset';
import { runStepsAsync, type AlgorithmKind, type AlgorithmSpec, type FitOptions, type RatingModel } from './types';

/** Surprise's defaults for each algorithm (and ours for popularity), ready to use or tweak. */
export const DEFAULT_SPECS: { [K in AlgorithmKind]: Extract<AlgorithmSpec, { kind: K }> } = {
  popularity: { kind: 'popularity', damping: 5 },
  baseline: { kind: 'baseline', epochs: 10, regUser: 15, regItem: 10 },
  knn: { kind: 'knn', k: 40, minK: 1, similarity: 'msd', userBased: true, shrinkage: 100, minSupport: 1 },
  svd: { kind: 'svd', factors: 100, epochs: 20, lr: 0.005, reg: 0.02, initStd: 0.1, seed: 0, order: 'surprise' },
  svdpp: { kind: 'svdpp', factors: 20, epochs: 20, lr: 0.007, reg: 0.02, initStd: 0.1, seed: 0 },
};

/** Fits spec on the ratings at trainIdx; the model predicts for any user/item index of data. */
export function fitAlgorithm(
  spec: AlgorithmSpec,
  data: RatingMatrix,
  trainIdx: Int32Array,
  options?: FitOptions,
): RatingModel {
  const t = buildTrainset(data, trainIdx);
  switch (spec.kind) {
    case 'popularity':
      return fitPopularity(t, spec.damping);
    case 'baseline':
      return fitBaselineOnly(t, spec.epochs, spec.regUser, spec.regItem, options);
    case 'knn':
      return fitKnnWithMeans(t, spec, options);
    case 'svd':
      return fitSvd(t, spec, options);
    case 'svdpp':
      return fitSvdpp(t, spec, options);
  }
}

/**
 * fitAlgorithm that hands the event loop back (through pause) during the long loops, so a
 * cancel message can land mid-fit: item kNN's similarity matrix every 64 rows, SVD and SVD++
 * between epochs.
 * The model is the one fitAlgorithm gives.
 */
export async function fitAlgorithmAsync(
  spec: AlgorithmSpec,
  data: RatingMatrix,
  trainIdx: Int32Array,
  pause: () => Promise<void>,
  options?: FitOptions,
): Promise<RatingModel> {
  if (spec.kind === 'knn') return runStepsAsync(fitKnnSteps(buildTrainset(data, trainIdx), spec, options), pause, options?.signal);
  if (spec.kind === 'svd') return runStepsAsync(fitSvdSteps(buildTrainset(data, trainIdx), spec, options), pause, options?.signal);
  if (spec.kind === 'svdpp') return runStepsAsync(fitSvdppSteps(buildTrainset(data, trainIdx), spec, options), pause, options?.signal);
  // Baselines (a few ms of closed-form passes) and popularity run in one go.
  return fitAlgorithm(spec, data, trainIdx, options);
}
