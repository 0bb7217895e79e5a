/**
 * The files a run can be downloaded as (docs/formats.md): the report JSON and the predictions
 * CSV. Both are built in the worker; the UI only turns them into a download.
 */
import type { DatasetLineage } from '../frame/types';
import type { Experiment } from './run';
import { SPLIT_NAMES } from './run';
import { decisionThreshold, testMetricsTable } from './thresholdMetrics';

/** 3: binary metrics, confusion and `threshold` follow the threshold on screen when downloaded. */
export const REPORT_FORMAT = 'loupe-run-report/3';

export interface RunReport {
  format: typeof REPORT_FORMAT;
  runId: string;
  dataset: string;
  /** The dataset's version when trained (a re-read or type change makes a new one). */
  datasetVersion?: number;
  /** Set when the data was a cleaned version: its source file, version and the recipe's steps. */
  lineage?: DatasetLineage;
  createdAt: string;
  backend: string;
  config: Experiment['config'];
  classes: string[];
  positiveClass: string | null;
  /** Binary: the decision threshold every threshold-dependent number here uses; otherwise null. */
  threshold: number | null;
  rows: { train: number; val: number; test: number; unlabeled: number };
  metrics: unknown;
  curves: unknown;
  confusionMatrix: unknown;
  /** What each history entry is: an epoch or a boosting round. */
  progress: Experiment['progress'];
  history: Experiment['history'];
  stoppedEarly: boolean;
  bestStep: number;
  timings: Experiment['timings'] & { samplesPerSecond: number | null };
}

/** Quote a CSV field only when it needs it (RFC 4180). */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The target is held as float32, so 42.123 from the file reads back as 42.12300109863281: print
 * the shortest decimal that is the same float32, which is the file's text whenever it fits in float32.
 */
export function float32Text(value: number): string {
  for (let digits = 1; digits <= 9; digits++) {
    const text = String(Number(value.toPrecision(digits)));
    if (Math.fround(Number(text)) === value) return text;
  }
  return String(value);
}

function splitCounts(splitOf: Uint8Array) {
  const counts = [0, 0, 0, 0];
  for (const s of splitOf) counts[s]++;
  return { train: counts[1], val: counts[2], test: counts[3], unlabeled: counts[0] };
}

/** `threshold`: the one on screen (binary); the run's own when not given. */
export function runReport(run: Experiment, meta: ReportMeta, threshold?: number): RunReport {
  const e = run.evaluation;
  const at = decisionThreshold(run, threshold);
  const last = run.history.at(-1);
  const base = {
    format: REPORT_FORMAT,
    ...meta,
    config: run.config,
    classes: run.classes,
    positiveClass: run.config.task === 'binary' ? run.classes[1] : null,
    threshold: run.config.task === 'binary' ? at : null,
    rows: splitCounts(run.splitOf),
    progress: run.progress,
    history: run.history,
    stoppedEarly: run.stoppedEarly,
    bestStep: run.bestStep,
    timings: { ...run.timings, samplesPerSecond: last ? last.samplesPerSecond : null },
  } as const;
  if (e.task === 'binary') {
    const { confusion, ...metrics } = at === e.metrics.threshold ? e.metrics : testMetricsTable(run).at(at);
    return { ...base, metrics: { split: 'test', ...metrics }, curves: { roc: e.roc, pr: e.pr }, confusionMatrix: { labels: run.classes, threshold: at, ...confusion } };
  }
  if (e.task === 'multiclass') {
    const { confusion, ...metrics } = e.metrics;
    return { ...base, metrics: { split: 'test', ...metrics }, curves: { rocPerClass: e.rocPerClass }, confusionMatrix: { labels: run.classes, rows: 'true', columns: 'predicted', matrix: confusion } };
  }
  return { ...base, metrics: { split: 'test', ...e.metrics }, curves: { predictedVsActual: e.scatter }, confusionMatrix: null };
}

/** What a report says about where its run came from; `lineage` is set when the data was a cleaned version. */
export interface ReportMeta {
  runId: string;
  dataset: string;
  backend: string;
  createdAt: string;
  datasetVersion?: number;
  lineage?: DatasetLineage;
}

/** Header per task, as docs/formats.md fixes it. */
export function predictionsHeader(run: Experiment): string[] {
  // `threshold` on every line: the file says which threshold made y_pred, and a parser reads it as data.
  if (run.config.task === 'binary') return ['row_index', 'split', 'y_true', 'y_pred', 'score', 'threshold'];
  if (run.config.task === 'multiclass') return ['row_index', 'split', 'y_true', 'y_pred', ...run.classes.map((c) => `p_${c}`)];
  return ['row_index', 'split', 'y_true', 'y_pred'];
}

/** Every row of the file once, in file order; scores at full float64 precision. Binary: y_pred at `threshold` (the run's when not given). */
export function predictionsCsv(run: Experiment, threshold?: number): string {
  const lines = [predictionsHeader(run).map(csvField).join(',')];
  const task = run.config.task;
  const at = decisionThreshold(run, threshold);
  const k = run.classes.length;
  for (let r = 0; r < run.splitOf.length; r++) {
    const split = SPLIT_NAMES[run.splitOf[r]];
    const yv = run.y[r];
    const missing = Number.isNaN(yv);
    if (task === 'binary') {
      const s = run.scores[r];
      const yTrue = missing ? '' : run.classes[yv];
      lines.push(`${r},${split},${csvField(yTrue)},${csvField(run.classes[s >= at ? 1 : 0])},${s},${at}`);
    } else if (task === 'multiclass') {
      let best = 0;
      const p = run.scores.subarray(r * k, (r + 1) * k);
      for (let c = 1; c < k; c++) if (p[c] > p[best]) best = c;
      lines.push(`${r},${split},${csvField(missing ? '' : run.classes[yv])},${csvField(run.classes[best])},${Array.from(p).join(',')}`);
    } else {
      lines.push(`${r},${split},${missing ? '' : float32Text(yv)},${run.scores[r]}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Rows per Blob part, so a big file is built in pieces rather than one huge string. */
const ENCODED_ROWS_PER_PART = 20_000;

/**
 * The model matrix the run was trained and scored on, every file row once:
 * `row_index,split,y,<matrix columns>` (docs/formats.md). What `xgboost.Booster(model_file=...)`
 * or any other tool needs to score exactly what Loupe scored. Values are float32 written at full
 * precision; missing values (tree encodings keep them) are empty; a column holding category codes
 * is named "<column> (category code)" and its codes index the pipeline's categories.
 */
export function encodedRowsCsv(run: Experiment, design: { matrix: Float32Array; rows: number; cols: number }): string[] {
  const codes = new Set(run.pipeline.features.filter((f) => f.kind === 'category' && f.native === 'codes').map((f) => f.column));
  const header = ['row_index', 'split', 'y', ...run.pipeline.outputNames.map((n) => (codes.has(n) ? `${n} (category code)` : n))];
  const parts = [header.map(csvField).join(',') + '\n'];
  const { matrix, rows, cols } = design;
  for (let start = 0; start < rows; start += ENCODED_ROWS_PER_PART) {
    const lines: string[] = [];
    for (let r = start; r < Math.min(rows, start + ENCODED_ROWS_PER_PART); r++) {
      const values = new Array<string>(cols);
      for (let c = 0; c < cols; c++) {
        const v = matrix[r * cols + c];
        values[c] = Number.isNaN(v) ? '' : String(v);
      }
      const y = run.y[r];
      lines.push(`${r},${SPLIT_NAMES[run.splitOf[r]]},${Number.isNaN(y) ? '' : float32Text(y)},${values.join(',')}`);
    }
    parts.push(lines.join('\n') + '\n');
  }
  return parts;
}
