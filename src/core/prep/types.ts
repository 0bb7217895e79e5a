/**
 * Types of the preprocessing stage: what the user wants to predict (TargetSpec), how the
 * feature columns become a numeric matrix (PipelineSpec), and the fitted, JSON-serializable
 * result (FittedPipeline) that is applied unchanged to validation, test and new rows.
 */

export type TaskKind = 'binary' | 'multiclass' | 'regression';

export interface TargetSpec {
  column: string;
  task: TaskKind;
  /** binary: label string of the positive class (defaults to the minority class). */
  positiveClass?: string;
}

export interface EncodedTarget {
  /**
   * Indexed by dataset row (length rowCount): 0/1 (binary), class index (multiclass) or the
   * value (regression); NaN where the target is missing.
   */
  y: Float32Array;
  /** Class labels in index order; binary: [negative, positive]; regression: []. */
  classes: string[];
  /** Rows whose target is not missing, ascending. */
  rowsWithTarget: Int32Array;
}

export interface PipelineSpec {
  features: string[];
  /** Categories kept per categorical column before the rest become "other" (default 20). */
  topCategories?: number;
  /** Hash buckets per text column (default 1024). */
  textHashBuckets?: number;
  /** Add a 0/1 column per feature that had missing values in training (default true). */
  missingIndicators?: boolean;
  /**
   * Trees read values as they are: numbers, booleans and date parts unscaled with missing kept as
   * NaN (no imputation, no indicators), categories as codes (0..k, k = "other") or one-hot with
   * NaN when missing. Absent: the scaled, imputed encoding the networks need.
   */
  native?: { categories: 'codes' | 'one-hot' };
}

/** Numbers: median impute, then standardize with the training mean and population std. */
export interface NumberStep {
  kind: 'number';
  column: string;
  median: number;
  mean: number;
  std: number;
  missingIndicator: boolean;
  /** Written unscaled, NaN when missing (PipelineSpec.native). */
  native?: true;
}

/** Booleans (0/1 numbers or true/false strings): 0/1, missing imputed with the most frequent value. */
export interface BooleanStep {
  kind: 'boolean';
  column: string;
  mostFrequent: 0 | 1;
  missingIndicator: boolean;
  native?: true;
}

/** Categories: most-frequent impute, one-hot of the kept categories plus a final "other". */
export interface CategoryStep {
  kind: 'category';
  column: string;
  categories: string[];
  mostFrequent: string;
  missingIndicator: boolean;
  /** codes: one column holding the category's index (k = "other"), NaN when missing; one-hot: NaN in every column when missing. */
  native?: 'codes' | 'one-hot';
}

export type DatetimePart = 'year' | 'month' | 'dayOfWeek' | 'hour' | 'days';

/** Datetimes: calendar parts (UTC) and days since the epoch, each standardized. */
export interface DatetimeStep {
  kind: 'datetime';
  column: string;
  /** Median epoch milliseconds of the training rows, used for missing values. */
  medianMs: number;
  parts: DatetimePart[];
  means: number[];
  stds: number[];
  missingIndicator: boolean;
  native?: true;
}

/** Free text: hashed bag of words (FNV-1a 32-bit), TF-IDF with smooth idf, l2-normalised rows. */
export interface TextStep {
  kind: 'text';
  column: string;
  buckets: number;
  /** idf per bucket: ln((1 + n) / (1 + df)) + 1, n = training rows. */
  idf: number[];
}

export type FeatureStep = NumberStep | BooleanStep | CategoryStep | DatetimeStep | TextStep;

export interface FittedPipeline {
  version: 1;
  features: FeatureStep[];
  outputNames: string[];
  /** Output column -> index into features, so an original column's outputs can be masked together. */
  groups: number[];
}

export interface DesignMatrix {
  /** Row-major rows x cols. */
  matrix: Float32Array;
  rows: number;
  cols: number;
}

/** A pipeline request the user can fix: unknown column, identifier as feature, and the like. */
export class PipelineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineError';
  }
}
