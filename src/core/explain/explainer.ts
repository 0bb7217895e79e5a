/**
 * Explaining a finished run: the output function in the chosen space, a cached background,
 * and local attributions with the best method for the model (linear closed form, exact
 * enumeration, or KernelSHAP).
 */
import type { Dataset } from '../frame/types';
import { linearWeights, predictAsync, type TrainedModel } from '../models';
import { transform } from '../prep/transform';
import type { FittedPipeline, TaskKind } from '../prep/types';
import { kmeansBackground, stratifiedBackground, type BackgroundSource } from './background';
import { exactShap, linearShap } from './exact';
import { kernelShap } from './kernel';
import { featureCount } from './masked';
import type { Attribution, Background, BackgroundKind, ExplainMethod, ExplainSpace, MaskedModelSpec, OutputFunction } from './types';

/** What a run must hold to be explained (Experiment has all of it). */
export interface ExplainableRun {
  pipeline: FittedPipeline;
  model: TrainedModel;
  task: TaskKind;
  classes: string[];
  /** Per file row: 0 none, 1 train, 2 val, 3 test. */
  splitOf: Uint8Array;
  y: Float32Array;
}

export interface ExplainOptions {
  space: ExplainSpace;
  method: ExplainMethod;
  /** KernelSHAP coalition budget. */
  samples: number;
  backgroundSize: number;
  backgroundKind: BackgroundKind;
  /** Multiclass: the class whose probability is explained. */
  classIndex: number;
  seed: number;
}

export const DEFAULT_EXPLAIN_OPTIONS: ExplainOptions = { space: 'probability', method: 'auto', samples: 2048, backgroundSize: 30, backgroundKind: 'kmeans', classIndex: 1, seed: 7 };

/** Up to this many features exact enumeration is the default: 2^12 coalitions stay well under a second. */
export const AUTO_EXACT_FEATURES = 12;
/** Training rows the background is summarised from. */
const BACKGROUND_CANDIDATES = 2000;

export class ExplainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExplainError';
  }
}

/** Margin (log-odds) is offered where it is the model's own linear output. */
export function marginAvailable(run: Pick<ExplainableRun, 'model' | 'task'>): boolean {
  return (run.model.spec.kind === 'logistic' && run.task === 'binary') || run.model.spec.kind === 'linear';
}

export function outputFunction(run: ExplainableRun, space: ExplainSpace, classIndex: number): OutputFunction {
  const { model, task } = run;
  if (space === 'margin') {
    const linear = marginAvailable(run) ? linearWeights(model) : null;
    if (!linear) throw new ExplainError('The log-odds view is only available for logistic and linear models.');
    const { weights, bias } = linear;
    // Float64 from the weights, not logit(sigmoid): exact in the tails where float32 probabilities round to 0 or 1.
    return (x, rows) => {
      const cols = model.inputCols;
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) {
        let s = bias[0];
        for (let c = 0; c < cols; c++) s += x[r * cols + c] * weights[c];
        out[r] = s;
      }
      return out;
    };
  }
  if (task === 'multiclass') {
    const k = model.classes;
    if (classIndex < 0 || classIndex >= k) throw new ExplainError(`There is no class ${classIndex}; the model has ${k}.`);
    return async (x, rows) => {
      const p = await predictAsync(model, x, rows);
      return Float64Array.from({ length: rows }, (_, r) => p[r * k + classIndex]);
    };
  }
  return (x, rows) => predictAsync(model, x, rows);
}

/** Per original feature: whether a background row must keep a real row's encoding. */
export function discreteFeatures(pipeline: FittedPipeline): boolean[] {
  return pipeline.features.map((s) => s.kind === 'category' || s.kind === 'boolean' || s.kind === 'text');
}

export function trainRows(run: ExplainableRun): Int32Array {
  const rows: number[] = [];
  for (let r = 0; r < run.splitOf.length; r++) if (run.splitOf[r] === 1) rows.push(r);
  return Int32Array.from(rows);
}

export function buildBackground(run: ExplainableRun, ds: Dataset, kind: BackgroundKind, size: number, seed: number): Background {
  if (!Number.isInteger(size) || size < 1) throw new ExplainError('The background needs at least one row.');
  let rows = trainRows(run);
  if (rows.length > BACKGROUND_CANDIDATES) {
    // An even stride keeps the choice deterministic and spread over the file.
    const step = rows.length / BACKGROUND_CANDIDATES;
    rows = Int32Array.from({ length: BACKGROUND_CANDIDATES }, (_, i) => rows[Math.floor(i * step)]);
  }
  const design = transform(run.pipeline, ds.columns, rows);
  const src: BackgroundSource = {
    matrix: design.matrix,
    rows: design.rows,
    cols: design.cols,
    groups: run.pipeline.groups,
    discrete: discreteFeatures(run.pipeline),
    y: Float32Array.from(rows, (r) => run.y[r]),
  };
  return kind === 'kmeans' ? kmeansBackground(src, size, seed) : stratifiedBackground(src, size, seed, run.task === 'regression');
}

/** Explain one encoded row (model-matrix space). */
export async function explainEncoded(run: ExplainableRun, background: Background, x: Float32Array, options: ExplainOptions): Promise<Attribution> {
  const groups = run.pipeline.groups;
  const features = Math.max(featureCount(groups), run.pipeline.features.length);
  if (options.space === 'margin' && !marginAvailable(run)) throw new ExplainError('The log-odds view is only available for logistic and linear models.');
  let method = options.method;
  if (method === 'auto') method = options.space === 'margin' ? 'linear' : features <= AUTO_EXACT_FEATURES ? 'exact' : 'kernel';
  if (method === 'linear') {
    if (options.space !== 'margin') throw new ExplainError('Linear SHAP explains the log-odds (margin) of a linear model; pick the log-odds view.');
    const linear = linearWeights(run.model);
    if (!linear) throw new ExplainError('Linear SHAP needs a logistic or linear model.');
    return linearShap(linear.weights, linear.bias[0], groups, features, background, x);
  }
  const spec: MaskedModelSpec = { f: outputFunction(run, options.space, options.classIndex), groups, features, background };
  if (method === 'exact') return exactShap(spec, x);
  if (!Number.isInteger(options.samples) || options.samples < 1) throw new ExplainError('KernelSHAP needs a positive number of coalition samples.');
  return kernelShap(spec, x, { samples: options.samples, seed: options.seed });
}
