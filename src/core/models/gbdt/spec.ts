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
