/**
 * What a model kind is to the rest of Loupe. Every kind (logistic, linear, MLP, and whatever comes
 * next) registers one ModelKindDefinition in registry.ts; training, evaluation, explanation, search,
 * export and reload only ever talk to these types, never to a kind's internals (tfjs stays inside
 * the network kinds).
 */
import type { PipelineSpec, TaskKind } from '../prep/types';
import type { SettingField, SettingValue } from './settings';
import type { Tree } from './gbdt/forest';
import type { HistogramHelpers } from './gbdt/parallel';

export type { TaskKind };

/**
 * A kind's settings, as plain data: `kind` names the registered kind, every other field is one of
 * its settings (settings.ts). Plain data so it crosses the worker boundary and a share link.
 */
export type ModelSpec = { readonly kind: string } & { readonly [setting: string]: SettingValue };

export type ModelKind = string;

/** How a kind's training advances: epochs (networks) or boosting rounds. The UI and curves say which. */
export type ProgressKind = 'epochs' | 'rounds';

export type MetricName = 'auc' | 'accuracy' | 'rmse';

/** One step of training (an epoch, a boosting round): what the live curve and the report show. */
export interface TrainingStep {
  /** 1-based. */
  step: number;
  /** Mean training loss of the step, without any penalty, so it compares with valLoss. */
  trainLoss: number;
  /** Mean validation loss without penalty; NaN without validation rows. */
  valLoss: number;
  /** AUC (binary), accuracy (multiclass) or RMSE in target units (regression) on the validation rows. */
  valMetric: number;
  metricName: MetricName;
  /** Milliseconds since training began. */
  elapsedMs: number;
  /** Training samples per second during this step. */
  samplesPerSecond: number;
}

/** Row-major design matrix and target: 0/1 (binary), class index (multiclass) or value. */
export interface TrainingData {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  cols: number;
  /** Optional per-sample loss weights (class weights), one per row; training split only. */
  weights?: Float32Array;
}

/** What fit gets: the encoded splits and the task. */
export interface FitData {
  task: TaskKind;
  /** k classes; 2 for binary, 1 for regression. */
  classes: number;
  train: TrainingData;
  /** Validation rows (may be empty): early stopping and the live validation curve. */
  val: TrainingData;
  seed: number;
  /** What the pipeline says of the matrix columns: their names and which hold category codes. */
  columns?: { names: string[]; categorical: boolean[] };
}

export interface FitControl {
  signal?: { readonly aborted: boolean };
  /** Called after every step, in order. */
  onStep?: (step: TrainingStep) => void;
  /** Other threads a kind may use for its heaviest loop (boosted trees: histograms); absent = this thread only. */
  helpers?: { histograms?: HistogramHelpers | null };
}

export type FitFailure = { ok: false; reason: 'cancelled' | 'nan-loss' | 'diverged' | 'bad-config'; message: string };

export type FitOutcome =
  | { ok: true; model: FittedModel; history: TrainingStep[]; stoppedEarly: boolean; bestStep: number }
  | FitFailure;

/** How far an online update goes (FittedModel.partialFit). */
export interface PartialFitControl {
  seed: number;
  signal?: { readonly aborted: boolean };
  /** Networks: passes over the new rows (default 1). */
  epochs?: number;
  /** Networks: the step size (default the spec's learning rate). */
  learningRate?: number;
  /** Networks: rows per step (default the spec's batch size, at most 32: a window is small, and steps are what move the weights). */
  batchSize?: number;
  /** Networks: 'adam' (default; fresh moments each update) or plain 'sgd'. */
  optimizer?: 'adam' | 'sgd';
  /** Trees: boosting rounds to add (default 10). */
  rounds?: number;
}

/** An update: a new model (the one updated is left as it was) and its mean loss on the new rows before and after. */
export type PartialFitOutcome = { ok: true; model: FittedModel; lossBefore: number; lossAfter: number } | FitFailure;

/** One file of a saved model. Text files are strings, binary ones ArrayBuffers. */
export interface ModelFile {
  name: string;
  data: string | ArrayBuffer;
}

/** A saved model: its files and the format they are in (docs/formats.md). */
export interface SavedModel {
  kind: string;
  /** e.g. "tfjs-layers-model"; written into the pipeline file so a reload knows what it reads. */
  format: string;
  files: ModelFile[];
}

/** Local attributions of one encoded row, per original feature (groups: matrix column -> feature). */
export interface ExactAttribution {
  base: number;
  output: number;
  values: Float64Array;
}

/**
 * A kind's own exact attributions, faster than enumerating coalitions: linear SHAP today, tree SHAP
 * next. It explains the margin (log-odds or target units), with an interventional background
 * (the rows and weights given) where the method uses one.
 */
export interface ExactExplainer {
  method: 'linear' | 'tree';
  /**
   * interventional: v(S) averages the model over the background (linear SHAP; equal to exact
   * enumeration with the same background). path-dependent: v(S) follows the training rows' cover
   * down each tree (TreeSHAP); the background is not used.
   */
  values: 'interventional' | 'path-dependent';
  explain(x: Float32Array, groups: number[], features: number, background: { matrix: Float32Array; rows: number; cols: number; weights: Float64Array }): ExactAttribution;
}

/** A trained model, whatever its kind. */
export interface FittedModel {
  readonly kind: string;
  readonly spec: ModelSpec;
  readonly task: TaskKind;
  /** k classes; 2 for binary, 1 for regression. */
  readonly classes: number;
  readonly inputCols: number;
  /** binary: P(positive), n values; multiclass: n x k probabilities, row-major; regression: predictions. */
  predict(x: Float32Array, rows: number): Promise<Float64Array>;
  /**
   * The model's own additive output, in float64: log-odds (binary) or the prediction (regression).
   * Absent where the kind has no such output; the Explain view then offers probabilities only.
   */
  margin?(x: Float32Array, rows: number): Float64Array;
  exactExplainer?: ExactExplainer;
  /** Tree models: their trees (XGBoost's layout, gbdt/forest.ts) and the output group each scores. */
  trees?: { list: Tree[]; group: Int32Array; groups: number; featureNames: string[] };
  save(): Promise<SavedModel>;
  /**
   * Online update on new rows, encoded by the run's pipeline as it was fitted: the pipeline's
   * statistics stay frozen so the weights keep their meaning (network/partialFit.ts, gbdt/boost.ts).
   * Returns a new model; this one is unchanged, so a stream can compare the two. Absent where the
   * kind cannot learn incrementally.
   */
  partialFit?(data: TrainingData, control: PartialFitControl): Promise<PartialFitOutcome>;
  /** Bytes the model holds (weights on the backend, trees in typed arrays), for the resource list. */
  bytes(): number;
  /** Frees what the model holds (tensors); it cannot be used afterwards. */
  dispose(): void;
}

/**
 * One model kind. `S` is the kind's own spec type; the registry stores it as ModelSpec and only
 * calls fit with a spec that `parse` accepted.
 */
export interface ModelKindDefinition<S extends ModelSpec = ModelSpec> {
  kind: S['kind'];
  /** As the Train form lists it: "logistic regression". */
  label: string;
  tasks: TaskKind[];
  progress: ProgressKind;
  /** The settings the form and the search panel show, in order, with their ranges. */
  settings: SettingField[];
  defaults(task: TaskKind): S;
  /** How many steps a spec trains for at most (the progress bar's end). */
  maxSteps(spec: S): number;
  /** Settings that fit in well under a second on a few hundred rows: the conformance suite's. */
  quickSettings: Partial<S>;
  /** How the kind wants features encoded (trees: unscaled, NaN kept); absent = scaled and imputed. */
  encoding?(spec: S): PipelineSpec['native'];
  /** Helper threads its fit can use (FitControl.helpers); the engine starts them only for such kinds. */
  threads?: 'histograms';
  /** Named sets of settings the form offers (e.g. XGBoost's or scikit-learn's defaults). */
  presets?: { name: string; settings: Partial<S> }[];
  /** Checks beyond each setting's own range (settings.ts checks those); a message or null. */
  check?(spec: S, task: TaskKind): string | null;
  fit(data: FitData, spec: S, control: FitControl): Promise<FitOutcome>;
  /** Reads back what `save` wrote; throws with a message the user can act on. */
  load(files: ModelFile[], format: string): Promise<FittedModel>;
}

/** What the UI knows of a kind: plain data, sent from the engine. */
export interface ModelKindInfo {
  kind: string;
  label: string;
  tasks: TaskKind[];
  progress: ProgressKind;
  settings: SettingField[];
  presets: { name: string; settings: Record<string, SettingValue> }[];
}
