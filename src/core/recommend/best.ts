import type { AlgorithmSpec } from './types';

/**
 * Our best rating predictor on ml-100k (5-fold CV, see ml100k.bench.test.ts for the measurement):
 * SVD++ with the exact per-user-block update (seconds, not Surprise's minutes).
 */
export const BEST_SPEC: AlgorithmSpec = {
  kind: 'svdpp',
  factors: 20,
  epochs: 20,
  lr: 0.007,
  reg: 0.02,
  initStd: 0.1,
  seed: 0,
};
