/** Explanations of a finished run: SHAP per row and over the test split, importance, dependence, what-if. */
import type { ProgressCallback } from '../jobs';
import type { Outcome } from '../outcome';
import type { ExplainFailure } from './explainer';
import type {
  DependenceResult, ExplainSettings, ExplainSpace, FeatureValue, GlobalExplanation, GlobalSettings, ImportanceResult, RowExplanation, RowMatch, RowValues, ShapCsv, WorstError,
} from './types';

export type * from './types';
export type { ExplainFailure };

type Answer<T> = Promise<Outcome<T, ExplainFailure>>;

export interface ExplainApi {
  /** SHAP values of one file row (waterfall). */
  explainRow(runId: string, rowIndex: number, settings: ExplainSettings): Answer<RowExplanation>;
  /** Mean |SHAP| and beeswarm over a sample of test rows. Cancel with the job id; onProgress may be null (the bench). */
  explainGlobal(runId: string, settings: GlobalSettings, jobId: string, onProgress: ProgressCallback | null): Answer<GlobalExplanation>;
  /** Permutation importance on the test split, with an interval over repeats. Cancel with the job id. */
  permutationImportance(runId: string, options: { repeats: number }, jobId: string, onProgress: ProgressCallback | null): Answer<ImportanceResult>;
  /** Partial dependence and ICE lines of one feature. */
  partialDependence(runId: string, feature: string, space: ExplainSpace): Answer<DependenceResult>;
  /** The row with some feature values replaced: its prediction and attributions. */
  whatIf(runId: string, rowIndex: number, edits: Record<string, FeatureValue>, settings: ExplainSettings): Answer<RowExplanation>;
  /** A row's feature values as the user sees them, for the what-if form. */
  rowValues(runId: string, rowIndex: number): Answer<RowValues>;
  /** A row number, or rows whose values contain the text (test rows first). */
  searchRows(runId: string, query: string): Answer<RowMatch[]>;
  /** The most confidently wrong test predictions. */
  worstErrors(runId: string, n: number): Answer<WorstError[]>;
  /** The rows explained so far, as a CSV Blob. */
  exportShapCsv(runId: string): Answer<ShapCsv>;
}
