/**
 * Run comparison: the metrics each run reached side by side and the settings that differ
 * between their configurations. Pure functions over what the UI already holds.
 */
import type { Evaluation } from './evaluation';
import type { ExperimentConfig } from './run';

export interface MetricRow {
  label: string;
  /** One value per run; null when the metric does not apply or is undefined (single class). */
  values: (number | null)[];
  /** Whether a larger value is better, to mark the best run. */
  higherIsBetter: boolean;
}

export interface ConfigDiffRow {
  /** Dotted path into the config, e.g. "model.learningRate". */
  setting: string;
  values: string[];
}

type Getter = { label: string; higherIsBetter: boolean; get(e: Evaluation): number | null | undefined };

const BINARY: Getter[] = [
  { label: 'ROC AUC', higherIsBetter: true, get: (e) => (e.task === 'binary' ? e.metrics.auc : null) },
  { label: 'Average precision', higherIsBetter: true, get: (e) => (e.task === 'binary' ? e.metrics.averagePrecision : null) },
  { label: 'Log loss', higherIsBetter: false, get: (e) => (e.task === 'binary' ? e.metrics.logLoss : null) },
  { label: 'Accuracy', higherIsBetter: true, get: (e) => (e.task === 'binary' ? e.metrics.accuracy : null) },
  { label: 'Precision', higherIsBetter: true, get: (e) => (e.task === 'binary' ? e.metrics.precision : null) },
  { label: 'Recall', higherIsBetter: true, get: (e) => (e.task === 'binary' ? e.metrics.recall : null) },
  { label: 'F1', higherIsBetter: true, get: (e) => (e.task === 'binary' ? e.metrics.f1 : null) },
];
const MULTICLASS: Getter[] = [
  { label: 'Accuracy', higherIsBetter: true, get: (e) => (e.task === 'multiclass' ? e.metrics.accuracy : null) },
  { label: 'Macro F1', higherIsBetter: true, get: (e) => (e.task === 'multiclass' ? e.metrics.macroF1 : null) },
  { label: 'Weighted F1', higherIsBetter: true, get: (e) => (e.task === 'multiclass' ? e.metrics.weightedF1 : null) },
  { label: 'Macro AUC (OvR)', higherIsBetter: true, get: (e) => (e.task === 'multiclass' ? e.metrics.macroAucOvr : null) },
  { label: 'Weighted AUC (OvR)', higherIsBetter: true, get: (e) => (e.task === 'multiclass' ? e.metrics.weightedAucOvr : null) },
  { label: 'Log loss', higherIsBetter: false, get: (e) => (e.task === 'multiclass' ? e.metrics.logLoss : null) },
];
const REGRESSION: Getter[] = [
  { label: 'RMSE', higherIsBetter: false, get: (e) => (e.task === 'regression' ? e.metrics.rmse : null) },
  { label: 'MAE', higherIsBetter: false, get: (e) => (e.task === 'regression' ? e.metrics.mae : null) },
  { label: 'R²', higherIsBetter: true, get: (e) => (e.task === 'regression' ? e.metrics.r2 : null) },
];

/** Metric rows for runs of one task (the first run's); a run of another task shows nulls. */
export function compareMetrics(evaluations: Evaluation[]): MetricRow[] {
  if (evaluations.length === 0) return [];
  const getters = evaluations[0].task === 'binary' ? BINARY : evaluations[0].task === 'multiclass' ? MULTICLASS : REGRESSION;
  return getters.map((g) => ({
    label: g.label,
    higherIsBetter: g.higherIsBetter,
    values: evaluations.map((e) => {
      const v = g.get(e);
      return v == null || !Number.isFinite(v) ? null : v;
    }),
  }));
}

/** Index of the best value in a row, or -1 when fewer than two runs have one. */
export function bestIndex(row: MetricRow): number {
  let best = -1;
  row.values.forEach((v, i) => {
    if (v === null) return;
    if (best < 0 || (row.higherIsBetter ? v > row.values[best]! : v < row.values[best]!)) best = i;
  });
  return row.values.filter((v) => v !== null).length > 1 ? best : -1;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, Array.isArray(value) ? value.join(', ') : String(value));
  }
}

/** Settings whose values are not the same in every config; a setting one config lacks reads "—". */
export function configDiff(configs: ExperimentConfig[]): ConfigDiffRow[] {
  const flat = configs.map((c) => {
    const m = new Map<string, string>();
    flatten(c, '', m);
    return m;
  });
  const keys = [...new Set(flat.flatMap((m) => [...m.keys()]))].sort();
  return keys
    .map((setting) => ({ setting, values: flat.map((m) => m.get(setting) ?? '—') }))
    .filter((row) => row.values.some((v) => v !== row.values[0]));
}
