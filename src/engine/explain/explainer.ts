/**
 * Explanations of finished runs, owned by the engine next to the runs: backgrounds are cached
 * per run, the attributions of explained file rows are kept for the SHAP CSV, and the UI gets
 * plain summaries (waterfall rows, beeswarm points, importance intervals, PD curves).
 */
import {
  buildBackground, DEFAULT_EXPLAIN_OPTIONS, encodeEditedRow, encodeFeatureValues, ExplainError, explainEncoded, featureCount,
  marginAvailable, outputFunction, partialDependence, permutationImportance, rowFields,
  type Attribution, type Background, type ExplainableRun, type ExplainOptions, type ExplainSpace, type FeatureValue,
} from '../../core/explain';
import { csvField } from '../../core/experiment/exports';
import { SPLIT_NAMES, type Experiment } from '../../core/experiment/run';
import type { Dataset } from '../../core/frame/types';
import { rankAuc } from '../../core/models';
import { transform } from '../../core/prep/transform';
import { createRandom, shuffledIndices } from '../../core/random';
import type {
  DependenceResult, ExplainSettings, GlobalExplanation, GlobalSettings, ImportanceResult, RowExplanation, RowMatch, RowValues, ShapCsv, WorstError,
} from './types';
import type { RunStore } from '../runs/store';
import { accuracy, colorValues, labelOf, majorityPrediction, matchRows, predictedClass, rmse, spaceLabel, testRows, worstErrors } from './rowFacts';
import type { Job, JobProgress } from '../jobs';
import { fail as failWith, ok, type Outcome } from '../outcome';

/** Why an explanation could not be made: an unknown run, settings or input out of range, a cancel. */
export type ExplainFailure = 'not-found' | 'bad-input' | 'cancelled';
const PD_ROWS = 300;
const ICE_LINES = 40;
const PD_GRID = 15;

interface Recorded {
  space: ExplainSpace;
  rows: Map<number, Attribution>;
}

const fail = (message: string) => failWith('bad-input', message);
const gone = () => failWith('not-found', 'That run is no longer available; train it again.');

export function createExplainer(runs: RunStore) {
  const backgrounds = new Map<string, Background>();
  const recorded = new Map<string, Recorded>();
  runs.holdFor((runId, ledger) => {
    const mine = [...backgrounds.entries()].filter(([key]) => key.startsWith(`${runId}|`)).map(([, bg]) => bg);
    return ledger.arrays(mine) + ledger.arrays(recorded.get(runId)?.rows);
  });

  function load(runId: string): { run: Experiment; ds: Dataset; er: ExplainableRun } | null {
    const stored = runs.get(runId);
    if (!stored) return null;
    const { run, dataset } = stored;
    return { run, ds: dataset, er: { pipeline: run.pipeline, model: run.model, task: run.config.task, classes: run.classes, splitOf: run.splitOf, y: run.y } };
  }

  function background(runId: string, er: ExplainableRun, ds: Dataset, s: ExplainSettings): Background {
    const key = `${runId}|${s.backgroundKind}|${s.backgroundSize}`;
    let bg = backgrounds.get(key);
    if (!bg) {
      bg = buildBackground(er, ds, s.backgroundKind, s.backgroundSize, DEFAULT_EXPLAIN_OPTIONS.seed);
      backgrounds.set(key, bg);
    }
    return bg;
  }





  function checkSettings(run: Experiment, er: ExplainableRun, s: ExplainSettings): string | null {
    if (s.space === 'margin' && !marginAvailable(er)) return 'The log-odds view needs a model with its own additive output (logistic or linear regression, or gradient-boosted trees).';
    if (!Number.isInteger(s.backgroundSize) || s.backgroundSize < 1 || s.backgroundSize > 500) return 'Background size must be a whole number from 1 to 500.';
    if (!Number.isInteger(s.samples) || s.samples < 16 || s.samples > 100_000) return 'Coalition samples must be a whole number from 16 to 100,000.';
    void run;
    return null;
  }

  function options(s: ExplainSettings, classIndex: number): ExplainOptions {
    return { ...DEFAULT_EXPLAIN_OPTIONS, ...s, classIndex };
  }

  function toRowExplanation(runId: string, run: Experiment, row: number, values: FeatureValue[], a: Attribution, s: ExplainSettings, classIndex: number, edited: boolean, ms: number): RowExplanation {
    const yv = run.y[row];
    const predicted = edited ? a.output : null;
    let predictedLabel: string;
    if (run.config.task === 'regression') predictedLabel = (predicted ?? run.scores[row]).toPrecision(4);
    else if (run.config.task === 'binary') {
      const p = edited && s.space === 'margin' ? 1 / (1 + Math.exp(-a.output)) : edited ? a.output : run.scores[row];
      predictedLabel = run.classes[p >= run.config.threshold ? 1 : 0];
    } else predictedLabel = run.classes[classIndex];
    return {
      runId,
      rowIndex: row,
      edited,
      split: SPLIT_NAMES[run.splitOf[row]],
      space: s.space,
      spaceLabel: spaceLabel(run, s.space, classIndex),
      method: a.method,
      base: a.base,
      prediction: a.output,
      features: run.pipeline.features.map((step, i) => ({ name: step.column, value: values[i], shap: a.values[i], stderr: a.stderr[i] })),
      actual: Number.isNaN(yv) ? null : labelOf(run, yv),
      predictedLabel,
      evaluations: a.evaluations,
      ms,
    };
  }

  function record(runId: string, space: ExplainSpace, row: number, a: Attribution): void {
    let r = recorded.get(runId);
    if (!r || r.space !== space) {
      r = { space, rows: new Map() };
      recorded.set(runId, r);
    }
    r.rows.set(row, a);
  }

  async function explainOne(runId: string, row: number, s: ExplainSettings, edits: Record<string, FeatureValue> | null): Promise<Outcome<RowExplanation, ExplainFailure>> {
    const loaded = load(runId);
    if (!loaded) return gone();
    const { run, ds, er } = loaded;
    if (!Number.isInteger(row) || row < 0 || row >= ds.rowCount) return fail(`Row ${row} is not in the file (rows 0 to ${ds.rowCount - 1}).`);
    const bad = checkSettings(run, er, s);
    if (bad) return fail(bad);
    const t0 = performance.now();
    const x = edits ? encodeEditedRow(run.pipeline, ds, row, edits) : { ok: true as const, value: transform(run.pipeline, ds.columns, Int32Array.of(row)).matrix };
    if (!x.ok) return fail(x.message);
    const classIndex = run.config.task === 'multiclass' ? predictedClass(run, row) : run.config.task === 'binary' ? 1 : 0;
    try {
      const a = await explainEncoded(er, background(runId, er, ds, s), x.value, options(s, classIndex));
      if (!edits) record(runId, s.space, row, a);
      const original = rowFields(run.pipeline, ds, row).map((f) => (edits && Object.hasOwn(edits, f.name) ? edits[f.name] : f.value));
      return { ok: true, value: toRowExplanation(runId, run, row, original, a, s, classIndex, edits !== null, performance.now() - t0) };
    } catch (error) {
      if (error instanceof ExplainError) return fail(error.message);
      throw error;
    }
  }


  return {
    explainRow(runId: string, row: number, s: ExplainSettings): Promise<Outcome<RowExplanation, ExplainFailure>> {
      return explainOne(runId, row, s, null);
    },

    whatIf(runId: string, row: number, edits: Record<string, FeatureValue>, s: ExplainSettings): Promise<Outcome<RowExplanation, ExplainFailure>> {
      return explainOne(runId, row, s, edits);
    },

    async explainGlobal(runId: string, s: GlobalSettings, job: Job<JobProgress>): Promise<Outcome<GlobalExplanation, ExplainFailure>> {
      const loaded = load(runId);
      if (!loaded) return gone();
      const { run, ds, er } = loaded;
      const bad = checkSettings(run, er, s);
      if (bad) return fail(bad);
      if (!Number.isInteger(s.rows) || s.rows < 1) return fail('Explain at least one row.');
      const t0 = performance.now();
      let rows = testRows(run);
      if (rows.length > s.rows) {
        const order = shuffledIndices(rows.length, createRandom(DEFAULT_EXPLAIN_OPTIONS.seed));
        rows = Array.from(order.subarray(0, s.rows), (i) => rows[i]).sort((a, b) => a - b);
      }
      const classIndex = run.config.task === 'binary' ? 1 : run.config.task === 'multiclass' ? majorityPrediction(run, rows) : 0;
      const bg = background(runId, er, ds, s);
      const design = transform(run.pipeline, ds.columns, Int32Array.from(rows));
      const m = run.pipeline.features.length;
      const shap = Array.from({ length: m }, () => new Array<number>(rows.length));
      let base = 0;
      let evaluations = 0;
      for (let i = 0; i < rows.length; i++) {
        job.progress({ jobId: job.id, fraction: i / rows.length, message: `Explained ${i} of ${rows.length} rows` });
        await job.yield();
        if (job.signal.aborted) return failWith('cancelled', 'Cancelled: nothing was computed for the summary.');
        const x = design.matrix.subarray(i * design.cols, (i + 1) * design.cols);
        // One seed per row, so a row's values do not depend on which other rows were sampled.
        const a = await explainEncoded(er, bg, x, { ...options(s, classIndex), seed: DEFAULT_EXPLAIN_OPTIONS.seed + rows[i] });
        record(runId, s.space, rows[i], a);
        for (let f = 0; f < m; f++) shap[f][i] = a.values[f];
        base = a.base;
        evaluations += a.evaluations;
      }
      job.progress({ jobId: job.id, fraction: 1, message: `Explained ${rows.length} rows` }, true);
      const colors = colorValues(run, ds, rows);
      const features = run.pipeline.features
        .map((step, f) => ({ name: step.column, meanAbs: shap[f].reduce((acc, v) => acc + Math.abs(v), 0) / rows.length, shap: shap[f], color: colors[f] }))
        .sort((a, b) => b.meanAbs - a.meanAbs);
      return { ok: true, value: { runId, space: s.space, spaceLabel: spaceLabel(run, s.space, classIndex), rows: rows.length, base, features, ms: performance.now() - t0, evaluations } };
    },

    async permutationImportance(runId: string, repeats: number, job: Job<JobProgress>): Promise<Outcome<ImportanceResult, ExplainFailure>> {
      const loaded = load(runId);
      if (!loaded) return gone();
      const { run, ds } = loaded;
      if (!Number.isInteger(repeats) || repeats < 1 || repeats > 50) return fail('Repeats must be a whole number from 1 to 50.');
      const rows = testRows(run);
      const design = transform(run.pipeline, ds.columns, Int32Array.from(rows));
      const y = Float64Array.from(rows, (r) => run.y[r]);
      const task = run.config.task;
      const k = run.classes.length;
      const metric = task === 'binary' ? (p: Float64Array) => rankAuc(p, y) : task === 'multiclass' ? (p: Float64Array) => accuracy(p, y, k) : (p: Float64Array) => rmse(p, y);
      const result = await permutationImportance({
        matrix: design.matrix, rows: design.rows, cols: design.cols, groups: run.pipeline.groups, features: Math.max(featureCount(run.pipeline.groups), run.pipeline.features.length),
        predict: (x, n) => run.model.predict(x, n), metric, higherIsBetter: task !== 'regression', width: task === 'multiclass' ? k : 1, repeats, seed: DEFAULT_EXPLAIN_OPTIONS.seed, signal: job.signal,
        onFeature: async (done, total) => {
          job.progress({ jobId: job.id, fraction: done / total, message: `Shuffled ${done} of ${total} features` });
          await job.yield(true);
        },
      });
      if (!result) return failWith('cancelled', 'Cancelled.');
      const features = result.features.map((f) => ({ name: run.pipeline.features[f.feature].column, mean: f.mean, std: f.std, low: f.low, high: f.high })).sort((a, b) => b.mean - a.mean);
      return { ok: true, value: { metric: task === 'binary' ? 'AUC' : task === 'multiclass' ? 'accuracy' : 'RMSE', baseline: result.baseline, repeats, testRows: rows.length, features } };
    },

    async partialDependence(runId: string, feature: string, space: ExplainSpace): Promise<Outcome<DependenceResult, ExplainFailure>> {
      const loaded = load(runId);
      if (!loaded) return gone();
      const { run, ds, er } = loaded;
      const f = run.pipeline.features.findIndex((s) => s.column === feature);
      if (f < 0) return fail(`The model has no feature "${feature}".`);
      const step = run.pipeline.features[f];
      if (step.kind === 'text') return fail(`Partial dependence needs a number or category; "${feature}" is free text.`);
      if (space === 'margin' && !marginAvailable(er)) return fail('The log-odds view needs a model with its own additive output (logistic or linear regression, or gradient-boosted trees).');
      let grid: (string | number)[];
      if (step.kind === 'category') grid = [...step.categories];
      else if (step.kind === 'boolean') grid = [0, 1];
      else {
        const column = ds.columns.find((c) => c.name === feature)!;
        const train: number[] = [];
        if (column.storage === 'number') run.splitOf.forEach((s, r) => s === 1 && Number.isFinite(column.values[r]) && train.push(column.values[r]));
        train.sort((a, b) => a - b);
        if (train.length === 0) return fail(`"${feature}" has no values in the training rows.`);
        const qs = Array.from({ length: PD_GRID }, (_, i) => train[Math.round(((0.05 + (0.9 * i) / (PD_GRID - 1)) * (train.length - 1)))]);
        grid = [...new Set(qs)];
      }
      const encoded = encodeFeatureValues(run.pipeline, ds, f, grid.map((g) => (step.kind === 'datetime' ? Number(g) : g)));
      if (!encoded.ok) return fail(encoded.message);
      let rows = testRows(run);
      if (rows.length > PD_ROWS) {
        const order = shuffledIndices(rows.length, createRandom(DEFAULT_EXPLAIN_OPTIONS.seed));
        rows = Array.from(order.subarray(0, PD_ROWS), (i) => rows[i]);
      }
      const design = transform(run.pipeline, ds.columns, Int32Array.from(rows));
      const columns = run.pipeline.groups.flatMap((g, c) => (g === f ? [c] : []));
      const classIndex = run.config.task === 'multiclass' ? majorityPrediction(run, rows) : run.config.task === 'binary' ? 1 : 0;
      const curve = await partialDependence({ matrix: design.matrix, rows: design.rows, cols: design.cols, columns, encodedGrid: encoded.value, gridSize: grid.length, f: outputFunction(er, space, classIndex), iceRows: ICE_LINES });
      const shown = step.kind === 'datetime' ? grid.map((g) => new Date(Number(g)).toISOString().slice(0, 10)) : grid;
      return { ok: true, value: { feature, kind: step.kind === 'category' ? 'category' : 'number', spaceLabel: spaceLabel(run, space, classIndex), grid: shown, average: curve.average, ice: curve.ice, rows: rows.length } };
    },

    rowValues(runId: string, row: number): Outcome<RowValues, ExplainFailure> {
      const loaded = load(runId);
      if (!loaded) return gone();
      const { run, ds } = loaded;
      if (!Number.isInteger(row) || row < 0 || row >= ds.rowCount) return fail(`Row ${row} is not in the file (rows 0 to ${ds.rowCount - 1}).`);
      return { ok: true, value: { rowIndex: row, split: SPLIT_NAMES[run.splitOf[row]], fields: rowFields(run.pipeline, ds, row) } };
    },

    /** A row number, or rows whose feature values contain the text (test rows first), at most 20. */
    searchRows(runId: string, query: string): Outcome<RowMatch[], ExplainFailure> {
      const loaded = load(runId);
      if (!loaded) return gone();
      return ok(matchRows(loaded, query));
    },

    worstErrors(runId: string, n: number): Outcome<WorstError[], ExplainFailure> {
      const loaded = load(runId);
      if (!loaded) return gone();
      return ok(worstErrors(loaded.run, n));
    },

    exportShapCsv(runId: string): Outcome<ShapCsv, ExplainFailure> {
      const loaded = load(runId);
      const r = recorded.get(runId);
      if (!loaded || !r || r.rows.size === 0) return fail('Explain some rows first (a waterfall or the global summary); the CSV holds the explained rows.');
      const names = loaded.run.pipeline.features.map((s) => s.column);
      const lines = [['row_index', 'base_value', 'prediction', ...names].map(csvField).join(',')];
      for (const row of [...r.rows.keys()].sort((a, b) => a - b)) {
        const a = r.rows.get(row)!;
        lines.push([row, a.base, a.output, ...a.values].join(','));
      }
      return ok({ csv: new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }), space: r.space, rows: r.rows.size });
    },

    /** Drop a run's cached backgrounds and recorded rows (the run was removed). */
    forget(runId: string): void {
      for (const key of backgrounds.keys()) if (key.startsWith(`${runId}|`)) backgrounds.delete(key);
      recorded.delete(runId);
    },
  };
}

export type Explainer = ReturnType<typeof createExplainer>;
