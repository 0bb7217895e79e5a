/**
 * The stream's window step, the same for a replayed dataset and a tailed file: score the window's
 * new rows with the frozen model and the updated one (test), record drift, class balance and the
 * DDM state, and only then let the updated model learn from those rows (train).
 */
import type { Column } from '../frame/types';
import type { FittedModel, PartialFitControl } from '../models/kind';
import { transform } from '../prep/transform';
import type { FittedPipeline, TaskKind } from '../prep/types';
import { createDdm, type DdmLevel, type DdmState } from './ddm';
import type { DriftRule } from './drift';
import { classBalance, predictionErrors, windowMetrics, type WindowMetrics } from './prequential';
import { windowDrift, type DriftReference, type FeatureDrift } from './reference';

/** every-window: learn from each window; on-drift: from the first alert on; never: the updated model stays the frozen one. */
export type UpdatePolicy = 'every-window' | 'on-drift' | 'never';

export interface StreamAlert {
  window: number;
  kind: 'feature-drift' | 'ddm-warning' | 'ddm-drift';
  /** The feature, for a feature alert. */
  feature: string | null;
  message: string;
  /** A feature alert's PSI: under 0.1 means only the test called it (a small shift in a large window). */
  psi?: number;
}

export interface WindowReport {
  index: number;
  /** Rows scored and learned from (the window's new rows with a target). */
  rows: number;
  /** Positions of the window in the stream [start, end), and its event times (ms) when known. */
  start: number;
  end: number;
  from: number | null;
  to: number | null;
  frozen: WindowMetrics;
  updated: WindowMetrics;
  classBalance: number[];
  drift: FeatureDrift[];
  ddm: DdmState;
  /** DDM's level after the window (its rule is checked once per window). */
  ddmLevel: DdmLevel;
  alerts: StreamAlert[];
  /** Whether the updated model learned from this window, and its loss on the rows before and after. */
  update: { lossBefore: number; lossAfter: number } | null;
  ms: number;
}

export interface MonitoredModel {
  pipeline: FittedPipeline;
  model: FittedModel;
  task: TaskKind;
  /** Class labels in index order (binary: negative, positive); empty for regression. */
  classes: string[];
  target: string;
  threshold: number;
}

export interface MonitorOptions {
  update: UpdatePolicy;
  seed: number;
  /** Default 'psi-or-test' (drift.ts). */
  driftRule?: DriftRule;
  partialFit?: Omit<PartialFitControl, 'seed'>;
}

/** Targets of the given rows in the model's encoding; NaN where missing or a class the model never saw. */
export function targetsOf(columns: Column[], m: Pick<MonitoredModel, 'target' | 'task' | 'classes'>, rows: ArrayLike<number>): Float32Array {
  const column = columns.find((c) => c.name === m.target);
  const y = new Float32Array(rows.length).fill(NaN);
  if (!column) return y;
  if (m.task === 'regression') {
    if (column.storage === 'number') for (let i = 0; i < rows.length; i++) y[i] = column.values[rows[i]];
    return y;
  }
  const index = new Map(m.classes.map((c, i) => [c, i]));
  if (column.storage === 'dictionary') {
    const byCode = column.dictionary.map((label) => index.get(label) ?? NaN);
    for (let i = 0; i < rows.length; i++) y[i] = column.codes[rows[i]] >= 0 ? byCode[column.codes[rows[i]]] : NaN;
  } else {
    for (let i = 0; i < rows.length; i++) {
      const v = column.values[rows[i]];
      y[i] = Number.isFinite(v) ? index.get(String(v)) ?? NaN : NaN;
    }
  }
  return y;
}

export function createStreamMonitor(m: MonitoredModel, reference: DriftReference, options: MonitorOptions) {
  const k = m.task === 'multiclass' ? m.classes.length : m.task === 'binary' ? 2 : 1;
  // Checked once per window (ddm.ts says why).
  const ddm = createDdm();
  let updated: FittedModel = m.model;
  // False once the updated model was kept as a run: the run owns it then, and the monitor must not free it.
  let ownsUpdated = false;
  let alerted = false;
  // Regression errors for DDM: an absolute error above twice the frozen model's RMSE on the first window.
  let band = NaN;

  return {
    /** One window: `rows` are its positions in `columns` (drift), `newRows` those not in an earlier window (test, then train). */
    async window(columns: Column[], rows: Int32Array, newRows: Int32Array, meta: { index: number; start: number; end: number; from: number | null; to: number | null }, signal?: { readonly aborted: boolean }): Promise<WindowReport> {
      const started = performance.now();
      const allY = targetsOf(columns, m, newRows);
      let n = 0;
      for (const v of allY) if (Number.isFinite(v)) n++;
      const scored = new Int32Array(n);
      const y = new Float32Array(n);
      for (let i = 0, j = 0; i < newRows.length; i++) if (Number.isFinite(allY[i])) [scored[j], y[j++]] = [newRows[i], allY[i]];
      const design = transform(m.pipeline, columns, scored);
      const frozenScores = n > 0 ? await m.model.predict(design.matrix, n) : new Float64Array(0);
      const updatedScores = updated === m.model ? frozenScores : n > 0 ? await updated.predict(design.matrix, n) : new Float64Array(0);
      const frozen = windowMetrics(m.task, y, frozenScores, k, m.threshold);
      if (m.task === 'regression' && !Number.isFinite(band) && n > 0) band = 2 * frozen.rmse;

      const alerts: StreamAlert[] = [];
      const errors = predictionErrors(m.task, y, frozenScores, k, m.threshold, band);
      const ddmLevel = ddm.addWindow(errors);
      if (ddmLevel !== 'in-control') {
        alerts.push({ window: meta.index, kind: ddmLevel === 'drift' ? 'ddm-drift' : 'ddm-warning', feature: null, message: ddmLevel === 'drift' ? "The frozen model's error rate rose past DDM's drift level (p + s >= pmin + 3 smin)." : "The frozen model's error rate is past DDM's warning level (p + s >= pmin + 2 smin)." });
      }
      const drift = windowDrift(reference, columns, rows, options.driftRule);
      for (const d of drift) {
        if (d.level !== 'alert') continue;
        alerts.push({ window: meta.index, kind: 'feature-drift', feature: d.feature, psi: d.psi, message: `${d.feature}: PSI ${d.psi.toFixed(2)}, ${d.test === 'ks' ? 'KS' : 'chi-square'} p ${d.pValue < 1e-4 ? d.pValue.toExponential(1) : d.pValue.toFixed(4)}` });
      }
      if (alerts.some((a) => a.kind !== 'ddm-warning')) alerted = true;

      let update: WindowReport['update'] = null;
      const learn = options.update === 'every-window' || (options.update === 'on-drift' && alerted);
      if (learn && n > 0 && updated.partialFit && !signal?.aborted) {
        const r = await updated.partialFit({ x: design.matrix, y, rows: n, cols: design.cols }, { ...options.partialFit, seed: options.seed + meta.index, signal });
        if (r.ok) {
          if (ownsUpdated) updated.dispose();
          updated = r.model;
          ownsUpdated = true;
          update = { lossBefore: r.lossBefore, lossAfter: r.lossAfter };
        }
      }
      return {
        ...meta,
        rows: n,
        frozen,
        updated: updatedScores === frozenScores ? frozen : windowMetrics(m.task, y, updatedScores, k, m.threshold),
        classBalance: classBalance(m.task, y, k),
        drift,
        ddm: ddm.state(),
        ddmLevel,
        alerts,
        update,
        ms: performance.now() - started,
      };
    },

    /** The model as updated so far (the frozen one until a first update). */
    updatedModel: (): FittedModel => updated,
    /** Whether the updated model differs from the frozen one. */
    hasUpdates: () => updated !== m.model,
    /** Hands the updated model over (to a new run); later updates start from it but leave it alone. */
    keep(): FittedModel {
      ownsUpdated = false;
      return updated;
    },
    /** Frees the updated model if the monitor still owns it (never the frozen one, which its run owns). */
    dispose() {
      if (ownsUpdated) updated.dispose();
      ownsUpdated = false;
      updated = m.model;
    },
  };
}

export type StreamMonitor = ReturnType<typeof createStreamMonitor>;
