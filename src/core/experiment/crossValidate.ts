/**
 * Stratified k-fold cross-validation on a run's training split. Each fold is an ordinary run
 * (runExperiment with the fold's rows as its split), so a fold's metrics are exactly those of
 * training on that fold's split by hand. The test split stays untouched for the final model.
 */
import type { Dataset } from '../frame/types';
import { encodeTarget, stratifiedSplit, type Split } from '../prep';
import type { Evaluation } from './evaluation';
import { createRandom, shuffledIndices } from '../random';
import { compareMetrics } from './compare';
import { runExperiment, type ExperimentConfig, type ExperimentFailure } from './run';

export interface FoldAssignment {
  k: number;
  /** Training-split rows (file row indices, ascending) and the fold each is held out in. */
  rows: Int32Array;
  fold: Uint8Array;
}

export interface MetricSummary {
  name: string;
  mean: number | null;
  /** Population standard deviation over folds (numpy's default ddof = 0). */
  std: number | null;
  perFold: (number | null)[];
  higherIsBetter: boolean;
}

export interface CvResult {
  k: number;
  metrics: MetricSummary[];
  /** Training rows per fold (after any resampling) and held-out rows per fold. */
  foldSizes: { train: number; heldOut: number }[];
}

export interface CvProgress {
  fold: number;
  k: number;
}

/** What one fold produced: enough for the CV summary (the model is not kept). */
export type FoldOutcome = { ok: true; evaluation: Evaluation; trainRows: number } | { ok: false; error: ExperimentFailure };

/** Runs one fold somewhere (this thread, or a pool of workers); folds of a CV may then run at once. */
export type FoldRunner = (config: ExperimentConfig, split: Split) => Promise<FoldOutcome>;

/** One fold on this thread: an ordinary run on the fold's rows, its model freed at once. */
export async function runFoldHere(ds: Dataset, config: ExperimentConfig, split: Split, signal?: { readonly aborted: boolean }): Promise<FoldOutcome> {
  const result = await runExperiment(ds, config, { signal, split });
  if (!result.ok) return result;
  result.value.model.dispose();
  return { ok: true, evaluation: result.value.evaluation, trainRows: result.value.trainRows };
}

export const MIN_FOLDS = 2;
export const MAX_FOLDS = 20;

/** The run's training rows (its seeded 70/15/15 split) and encoded target, as runExperiment makes them. */
export function trainingRows(ds: Dataset, config: ExperimentConfig): { ok: true; rows: Int32Array; y: Float32Array } | { ok: false; message: string } {
  const target = encodeTarget(ds, { column: config.target, task: config.task, positiveClass: config.positiveClass ?? undefined });
  if (!target.ok) return { ok: false, message: target.error.message };
  const split = stratifiedSplit(target.value.y, target.value.rowsWithTarget, config.split, config.seed, true);
  return { ok: true, rows: split.train, y: target.value.y };
}

/**
 * Stratified fold assignment: each class's rows, shuffled with the seed, are dealt to folds in
 * turn, continuing where the previous class stopped, so every fold gets each class's share (±1)
 * and fold sizes differ by at most one. Regression targets are dealt as one group.
 */
export function stratifiedFolds(rows: Int32Array, y: ArrayLike<number>, k: number, seed: number, stratify: boolean): FoldAssignment {
  const random = createRandom((seed ^ 0x85ebca6b) >>> 0);
  const groups = new Map<number, number[]>();
  for (const r of rows) {
    const key = stratify ? y[r] : 0;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  const foldOf = new Map<number, number>();
  let next = 0;
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const g = groups.get(key)!;
    const order = shuffledIndices(g.length, random);
    for (let i = 0; i < g.length; i++) foldOf.set(g[order[i]], next++ % k);
  }
  const sorted = Int32Array.from(rows).sort();
  return { k, rows: sorted, fold: Uint8Array.from(sorted, (r) => foldOf.get(r)!) };
}

/** The fold assignment as CSV: row_index (0-based data row of the file), fold (0-based). */
export function foldsCsv(folds: FoldAssignment): string {
  const lines = ['row_index,fold'];
  folds.rows.forEach((r, i) => lines.push(`${r},${folds.fold[i]}`));
  return lines.join('\n') + '\n';
}

/** Train / held-out rows of fold f; no validation rows (early stopping is off inside CV). */
export function foldSplit(folds: FoldAssignment, f: number) {
  const train: number[] = [];
  const test: number[] = [];
  folds.rows.forEach((r, i) => (folds.fold[i] === f ? test : train).push(r));
  return { train: Int32Array.from(train), val: new Int32Array(0), test: Int32Array.from(test) };
}

export async function crossValidate(
  ds: Dataset,
  config: ExperimentConfig,
  k: number,
  options: { signal?: { readonly aborted: boolean }; onFold?: (p: CvProgress) => void; runFold?: FoldRunner } = {},
): Promise<{ ok: true; value: CvResult; folds: FoldAssignment } | { ok: false; error: ExperimentFailure }> {
  const fail = (reason: ExperimentFailure['reason'], message: string) => ({ ok: false as const, error: { reason, message } });
  if (!Number.isInteger(k) || k < MIN_FOLDS || k > MAX_FOLDS) return fail('bad-config', `Choose between ${MIN_FOLDS} and ${MAX_FOLDS} folds.`);
  const base = trainingRows(ds, config);
  if (!base.ok) return fail('bad-config', base.message);
  if (base.rows.length < 2 * k) return fail('bad-config', `The training split has ${base.rows.length} rows: too few for ${k} folds.`);
  const folds = stratifiedFolds(base.rows, base.y, k, config.seed, config.task !== 'regression');
  const evaluations: Evaluation[] = [];
  const foldSizes: CvResult['foldSizes'] = [];
  const outcomes: FoldOutcome[] = [];
  if (options.runFold) {
    // A pool runs the folds at once; it checks the cancel token itself.
    const runFold = options.runFold;
    options.onFold?.({ fold: 0, k });
    outcomes.push(...(await Promise.all(Array.from({ length: k }, (_, f) => runFold(config, foldSplit(folds, f))))));
  } else {
    for (let f = 0; f < k; f++) {
      if (options.signal?.aborted) return fail('cancelled', `Cross-validation was cancelled at fold ${f + 1} of ${k}.`);
      options.onFold?.({ fold: f, k });
      const outcome = await runFoldHere(ds, config, foldSplit(folds, f), options.signal);
      outcomes.push(outcome);
      if (!outcome.ok) break;
    }
  }
  for (let f = 0; f < outcomes.length; f++) {
    const outcome = outcomes[f];
    if (!outcome.ok) return { ok: false, error: { ...outcome.error, message: outcome.error.reason === 'cancelled' ? outcome.error.message : `Fold ${f + 1}: ${outcome.error.message}` } };
    evaluations.push(outcome.evaluation);
    foldSizes.push({ train: outcome.trainRows, heldOut: folds.fold.filter((x) => x === f).length });
  }
  const metrics = compareMetrics(evaluations).map((row) => {
    const present = row.values.filter((v): v is number => v !== null);
    const mean = present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
    const std = mean === null ? null : Math.sqrt(present.reduce((s, v) => s + (v - mean) ** 2, 0) / present.length);
    return { name: row.label, mean, std, perFold: row.values, higherIsBetter: row.higherIsBetter };
  });
  return { ok: true, value: { k, metrics, foldSizes }, folds };
}
