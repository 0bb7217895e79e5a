/**
 * Where the model fails: test-split metrics sliced by a column's values (categorical) or
 * quantile bins (numeric), and the test rows it got most confidently wrong, with their
 * original cells. Metrics come from src/core/metrics, computed per slice in float64.
 */
import { allMidnight, formatDateTime } from '../frame/datetime';
import { cellFormatter } from '../frame/rows';
import { formatNumber, roundForDisplay } from '../frame/number';
import type { Dataset } from '../frame/types';
import { binaryMetrics, regressionMetrics } from '../metrics';
import { float32Text } from './exports';
import type { Experiment } from './run';

export interface Slice {
  /** Category value, "a – b" for a numeric bin, "(missing)" or "(other)". */
  label: string;
  count: number;
  /** Metric name -> value over the slice's test rows; null when undefined (one class only). */
  metrics: Record<string, number | null>;
}

export interface SliceTable {
  column: string;
  metricNames: string[];
  slices: Slice[];
}

export interface ConfidentError {
  row: number;
  actual: string;
  predicted: string;
  /** Binary / multiclass: the probability given to the predicted class; regression: |error|. */
  confidence: number;
  cells: (string | null)[];
}

/** Categories beyond this many (by count) are pooled as "(other)" so the table stays readable. */
export const MAX_SLICES = 20;
export const NUMERIC_BINS = 5;

function testRows(run: Experiment): number[] {
  const rows: number[] = [];
  run.splitOf.forEach((s, r) => s === 3 && rows.push(r));
  return rows;
}

/** Predicted class index (classification) for one file row. */
function predictedClass(run: Experiment, r: number, threshold: number): number {
  if (run.config.task === 'binary') return run.scores[r] >= threshold ? 1 : 0;
  const k = run.classes.length;
  let best = 0;
  for (let c = 1; c < k; c++) if (run.scores[r * k + c] > run.scores[r * k + best]) best = c;
  return best;
}

/** Test rows grouped by the column: categories (top MAX_SLICES, rest pooled) or numeric quantile bins. */
function groupsOf(ds: Dataset, column: string, rows: number[]): { label: string; rows: number[] }[] | null {
  const col = ds.columns.find((c) => c.name === column);
  if (!col) return null;
  const groups = new Map<string, number[]>();
  const add = (key: string, r: number) => (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  if (col.storage === 'dictionary' || col.kind === 'boolean' || col.kind === 'identifier') {
    const format = cellFormatter(col);
    for (const r of rows) add(format(r) ?? '(missing)', r);
    const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const kept = sorted.slice(0, MAX_SLICES).map(([label, rs]) => ({ label, rows: rs }));
    const rest = sorted.slice(MAX_SLICES).flatMap(([, rs]) => rs);
    return rest.length ? [...kept, { label: '(other)', rows: rest }] : kept;
  }
  const values = col.values;
  // A datetime bin reads as dates ("2019-01-11 – 2019-03-02"), not epoch milliseconds.
  const dateOnly = col.kind === 'datetime' && allMidnight(values);
  const show = (v: number) => (col.kind === 'datetime' ? formatDateTime(v, dateOnly) : formatNumber(v));
  const present = rows.filter((r) => values[r] === values[r]).sort((a, b) => values[a] - values[b]);
  const out: { label: string; rows: number[] }[] = [];
  // Quantile bins over the test rows; equal values never straddle two bins.
  let start = 0;
  for (let b = 1; b <= NUMERIC_BINS && start < present.length; b++) {
    let end = b === NUMERIC_BINS ? present.length : Math.round((b * present.length) / NUMERIC_BINS);
    while (end < present.length && end > start && values[present[end]] === values[present[end - 1]]) end++;
    if (end <= start) continue;
    const part = present.slice(start, end);
    out.push({ label: `${show(values[part[0]])} – ${show(values[part[part.length - 1]])}`, rows: part });
    start = end;
  }
  const missing = rows.filter((r) => values[r] !== values[r]);
  if (missing.length) out.push({ label: '(missing)', rows: missing });
  return out;
}

function metricsOf(run: Experiment, rows: number[], threshold: number): Record<string, number | null> {
  const task = run.config.task;
  if (task === 'regression') {
    const m = regressionMetrics(rows.map((r) => run.y[r]), rows.map((r) => run.scores[r]));
    return { RMSE: m.rmse, MAE: m.mae, 'mean error': rows.reduce((s, r) => s + (run.y[r] - run.scores[r]), 0) / rows.length };
  }
  if (task === 'binary') {
    const m = binaryMetrics(rows.map((r) => run.y[r]), rows.map((r) => run.scores[r]), threshold);
    return { accuracy: m.accuracy, recall: m.positives > 0 ? m.recall : null, precision: m.confusion.tp + m.confusion.fp > 0 ? m.precision : null, AUC: m.auc, 'positive rate': m.positives / rows.length };
  }
  let correct = 0;
  for (const r of rows) correct += predictedClass(run, r, threshold) === run.y[r] ? 1 : 0;
  return { accuracy: correct / rows.length };
}

/** `threshold`: binary runs' decision threshold (the slider's), the run's own by default. */
export function sliceMetrics(run: Experiment, ds: Dataset, column: string, threshold = run.config.threshold): { ok: true; value: SliceTable } | { ok: false; message: string } {
  const groups = groupsOf(ds, column, testRows(run));
  if (!groups) return { ok: false, message: `There is no column "${column}" in ${ds.name}.` };
  const slices = groups.filter((g) => g.rows.length > 0).map((g) => ({ label: g.label, count: g.rows.length, metrics: metricsOf(run, g.rows, threshold) }));
  const metricNames = slices.length ? Object.keys(slices[0].metrics) : [];
  return { ok: true, value: { column, metricNames, slices } };
}

/** Test rows predicted wrong with the highest confidence (regression: the largest absolute errors). */
export function confidentErrors(run: Experiment, ds: Dataset, limit: number, threshold = run.config.threshold): { columns: string[]; errors: ConfidentError[] } {
  const formatters = ds.columns.map(cellFormatter);
  const task = run.config.task;
  const k = run.classes.length;
  const candidates: { row: number; confidence: number; actual: string; predicted: string }[] = [];
  for (const r of testRows(run)) {
    if (task === 'regression') {
      candidates.push({ row: r, confidence: Math.abs(run.y[r] - run.scores[r]), actual: float32Text(run.y[r]), predicted: roundForDisplay(run.scores[r]) });
      continue;
    }
    const p = predictedClass(run, r, threshold);
    if (p === run.y[r]) continue;
    const confidence = task === 'binary' ? (p === 1 ? run.scores[r] : 1 - run.scores[r]) : run.scores[r * k + p];
    candidates.push({ row: r, confidence, actual: run.classes[run.y[r]], predicted: run.classes[p] });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.row - b.row);
  return {
    columns: ds.columns.map((c) => c.name),
    errors: candidates.slice(0, limit).map((c) => ({ ...c, cells: formatters.map((f) => f(c.row)) })),
  };
}
