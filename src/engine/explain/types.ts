/** Plain data the explain calls exchange with the UI (see explainer.ts). */
import type { BackgroundKind, ExplainMethod, ExplainSpace, FeatureField, FeatureValue } from '../../core/explain';
import type { SplitName } from '../../core/experiment/run';

export type { BackgroundKind, ExplainMethod, ExplainSpace, FeatureField, FeatureValue };

export interface ExplainSettings {
  space: ExplainSpace;
  method: ExplainMethod;
  /** KernelSHAP coalition budget. */
  samples: number;
  backgroundSize: number;
  backgroundKind: BackgroundKind;
}

export interface GlobalSettings extends ExplainSettings {
  /** Test rows to explain (a seeded sample when the split has more). */
  rows: number;
}

export interface FeatureAttribution {
  name: string;
  value: FeatureValue;
  shap: number;
  /** Standard error of shap (0 when exact). */
  stderr: number;
}

export interface RowExplanation {
  runId: string;
  /** File row, as in the predictions CSV (for a what-if row: the row it was edited from). */
  rowIndex: number;
  edited: boolean;
  split: SplitName;
  space: ExplainSpace;
  /** What the numbers are, in words: "P(churned = 1)", "log-odds of churned = 1", "predicted price". */
  spaceLabel: string;
  method: 'exact' | 'linear' | 'tree' | 'kernel';
  base: number;
  prediction: number;
  /** As listed in the pipeline (file order of the features). */
  features: FeatureAttribution[];
  actual: string | null;
  predictedLabel: string;
  evaluations: number;
  ms: number;
}

export interface BeeswarmFeature {
  name: string;
  meanAbs: number;
  /** One per explained row: its SHAP value and the feature's value scaled to 0..1 (null: missing or not numeric). */
  shap: number[];
  color: (number | null)[];
}

export interface GlobalExplanation {
  runId: string;
  space: ExplainSpace;
  spaceLabel: string;
  rows: number;
  base: number;
  /** Sorted by mean |SHAP|, largest first. */
  features: BeeswarmFeature[];
  ms: number;
  evaluations: number;
}

export interface ImportanceResult {
  metric: 'AUC' | 'accuracy' | 'RMSE';
  baseline: number;
  repeats: number;
  testRows: number;
  /** Sorted by mean drop, largest first. */
  features: { name: string; mean: number; std: number; low: number; high: number }[];
}

export interface DependenceResult {
  feature: string;
  kind: 'number' | 'category';
  spaceLabel: string;
  grid: (string | number)[];
  average: number[];
  ice: number[][];
  rows: number;
}

export interface RowMatch {
  rowIndex: number;
  split: SplitName;
  /** A few of the row's feature values, for the list. */
  preview: string;
}

export interface WorstError {
  rowIndex: number;
  actual: string;
  predicted: string;
  /** Output the studio shows (score, class probability or prediction). */
  score: number;
  /** |y - p| (binary), 1 - p(true class) (multiclass), |y - prediction| (regression). */
  error: number;
}

export interface RowValues {
  rowIndex: number;
  split: SplitName;
  fields: FeatureField[];
}

export interface ShapCsv {
  /** `row_index,base_value,prediction,<features>` of the rows explained so far (docs/formats.md). */
  csv: Blob;
  space: ExplainSpace;
  rows: number;
}
