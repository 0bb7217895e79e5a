/**
 * Explaining a finished run: the output function in the chosen space, a cached background,
 * and local attributions with the best method for the model (the kind's own exact explainer,
 * exact enumeration, or KernelSHAP).
 */
import type { Dataset } from '../frame/types';
import type { FittedModel } from '../models';
import { transform } from '../prep/transform';
import type { FittedPipeline, TaskKind } from '../prep/types';
import { kmeansBackground, stratifiedBackground, type BackgroundSource } from './background';
import { exactShap } from './exact';
import { kernelShap } from './kernel';
import { featureCount } from './masked';
import type { Attribution, Background, BackgroundKind, ExplainMethod, ExplainSpace, MaskedModelSpec, OutputFunction } from './types';

/** What a run must hold to be explained (Experiment has all of it). */
export interface ExplainableRun {
  pipeline: FittedPipeline;
  model: FittedModel;
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

/** Margin (log-odds) is offered where the model has its own additive output. */
export function marginAvailable(run: Pick<ExplainableRun, 'model'>): boolean {
  return run.model.margin !== undefined;
}

const NO_MARGIN = 'The log-odds view needs a model with its own additive output (logistic or linear regression).';

export function outputFunction(run: ExplainableRun, space: ExplainSpace, classIndex: number): OutputFunction {
  const { model, task } = run;
  if (space === 'margin') {
    const margin = model.margin?.bind(model);
    if (!margin) throw new ExplainError(NO_MARGIN);
    return margin;
  }
  if (task === 'multiclass') {
    const k = model.classes;
    if (classIndex < 0 || classIndex >= k) throw new ExplainError(`There is no class ${classIndex}; the model has ${k}.`);
    return async (x, rows) => {
      const p = await model.predict(x, rows);
      return Float64Array.from({ length: rows }, (_, r) => p[r * k + classIndex]);
    };
  }
  return (x, rows) => model.predict(x, rows);
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
  if (options.space === 'margin' && !marginAvailable(run)) throw new ExplainError(NO_MARGIN);
  const own = run.model.exactExplainer;
  let method = options.method;
  if (method === 'auto') method = options.space === 'margin' && own ? own.method : features <= AUTO_EXACT_FEATURES ? 'exact' : 'kernel';
  if (method === 'linear' || method === 'tree') {
    if (!own || own.method !== method) throw new ExplainError(`${method === 'linear' ? 'Linear' : 'Tree'} SHAP needs a model that has it; use exact or KernelSHAP.`);
    if (options.space !== 'margin') throw new ExplainError(`${method === 'linear' ? 'Linear' : 'Tree'} SHAP explains the model's log-odds (margin); pick the log-odds view.`);
    return { ...own.explain(x, groups, features, background), stderr: new Float64Array(features), method, evaluations: 0 };
  }
  const spec: MaskedModelSpec = { f: outputFunction(run, options.space, options.classIndex), groups, features, background };
  if (method === 'exact') return exactShap(spec, x);
  if (!Number.isInteger(options.samples) || options.samples < 1) throw new ExplainError('KernelSHAP needs a positive number of coalition samples.');
  return kernelShap(spec, x, { samples: options.samples, seed: options.seed });
}
