/**
 * Anomaly detection on a loaded dataset: an isolation forest scored as a job (progress, cancel by
 * job id through session.cancel). Only a summary leaves the worker: the histogram of scores, the
 * cut, and the top rows with why and their cells, formatted as the row pages are.
 */
import type { AnomalyCut, AnomalySpec } from '../../core/anomaly/detect';
import type { ExcludedColumn, MatrixColumnNote } from '../../core/anomaly/matrix';
import type { Outcome } from '../outcome';
import type { JobProgress } from '../jobs';

export type { AnomalyCut, AnomalySpec, ExcludedColumn, MatrixColumnNote };

export interface AnomalyRequest extends AnomalySpec {
  /** How many of the highest-scoring rows to return (1..100). */
  topN: number;
}

export interface ScoreBin {
  from: number;
  to: number;
  count: number;
  /** Rows in the bin above the threshold. */
  flagged: number;
}

export interface FeatureCredit {
  feature: string;
  /** Average path shortening credited to the feature (core/anomaly/forest.ts pathContributions). */
  contribution: number;
}

export interface AnomalousRow {
  /** 0-based row of the dataset. */
  row: number;
  score: number;
  /** Every used feature, largest credit first. */
  why: FeatureCredit[];
  /** The row's cells in the used columns (cellColumns), as display text; null is missing. */
  cells: (string | null)[];
}

export interface AnomalyResult {
  datasetId: string;
  datasetName: string;
  rowCount: number;
  spec: AnomalySpec;
  /** Columns used and how (number with median fill, or category code). */
  used: MatrixColumnNote[];
  excluded: ExcludedColumn[];
  /** ψ as used: min(sample size, rows). */
  sampleSize: number;
  bins: ScoreBin[];
  threshold: number;
  flagged: number;
  top: AnomalousRow[];
  cellColumns: string[];
  /** Milliseconds: building the matrix, fitting the trees, scoring every row (yields to cancel included). */
  timings: { matrixMs: number; fitMs: number; scoreMs: number };
}

export type AnomalyFailure = 'not-found' | 'bad-input' | 'cancelled';

export interface AnomalyApi {
  /** Fit and score; cancel with session.cancel(jobId). Recorded in the audit log as 'anomaly'. */
  score(datasetId: string, request: AnomalyRequest, jobId: string, onProgress: ((p: JobProgress) => void) | null): Promise<Outcome<AnomalyResult, AnomalyFailure>>;
}
