/**
 * One training run, end to end, exactly as the studio, the bench CLI and the tests do it:
 * encode target -> seeded stratified split -> pipeline fitted on train only -> fit the chosen kind
 * -> score every row -> evaluate the test split.
 */
import type { Dataset } from '../frame/types';
import { fitModel, modelKind, type FitControl, type FittedModel, type ModelSpec, type ProgressKind, type TrainingData, type TrainingStep } from '../models';
import { categoricalOutputs } from '../prep/outputNames';
import { augmentActive, augmentedColumns, augmentProblem, encodeTarget, fitPipeline, stratifiedSplit, transform, PipelineError, type AugmentSpec, type FittedPipeline, type ImbalanceSpec, type Split, type SplitFractions, type TaskKind } from '../prep';
import type { ThresholdTable } from '../metrics';
import { balanceTraining } from './imbalance';
import { createRandom } from '../random';
import { evaluateBinary, evaluateMulticlass, evaluateRegression, type Evaluation } from './evaluation';

/** Everything needed to reproduce a run on the same file (no data): shareable. */
export interface ExperimentConfig {
  target: string;
  task: TaskKind;
  /** Binary only: the label whose probability every score is. */
  positiveClass: string | null;
  features: string[];
  model: ModelSpec;
  seed: number;
  split: SplitFractions;
  /** Binary: the decision threshold the report's metrics use (score >= threshold). */
  threshold: number;
  /** Class weights or resampling of the training split (classification); absent = none. */
  imbalance?: ImbalanceSpec;
  /** A perturbed copy of each training row (numeric noise, word deletion/swap); absent = none. */
  augment?: AugmentSpec;
}

export const DEFAULT_SPLIT: SplitFractions = { train: 0.7, val: 0.15, test: 0.15 };

/** Which split each file row fell in; 'none' for rows whose target is missing. */
export type SplitName = 'train' | 'val' | 'test' | 'none';
export const SPLIT_NAMES: SplitName[] = ['none', 'train', 'val', 'test'];

export interface Timings {
  prepareMs: number;
  trainMs: number;
  evaluateMs: number;
}

export interface Experiment {
  config: ExperimentConfig;
  classes: string[];
  pipeline: FittedPipeline;
  model: FittedModel;
  /** Per file row: index into SPLIT_NAMES. */
  splitOf: Uint8Array;
  /** Per file row: the encoded target (NaN when missing). */
  y: Float32Array;
  /** Per file row: P(positive) (binary), k probabilities (multiclass), or the prediction. */
  scores: Float64Array;
  /** How training advanced (epochs, rounds), and each step's losses. */
  progress: ProgressKind;
  history: TrainingStep[];
  stoppedEarly: boolean;
  /** The step whose model was kept (1-based; the last without early stopping). */
  bestStep: number;
  evaluation: Evaluation;
  /** Binary: confusion counts at any threshold, for the slider. */
  thresholdTable: ThresholdTable | null;
  timings: Timings;
  /** Rows the model trained on, after any resampling (SMOTE's synthetic rows included). */
  trainRows: number;
  /** Synthetic rows SMOTE added to the training split (0 otherwise). */
  syntheticRows: number;
}

export type ExperimentFailure = { reason: 'cancelled' | 'nan-loss' | 'diverged' | 'bad-config'; message: string };

export interface RunOptions {
  signal?: { readonly aborted: boolean };
  onStep?: (step: TrainingStep) => void;
  /** Threads the model kind may use (FitControl.helpers). */
  helpers?: FitControl['helpers'];
  /** Rows for train / validation / test instead of the seeded split (cross-validation folds). */
  split?: Split;
}

function pick(y: Float32Array, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = y[rows[i]];
  return out;
}

/** Augmentation draws from its own stream, so turning it on does not move the split or the resampling. */
const AUGMENT_STREAM = 0x27d4eb2f;

/** Training data plus one perturbed copy of each real training row (weights follow their source row). */
function withAugmentedCopies(train: TrainingData, rows: Int32Array, y: Float32Array, ds: Dataset, pipeline: FittedPipeline, spec: AugmentSpec, seed: number): TrainingData {
  const copies = transform(pipeline, augmentedColumns(ds.columns, rows, pipeline, spec, createRandom((seed ^ AUGMENT_STREAM) >>> 0)), null);
  const x = new Float32Array(train.x.length + copies.matrix.length);
  x.set(train.x);
  x.set(copies.matrix, train.x.length);
  const yy = new Float32Array(train.rows + copies.rows);
  yy.set(train.y);
  yy.set(Float32Array.from(rows, (r) => y[r]), train.rows);
  let weights: Float32Array | undefined;
  if (train.weights) {
    weights = new Float32Array(train.rows + copies.rows);
    weights.set(train.weights);
    weights.set(train.weights.subarray(0, copies.rows), train.rows);
  }
  return { x, y: yy, rows: train.rows + copies.rows, cols: train.cols, ...(weights ? { weights } : {}) };
}

export async function runExperiment(ds: Dataset, config: ExperimentConfig, options: RunOptions = {}): Promise<{ ok: true; value: Experiment } | { ok: false; error: ExperimentFailure }> {
  const fail = (reason: ExperimentFailure['reason'], message: string) => ({ ok: false as const, error: { reason, message } });
  const t0 = performance.now();
  if (config.features.length === 0) return fail('bad-config', 'No features are selected: pick at least one column to learn from.');
  const target = encodeTarget(ds, { column: config.target, task: config.task, positiveClass: config.positiveClass ?? undefined });
  if (!target.ok) return fail('bad-config', target.error.message);
  const { y, classes, rowsWithTarget } = target.value;
  if (config.task !== 'regression' && classes.length < 2) return fail('bad-config', `"${config.target}" has only one class in the data; a classifier needs at least two.`);

  const split = options.split ?? stratifiedSplit(y, rowsWithTarget, config.split, config.seed, true);
  if (split.train.length < 2 || split.test.length < 1) return fail('bad-config', `Too few labelled rows (${rowsWithTarget.length}) to split into train, validation and test.`);

  let pipeline: FittedPipeline;
  try {
    // Trees read values unscaled, with missing kept; the networks need them scaled and imputed.
    const native = modelKind(config.model.kind)?.encoding?.(config.model);
    pipeline = fitPipeline(ds, { features: config.features, ...(native ? { native } : {}) }, split.train);
  } catch (error) {
    if (error instanceof PipelineError) return fail('bad-config', error.message);
    throw error;
  }
  const design = transform(pipeline, ds.columns, null);
  const rowsOf = (rows: Int32Array) => {
    const x = new Float32Array(rows.length * design.cols);
    for (let i = 0; i < rows.length; i++) x.set(design.matrix.subarray(rows[i] * design.cols, (rows[i] + 1) * design.cols), i * design.cols);
    return { x, y: pick(y, rows), rows: rows.length, cols: design.cols };
  };
  const k = config.task === 'regression' ? 1 : classes.length;
  const balanced = balanceTraining(config.imbalance, config.task, k, split.train, y, config.seed, rowsOf);
  if (!balanced.ok) return fail('bad-config', balanced.message);
  let train = balanced.value.data;
  if (augmentActive(config.augment)) {
    const problem = augmentProblem(config.augment);
    if (problem) return fail('bad-config', problem);
    train = withAugmentedCopies(train, balanced.value.rows, y, ds, pipeline, config.augment, config.seed);
  }
  const val = rowsOf(split.val);
  const t1 = performance.now();

  const columns = { names: pipeline.outputNames, categorical: categoricalOutputs(pipeline) };
  const trained = await fitModel(config.model, { task: config.task, classes: k, train, val, seed: config.seed, columns }, { signal: options.signal, onStep: options.onStep, helpers: options.helpers });
  if (!trained.ok) return fail(trained.reason, trained.message);
  const t2 = performance.now();

  const scores = await trained.model.predict(design.matrix, design.rows);
  const splitOf = new Uint8Array(ds.rowCount);
  split.train.forEach((r) => (splitOf[r] = 1));
  split.val.forEach((r) => (splitOf[r] = 2));
  split.test.forEach((r) => (splitOf[r] = 3));

  const test = split.test;
  let evaluation: Evaluation;
  let thresholdTable: ThresholdTable | null = null;
  if (config.task === 'binary') {
    const yt = Float64Array.from(test, (r) => y[r]);
    const st = Float64Array.from(test, (r) => scores[r]);
    const result = evaluateBinary(yt, st, config.threshold);
    evaluation = result.evaluation;
    thresholdTable = result.table;
  } else if (config.task === 'multiclass') {
    const yt = Int32Array.from(test, (r) => y[r]);
    const probs = new Float64Array(test.length * k);
    test.forEach((r, i) => probs.set(scores.subarray(r * k, (r + 1) * k), i * k));
    evaluation = evaluateMulticlass(yt, probs, classes);
  } else {
    evaluation = evaluateRegression(Float64Array.from(test, (r) => y[r]), Float64Array.from(test, (r) => scores[r]));
  }
  const t3 = performance.now();

  return {
    ok: true,
    value: {
      config,
      classes,
      pipeline,
      model: trained.model,
      splitOf,
      y,
      scores,
      progress: modelKind(trained.model.kind)!.progress,
      history: trained.history,
      stoppedEarly: trained.stoppedEarly,
      bestStep: trained.bestStep,
      evaluation,
      thresholdTable,
      timings: { prepareMs: t1 - t0, trainMs: t2 - t1, evaluateMs: t3 - t2 },
      trainRows: train.rows,
      syntheticRows: balanced.value.synthetic,
    },
  };
}
