/**
 * Explanations of finished runs, owned by the engine next to the runs: backgrounds are cached
 * per run, the attributions of explained file rows are kept for the SHAP CSV, and the UI gets
 * plain summaries (waterfall rows, beeswarm points, importance intervals, PD curves).
 */
import {
  buildBackground, cellValue, DEFAULT_EXPLAIN_OPTIONS, encodeEditedRow, encodeFeatureValues, ExplainError, explainEncoded, featureCount,
  marginAvailable, outputFunction, partialDependence, permutationImportance, rowFields,
  type Attribution, type Background, type ExplainableRun, type ExplainOptions, type ExplainSpace, type FeatureValue,
} from '../core/explain';
import { csvField } from '../core/experiment/exports';
import { SPLIT_NAMES, type Experiment } from '../core/experiment/run';
import type { Dataset, Result } from '../core/frame/types';
import { rankAuc } from '../core/models';
import { transform } from '../core/prep/transform';
import { createRandom, shuffledIndices } from '../core/random';
import type {
  DependenceResult, ExplainSettings, GlobalExplanation, GlobalSettings, ImportanceResult, RowExplanation, RowMatch, RowValues, ShapCsv, WorstError,
} from './explainTypes';
import type { RunService } from './runs';

type Failure = { message: string };
type Progress = (fraction: number, message: string) => void;

/** Hand the worker's event loop back this often, so a cancel message can land mid-job. */
const YIELD_EVERY_MS = 50;
const PD_ROWS = 300;
const ICE_LINES = 40;
const PD_GRID = 15;

interface Recorded {
  space: ExplainSpace;
  rows: Map<number, Attribution>;
}

const fail = (message: string) => ({ ok: false as const, error: { message } });
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createExplainService(runs: RunService) {
  const backgrounds = new Map<string, Background>();
  const recorded = new Map<string, Recorded>();

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

  function spaceLabel(run: Experiment, space: ExplainSpace, classIndex: number): string {
    const { target, task } = run.config;
    if (task === 'regression') return `predicted ${target}`;
    const label = `${target} = ${run.classes[classIndex]}`;
    return space === 'margin' ? `log-odds of ${label}` : `P(${label})`;
  }

  function predictedClass(run: Experiment, row: number): number {
    if (run.config.task === 'binary') return run.scores[row] >= run.config.threshold ? 1 : 0;
    const k = run.classes.length;
    let best = 0;
    for (let c = 1; c < k; c++) if (run.scores[row * k + c] > run.scores[row * k + best]) best = c;
    return best;
  }

  function labelOf(run: Experiment, value: number): string {
    return run.config.task === 'regression' ? String(value) : run.classes[value];
  }

  function testRows(run: Experiment): number[] {
    const rows: number[] = [];
    run.splitOf.forEach((s, r) => s === 3 && rows.push(r));
    return rows;
  }

  function checkSettings(run: Experiment, er: ExplainableRun, s: ExplainSettings): string | null {
    if (s.space === 'margin' && !marginAvailable(er)) return 'The log-odds view needs a model with its own additive output (logistic or linear regression).';
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

  async function explainOne(runId: string, row: number, s: ExplainSettings, edits: Record<string, FeatureValue> | null): Promise<Result<RowExplanation, Failure>> {
    const loaded = load(runId);
    if (!loaded) return fail('That run is no longer available; train it again.');
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

  /** Per feature, per row: the value scaled to 0..1 for the beeswarm colour (categories by their code). */
  function colorValues(run: Experiment, ds: Dataset, rows: number[]): (number | null)[][] {
    return run.pipeline.features.map((step) => {
      const column = ds.columns.find((c) => c.name === step.column)!;
      const raw = rows.map((r) => {
        if (column.storage === 'number') return Number.isFinite(column.values[r]) ? column.values[r] : null;
        if (step.kind === 'category') {
          const v = column.codes[r] < 0 ? null : column.dictionary[column.codes[r]];
          return v === null ? null : Math.max(0, step.categories.indexOf(v));
        }
        return null;
      });
      const finite = raw.filter((v): v is number => v !== null).sort((a, b) => a - b);
      if (finite.length === 0) return raw;
      // 5th-95th percentile scaling: one outlier should not wash out every other dot's colour.
      const lo = finite[Math.floor(finite.length * 0.05)];
      const hi = finite[Math.floor((finite.length - 1) * 0.95)];
      return raw.map((v) => (v === null ? null : hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5));
    });
  }

  return {
    explainRow(runId: string, row: number, s: ExplainSettings): Promise<Result<RowExplanation, Failure>> {
      return explainOne(runId, row, s, null);
    },

    whatIf(runId: string, row: number, edits: Record<string, FeatureValue>, s: ExplainSettings): Promise<Result<RowExplanation, Failure>> {
      return explainOne(runId, row, s, edits);
    },

    async explainGlobal(runId: string, s: GlobalSettings, signal: { readonly aborted: boolean }, onProgress: Progress): Promise<Result<GlobalExplanation, Failure & { cancelled?: boolean }>> {
      const loaded = load(runId);
      if (!loaded) return fail('That run is no longer available; train it again.');
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
      let lastYield = performance.now();
      for (let i = 0; i < rows.length; i++) {
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          onProgress(i / rows.length, `Explained ${i} of ${rows.length} rows`);
          await yieldToEvents();
          lastYield = performance.now();
        }
        if (signal.aborted) return { ok: false, error: { message: 'Cancelled: nothing was computed for the summary.', cancelled: true } };
        const x = design.matrix.subarray(i * design.cols, (i + 1) * design.cols);
        // One seed per row, so a row's values do not depend on which other rows were sampled.
        const a = await explainEncoded(er, bg, x, { ...options(s, classIndex), seed: DEFAULT_EXPLAIN_OPTIONS.seed + rows[i] });
        record(runId, s.space, rows[i], a);
        for (let f = 0; f < m; f++) shap[f][i] = a.values[f];
        base = a.base;
        evaluations += a.evaluations;
      }
      onProgress(1, `Explained ${rows.length} rows`);
      const colors = colorValues(run, ds, rows);
      const features = run.pipeline.features
        .map((step, f) => ({ name: step.column, meanAbs: shap[f].reduce((acc, v) => acc + Math.abs(v), 0) / rows.length, shap: shap[f], color: colors[f] }))
        .sort((a, b) => b.meanAbs - a.meanAbs);
      return { ok: true, value: { runId, space: s.space, spaceLabel: spaceLabel(run, s.space, classIndex), rows: rows.length, base, features, ms: performance.now() - t0, evaluations } };
    },

    async permutationImportance(runId: string, repeats: number, signal: { readonly aborted: boolean }, onProgress: Progress): Promise<Result<ImportanceResult, Failure & { cancelled?: boolean }>> {
      const loaded = load(runId);
      if (!loaded) return fail('That run is no longer available; train it again.');
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
        predict: (x, n) => run.model.predict(x, n), metric, higherIsBetter: task !== 'regression', width: task === 'multiclass' ? k : 1, repeats, seed: DEFAULT_EXPLAIN_OPTIONS.seed, signal,
        onFeature: async (done, total) => {
          onProgress(done / total, `Shuffled ${done} of ${total} features`);
          await yieldToEvents();
        },
      });
      if (!result) return { ok: false, error: { message: 'Cancelled.', cancelled: true } };
      const features = result.features.map((f) => ({ name: run.pipeline.features[f.feature].column, mean: f.mean, std: f.std, low: f.low, high: f.high })).sort((a, b) => b.mean - a.mean);
      return { ok: true, value: { metric: task === 'binary' ? 'AUC' : task === 'multiclass' ? 'accuracy' : 'RMSE', baseline: result.baseline, repeats, testRows: rows.length, features } };
    },

    async partialDependence(runId: string, feature: string, space: ExplainSpace): Promise<Result<DependenceResult, Failure>> {
      const loaded = load(runId);
      if (!loaded) return fail('That run is no longer available; train it again.');
      const { run, ds, er } = loaded;
      const f = run.pipeline.features.findIndex((s) => s.column === feature);
      if (f < 0) return fail(`The model has no feature "${feature}".`);
      const step = run.pipeline.features[f];
      if (step.kind === 'text') return fail(`Partial dependence needs a number or category; "${feature}" is free text.`);
      if (space === 'margin' && !marginAvailable(er)) return fail('The log-odds view needs a model with its own additive output (logistic or linear regression).');
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

    rowValues(runId: string, row: number): Result<RowValues, Failure> {
      const loaded = load(runId);
      if (!loaded) return fail('That run is no longer available; train it again.');
      const { run, ds } = loaded;
      if (!Number.isInteger(row) || row < 0 || row >= ds.rowCount) return fail(`Row ${row} is not in the file (rows 0 to ${ds.rowCount - 1}).`);
      return { ok: true, value: { rowIndex: row, split: SPLIT_NAMES[run.splitOf[row]], fields: rowFields(run.pipeline, ds, row) } };
    },

    /** A row number, or rows whose feature values contain the text (test rows first), at most 20. */
    searchRows(runId: string, query: string): RowMatch[] {
      const loaded = load(runId);
      if (!loaded) return [];
      const { run, ds } = loaded;
      const q = query.trim().toLowerCase();
      if (q === '') return [];
      const preview = (r: number) => run.pipeline.features.slice(0, 4).map((s) => `${s.column}: ${String(cellValue(ds.columns.find((c) => c.name === s.column)!, r, s) ?? '—').slice(0, 24)}`).join(' · ');
      const match = (r: number): RowMatch => ({ rowIndex: r, split: SPLIT_NAMES[run.splitOf[r]], preview: preview(r) });
      if (/^\d+$/.test(q)) {
        const r = Number(q);
        return r < ds.rowCount ? [match(r)] : [];
      }
      const hits: number[] = [];
      const columns = ds.columns.filter((c) => c.storage === 'dictionary' && c.name !== run.config.target);
      for (const column of columns) {
        if (column.storage !== 'dictionary') continue;
        const entries = new Set<number>();
        column.dictionary.forEach((text, i) => text.toLowerCase().includes(q) && entries.add(i));
        if (entries.size === 0) continue;
        for (let r = 0; r < ds.rowCount && hits.length < 2000; r++) if (entries.has(column.codes[r])) hits.push(r);
      }
      const unique = [...new Set(hits)].sort((a, b) => (run.splitOf[b] === 3 ? 1 : 0) - (run.splitOf[a] === 3 ? 1 : 0) || a - b);
      return unique.slice(0, 20).map(match);
    },

    worstErrors(runId: string, n: number): WorstError[] {
      const loaded = load(runId);
      if (!loaded) return [];
      const { run } = loaded;
      const k = run.classes.length;
      const task = run.config.task;
      const out: WorstError[] = testRows(run).map((r) => {
        const y = run.y[r];
        if (task === 'binary') return { rowIndex: r, actual: run.classes[y], predicted: run.classes[predictedClass(run, r)], score: run.scores[r], error: Math.abs(y - run.scores[r]) };
        if (task === 'multiclass') {
          const c = predictedClass(run, r);
          return { rowIndex: r, actual: run.classes[y], predicted: run.classes[c], score: run.scores[r * k + c], error: 1 - run.scores[r * k + y] };
        }
        return { rowIndex: r, actual: String(y), predicted: run.scores[r].toPrecision(4), score: run.scores[r], error: Math.abs(y - run.scores[r]) };
      });
      const wrong = task === 'regression' ? out : out.filter((e) => e.actual !== e.predicted);
      return wrong.sort((a, b) => b.error - a.error).slice(0, Math.max(0, Math.min(n, 100)));
    },

    exportShapCsv(runId: string): Result<ShapCsv, Failure> {
      const loaded = load(runId);
      const r = recorded.get(runId);
      if (!loaded || !r || r.rows.size === 0) return fail('Explain some rows first (a waterfall or the global summary); the CSV holds the explained rows.');
      const names = loaded.run.pipeline.features.map((s) => s.column);
      const lines = [['row_index', 'base_value', 'prediction', ...names].map(csvField).join(',')];
      for (const row of [...r.rows.keys()].sort((a, b) => a - b)) {
        const a = r.rows.get(row)!;
        lines.push([row, a.base, a.output, ...a.values].join(','));
      }
      return { ok: true, value: { csv: lines.join('\n') + '\n', space: r.space, rows: r.rows.size } };
    },

    /** Drop a run's cached backgrounds and recorded rows (the run was removed). */
    forget(runId: string): void {
      for (const key of backgrounds.keys()) if (key.startsWith(`${runId}|`)) backgrounds.delete(key);
      recorded.delete(runId);
    },
  };
}

function majorityPrediction(run: Experiment, rows: number[]): number {
  const k = run.classes.length;
  const mean = new Float64Array(k);
  for (const r of rows) for (let c = 0; c < k; c++) mean[c] += run.scores[r * k + c];
  let best = 0;
  for (let c = 1; c < k; c++) if (mean[c] > mean[best]) best = c;
  return best;
}

function accuracy(p: Float64Array, y: Float64Array, k: number): number {
  let right = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
    if (best === y[i]) right++;
  }
  return right / y.length;
}

function rmse(p: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (p[i] - y[i]) ** 2;
  return Math.sqrt(s / y.length);
}

export type ExplainService = ReturnType<typeof createExplainService>;
