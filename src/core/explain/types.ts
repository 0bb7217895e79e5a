/**
 * Types of the explanation stage. Everything here works on the model matrix of a fitted
 * pipeline, with `groups` mapping each matrix column to its original feature, so the one-hot
 * or TF-IDF components of a column are always masked together and attributions are per
 * original column.
 */

/** probability: P(positive), the chosen class's probability, or the regression prediction. margin: log-odds (linear models only). */
export type ExplainSpace = 'probability' | 'margin';

/** exact: all coalitions (few features); linear: closed form for linear models in margin space; kernel: KernelSHAP. */
export type ExplainMethod = 'auto' | 'exact' | 'linear' | 'tree' | 'kernel';

export type BackgroundKind = 'kmeans' | 'stratified';

/**
 * A model read as a function of model-matrix rows: one output per row, in one space. May be
 * async: WebGPU must read predictions back asynchronously (its sync read is wrong on some adapters).
 */
export type OutputFunction = (x: Float32Array, rows: number) => Float64Array | Promise<Float64Array>;

/** Rows that stand in for "feature unknown": each row has a weight, weights sum to 1. */
export interface Background {
  /** Row-major rows x cols, in model-matrix space. */
  matrix: Float32Array;
  rows: number;
  cols: number;
  weights: Float64Array;
}

/** The model as a function of coalitions of original features (interventional masking). */
export interface MaskedModelSpec {
  f: OutputFunction;
  /** Matrix column -> original feature index. */
  groups: number[];
  /** Number of original features (max of groups + 1, or more when a feature has no columns). */
  features: number;
  background: Background;
}

/** Attributions for one row; base + sum(values) = output. */
export interface Attribution {
  base: number;
  output: number;
  /** One per original feature. */
  values: Float64Array;
  /** Standard error per value (KernelSHAP with sampling); zeros when the values are exact. */
  stderr: Float64Array;
  method: Exclude<ExplainMethod, 'auto'>;
  /** Model evaluations spent (coalitions x background rows). */
  evaluations: number;
}

export interface KernelOptions {
  /** Coalition budget; when it covers all 2^M - 2 proper coalitions they are enumerated. */
  samples: number;
  seed: number;
}
