/**
 * Model versions as pure functions: which model line a run belongs to (its target and task), the
 * settings a version was made with as flat rows for a side-by-side diff, its headline test
 * metrics, and the promotion history's rules (one current per line; roll back = promote the
 * previous current again).
 */
import type { ExperimentConfig } from './run';
import type { Evaluation } from './evaluation';

/** A model line: every run predicting the same target for the same task. */
export function modelLineKey(config: Pick<ExperimentConfig, 'target' | 'task'>): string {
  return `${config.task}:${config.target}`;
}

/** The settings of a version as flat name -> text rows, in a fixed order. */
export function versionSettings(config: ExperimentConfig, data: string): [string, string][] {
  const rows: [string, string][] = [
    ['data', data],
    ['model', config.model.kind],
    ...Object.entries(config.model)
      .filter(([k]) => k !== 'kind')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]): [string, string] => [`model.${k}`, Array.isArray(v) ? v.join(', ') : String(v)]),
    ['features', config.features.join(', ')],
    ['seed', String(config.seed)],
    ['split', `${config.split.train} / ${config.split.val} / ${config.split.test}`],
  ];
  if (config.task === 'binary') rows.push(['positive class', config.positiveClass ?? ''], ['threshold', String(config.threshold)]);
  rows.push(['imbalance', config.imbalance && config.imbalance.method !== 'none' ? config.imbalance.method : 'none']);
  rows.push(['augment', config.augment ? JSON.stringify(config.augment) : 'none']);
  return rows;
}

export interface SettingDiff {
  setting: string;
  a: string;
  b: string;
  same: boolean;
}

/** Both versions' settings, row by row (a setting only one has shows "-" on the other side). */
export function settingsDiff(a: [string, string][], b: [string, string][]): SettingDiff[] {
  const names = [...new Set([...a.map(([n]) => n), ...b.map(([n]) => n)])];
  const am = new Map(a);
  const bm = new Map(b);
  return names.map((setting) => {
    const av = am.get(setting) ?? '-';
    const bv = bm.get(setting) ?? '-';
    return { setting, a: av, b: bv, same: av === bv };
  });
}

export interface HeadlineMetric {
  name: string;
  value: number | null;
  higherIsBetter: boolean;
}

/** The test-split numbers a version is compared by. */
export function headlineMetrics(e: Evaluation): HeadlineMetric[] {
  if (e.task === 'binary') {
    return [
      { name: 'AUC', value: e.metrics.auc, higherIsBetter: true },
      { name: 'accuracy', value: e.metrics.accuracy, higherIsBetter: true },
      { name: 'F1', value: e.metrics.f1, higherIsBetter: true },
      { name: 'log loss', value: e.metrics.logLoss, higherIsBetter: false },
    ];
  }
  if (e.task === 'multiclass') {
    return [
      { name: 'accuracy', value: e.metrics.accuracy, higherIsBetter: true },
      { name: 'macro F1', value: e.metrics.macroF1, higherIsBetter: true },
      { name: 'log loss', value: e.metrics.logLoss, higherIsBetter: false },
    ];
  }
  return [
    { name: 'RMSE', value: e.metrics.rmse, higherIsBetter: false },
    { name: 'MAE', value: e.metrics.mae, higherIsBetter: false },
    { name: 'R²', value: e.metrics.r2, higherIsBetter: true },
  ];
}

export interface MetricDelta {
  name: string;
  a: number | null;
  b: number | null;
  /** b - a; null when either is missing. */
  delta: number | null;
  /** Whether b is better than a (null: equal or not comparable). */
  better: boolean | null;
}

export function metricDeltas(a: HeadlineMetric[], b: HeadlineMetric[]): MetricDelta[] {
  return a.map((m, i) => {
    const other = b[i]?.value ?? null;
    const delta = m.value !== null && other !== null ? other - m.value : null;
    return { name: m.name, a: m.value, b: other, delta, better: delta === null || delta === 0 ? null : delta > 0 === m.higherIsBetter };
  });
}

export interface Promotion {
  runId: string;
  version: number;
  action: 'first' | 'promote' | 'rollback';
  at: string;
}

/**
 * One line's promotions. `stack` holds the currents in promotion order (top = current); promote
 * pushes, roll back pops back to the one before. `history` keeps every event, in order.
 */
export interface PromotionState {
  stack: string[];
  history: Promotion[];
}

export function promote(state: PromotionState, runId: string, version: number, at: string, action: Promotion['action'] = 'promote'): PromotionState {
  return { stack: [...state.stack.filter((id) => id !== runId), runId], history: [...state.history, { runId, version, action, at }] };
}

/** The previous current becomes current again; null when there is none to go back to. */
export function rollback(state: PromotionState, versionOf: (runId: string) => number | null, at: string): PromotionState | null {
  const stack = state.stack.filter((id) => versionOf(id) !== null);
  if (stack.length < 2) return null;
  const next = stack.slice(0, -1);
  const runId = next[next.length - 1];
  return { stack: next, history: [...state.history, { runId, version: versionOf(runId)!, action: 'rollback', at }] };
}

/** The current version's run: the top of the stack that still exists. */
export function currentOf(state: PromotionState, exists: (runId: string) => boolean): string | null {
  for (let i = state.stack.length - 1; i >= 0; i--) if (exists(state.stack[i])) return state.stack[i];
  return null;
}
