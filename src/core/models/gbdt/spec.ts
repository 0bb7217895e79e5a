/** The gradient-boosted trees kind's settings (its schema and defaults are in index.ts). */
export type GbdtSpec = {
  kind: 'gbdt';
  rounds: number;
  learningRate: number;
  maxDepth: number;
  maxLeaves: number;
  minChildWeight: number;
  minSamplesLeaf: number;
  lambda: number;
  gamma: number;
  subsample: number;
  colsample: number;
  maxBins: number;
  categories: string;
  scalePosWeight: number;
  earlyStoppingRounds: number;
};

/** XGBoost 1.7's `hist` defaults (eta 0.3, max_depth 6, lambda 1, min_child_weight 1), 100 rounds. */
export const XGBOOST_DEFAULTS: Omit<GbdtSpec, 'kind'> = {
  rounds: 100,
  learningRate: 0.3,
  maxDepth: 6,
  maxLeaves: 0,
  minChildWeight: 1,
  minSamplesLeaf: 1,
  lambda: 1,
  gamma: 0,
  subsample: 1,
  colsample: 1,
  maxBins: 255,
  categories: 'native',
  scalePosWeight: 1,
  earlyStoppingRounds: 10,
};

/** LightGBM's max_cat_threshold: the most categories one split may send to one side. */
export const MAX_CATEGORIES_PER_SPLIT = 32;
