/**
 * Anomaly detection on a dataset: check the settings, build the matrix, fit the forest, score
 * every row, and cut at a contamination share or a score threshold. Shared by the engine's
 * anomaly service (scores, histogram, top rows) and the exclude-anomalies recipe step.
 */
import type { Dataset } from '../frame/types';
import { anomalyMatrix, type AnomalyMatrix } from './matrix';
import { contaminationThreshold, fitIsolationForest, flagAbove, ForestCancelled, scoreRows, type IsolationForest } from './forest';

/** Where to cut: the share of rows expected to be anomalous, or a score above which a row is flagged. */
export type AnomalyCut = { kind: 'contamination'; share: number } | { kind: 'threshold'; score: number };

export interface AnomalySpec {
  columns: string[];
  nTrees: number;
  /** Rows per tree (ψ), as scikit-learn's max_samples; 256 by default. */
  sampleSize: number;
  seed: number;
  cut: AnomalyCut;
}

export interface Detection {
  forest: IsolationForest;
  prepared: AnomalyMatrix;
  scores: Float64Array;
  threshold: number;
  flags: Uint8Array;
  flagged: number;
  /** Milliseconds spent building the matrix, fitting the trees and scoring every row. */
  timings: { matrixMs: number; fitMs: number; scoreMs: number };
}

export const MAX_TREES = 1000;

/** A problem with the settings, in words the user can act on, or null. */
export function checkSpec(spec: AnomalySpec): string | null {
  if (!Number.isInteger(spec.nTrees) || spec.nTrees < 1 || spec.nTrees > MAX_TREES) return `Number of trees must be a whole number from 1 to ${MAX_TREES}.`;
  if (!Number.isInteger(spec.sampleSize) || spec.sampleSize < 2) return 'Sample size must be a whole number of at least 2 rows per tree.';
  if (!Number.isFinite(spec.seed)) return 'Seed must be a number.';
  if (spec.cut.kind === 'contamination' && !(spec.cut.share > 0 && spec.cut.share <= 0.5)) return 'Contamination must be a share above 0 and at most 0.5 (50% of rows).';
  if (spec.cut.kind === 'threshold' && !(spec.cut.score > 0 && spec.cut.score < 1)) return 'Score threshold must be between 0 and 1 (scores near 1 are the most anomalous).';
  return null;
}

export interface DetectOptions {
  signal?: { readonly aborted: boolean };
  /** 0..1: fitting is the first 10%, scoring the rest. */
  onProgress?: (fraction: number) => void;
  /** Awaited between chunks so a cancel message can arrive (the engine's job.yield). */
  pause?: () => Promise<void>;
}

const CHUNK = 32768;

export type DetectResult = { ok: true; value: Detection } | { ok: false; message: string; cancelled?: boolean };

export async function detectAnomalies(dataset: Dataset, spec: AnomalySpec, options: DetectOptions = {}): Promise<DetectResult> {
  const problem = checkSpec(spec);
  if (problem) return { ok: false, message: problem };
  const t0 = performance.now();
  const built = anomalyMatrix(dataset, spec.columns);
  if (!built.ok) return built;
  const t1 = performance.now();
  const { matrix } = built.value;
  try {
    const forest = fitIsolationForest(matrix, spec, { signal: options.signal, onTree: (f) => options.onProgress?.(0.1 * f) });
    const t2 = performance.now();
    const scores = new Float64Array(matrix.rows);
    for (let from = 0; from < matrix.rows; from += CHUNK) {
      if (options.signal?.aborted) throw new ForestCancelled();
      scoreRows(forest, matrix, scores, from, Math.min(matrix.rows, from + CHUNK));
      options.onProgress?.(0.1 + 0.9 * Math.min(1, (from + CHUNK) / matrix.rows));
      await options.pause?.();
    }
    const t3 = performance.now();
    const threshold = spec.cut.kind === 'contamination' ? contaminationThreshold(scores, spec.cut.share) : spec.cut.score;
    const flags = flagAbove(scores, threshold);
    let flagged = 0;
    for (let i = 0; i < flags.length; i++) flagged += flags[i];
    return { ok: true, value: { forest, prepared: built.value, scores, threshold, flags, flagged, timings: { matrixMs: t1 - t0, fitMs: t2 - t1, scoreMs: t3 - t2 } } };
  } catch (error) {
    if (error instanceof ForestCancelled) return { ok: false, message: error.message, cancelled: true };
    throw error;
  }
}

/** One line for a recipe list or a report: "isolation forest on age, spend (100 trees, 256 rows each, seed 42), top 5%". */
export function describeSpec(spec: Pick<AnomalySpec, 'columns' | 'cut'>): string {
  const cut = spec.cut.kind === 'contamination' ? `top ${+(spec.cut.share * 100).toFixed(2)}%` : `score above ${spec.cut.score}`;
  return `${cut} by isolation forest on ${spec.columns.join(', ')}`;
}
