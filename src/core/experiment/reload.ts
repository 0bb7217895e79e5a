/**
 * A downloaded model back in the studio: the pipeline JSON file (format loupe-pipeline/1) and
 * the model's own files (whatever its kind saves), applied to a new file exactly as at training
 * time (same fitted pipeline, same model), so a row scores the same as in the original run.
 */
import type { Dataset } from '../frame/types';
import { loadFittedModel, type FittedModel, type ModelFile } from '../models';
import { PipelineError, transform, type FittedPipeline, type TaskKind } from '../prep';
import { csvField } from './exports';
import type { Experiment } from './run';

export const PIPELINE_FORMAT = 'loupe-pipeline/1';

export interface PipelineFile {
  format: typeof PIPELINE_FORMAT;
  target: string;
  task: TaskKind;
  classes: string[];
  positiveClass: string | null;
  pipeline: FittedPipeline;
  /** Binary: the run's decision threshold (score >= threshold predicts the positive class). */
  threshold?: number;
  /** Which kind reads the other files, in which format, and their names. Absent in files from before the registry: tfjs networks. */
  model?: { kind: string; format: string; files: string[] };
}

/** The tfjs network files every pipeline file without a `model` entry came with. */
const NETWORK_BEFORE_REGISTRY = 'tfjs-layers-model';

/** Every file of a model download, the pipeline JSON first (named after the dataset and run). */
export async function modelDownload(run: Experiment, pipelineName: string): Promise<ModelFile[]> {
  const saved = await run.model.save();
  const pipeline: PipelineFile = { ...pipelineFile(run), model: { kind: saved.kind, format: saved.format, files: saved.files.map((f) => f.name) } };
  return [{ name: pipelineName, data: JSON.stringify(pipeline, null, 2) }, ...saved.files];
}

/** The kind a network model.json names in its Loupe metadata (files saved before the registry). */
function kindInModelJson(files: ModelFile[]): string | null {
  for (const f of files) {
    if (typeof f.data !== 'string' || !f.data.includes('"modelTopology"')) continue;
    try {
      const kind = (JSON.parse(f.data) as { userDefinedMetadata?: { loupe?: { spec?: { kind?: unknown } } } }).userDefinedMetadata?.loupe?.spec?.kind;
      if (typeof kind === 'string') return kind;
    } catch {
      return null;
    }
  }
  return null;
}

/** XGBoost's JSON, as `save_model('m.json')` writes it: recognised by its learner and booster. */
const XGBOOST_FORMAT = 'xgboost-json-1.7';
const looksLikeXgboost = (f: ModelFile) => typeof f.data === 'string' && f.data.includes('"learner"') && f.data.includes('"gradient_booster"');

/**
 * An XGBoost model trained elsewhere, with no Loupe pipeline: each model column is the file column
 * of the same name (XGBoost's feature_names; f0, f1, … when it saved none), read as a number
 * (categorical columns as their codes), missing values left missing, as XGBoost reads a DMatrix.
 */
async function foreignModel(files: ModelFile[]): Promise<{ ok: true; value: { pipeline: PipelineFile; model: FittedModel } } | { ok: false; message: string } | null> {
  const file = files.find(looksLikeXgboost);
  if (!file) return null;
  let model: FittedModel;
  try {
    model = await loadFittedModel('gbdt', XGBOOST_FORMAT, [file]);
  } catch (error) {
    return { ok: false, message: `The XGBoost model could not be read: ${(error as Error).message}` };
  }
  const names = model.trees?.featureNames ?? Array.from({ length: model.inputCols }, (_, i) => `f${i}`);
  const features = names.map((column) => ({ kind: 'number' as const, column, median: 0, mean: 0, std: 1, missingIndicator: false, native: true as const }));
  const classes = model.task === 'binary' ? ['0', '1'] : model.task === 'multiclass' ? Array.from({ length: model.classes }, (_, i) => String(i)) : [];
  const pipeline: PipelineFile = {
    format: PIPELINE_FORMAT,
    target: '(the XGBoost model’s target)',
    task: model.task,
    classes,
    positiveClass: model.task === 'binary' ? '1' : null,
    pipeline: { version: 1, features, outputNames: names, groups: names.map((_, i) => i) },
    threshold: 0.5,
    model: { kind: 'gbdt', format: XGBOOST_FORMAT, files: [file.name] },
  };
  return { ok: true, value: { pipeline, model } };
}

/** A downloaded model's files (any order) back into a pipeline and a fitted model, or why not. */
export async function readModelDownload(files: ModelFile[]): Promise<{ ok: true; value: { pipeline: PipelineFile; model: FittedModel } } | { ok: false; message: string }> {
  const pipelineIndex = files.findIndex((f) => typeof f.data === 'string' && f.data.includes('"loupe-pipeline/'));
  if (pipelineIndex < 0) {
    const foreign = await foreignModel(files);
    if (foreign) return foreign;
    return { ok: false, message: 'None of the files is a Loupe pipeline file (…-pipeline.json) or an XGBoost JSON model: choose all the files of one model download together.' };
  }
  const parsed = parsePipelineFile(files[pipelineIndex].data as string);
  if (!parsed.ok) return parsed;
  const rest = files.filter((_, i) => i !== pipelineIndex);
  const kind = parsed.value.model?.kind ?? kindInModelJson(rest);
  if (!kind) return { ok: false, message: 'The pipeline file does not say which model it belongs to, and no model file was chosen with it.' };
  let model: FittedModel;
  try {
    model = await loadFittedModel(kind, parsed.value.model?.format ?? NETWORK_BEFORE_REGISTRY, rest);
  } catch (error) {
    return { ok: false, message: `The model files could not be read: ${(error as Error).message}` };
  }
  if (model.task !== parsed.value.task) {
    model.dispose();
    return { ok: false, message: `The model predicts a ${model.task} target but the pipeline file is for ${parsed.value.task}: the files do not belong together.` };
  }
  return { ok: true, value: { pipeline: parsed.value, model } };
}

export function pipelineFile(run: Experiment): PipelineFile {
  const { target, task, positiveClass, threshold } = run.config;
  return { format: PIPELINE_FORMAT, target, task, classes: run.classes, positiveClass, pipeline: run.pipeline, threshold };
}

export function parsePipelineFile(text: string): { ok: true; value: PipelineFile } | { ok: false; message: string } {
  let json: Partial<PipelineFile>;
  try {
    json = JSON.parse(text) as Partial<PipelineFile>;
  } catch {
    return { ok: false, message: 'The pipeline file is not valid JSON.' };
  }
  if (json.format !== PIPELINE_FORMAT) return { ok: false, message: `This is not a Loupe pipeline file (expected format "${PIPELINE_FORMAT}").` };
  if (!json.pipeline || !Array.isArray(json.pipeline.features) || !json.task || !Array.isArray(json.classes)) return { ok: false, message: 'The pipeline file is missing its pipeline, task or classes.' };
  return { ok: true, value: json as PipelineFile };
}

export interface ScoredFile {
  /** CSV: row_index,y_pred,score (binary) | row_index,y_pred,p_<class>... | row_index,y_pred. */
  csv: string;
  rows: number;
  /** Raw model outputs per row (P(positive), k probabilities, or the prediction). */
  scores: Float64Array;
}

export async function scoreWithSaved(model: FittedModel, saved: PipelineFile, ds: Dataset): Promise<{ ok: true; value: ScoredFile } | { ok: false; message: string }> {
  let design;
  try {
    design = transform(saved.pipeline, ds.columns, null);
  } catch (error) {
    if (error instanceof PipelineError) return { ok: false, message: `${ds.name} cannot be scored with this model: ${error.message}` };
    throw error;
  }
  if (design.cols !== model.inputCols) return { ok: false, message: `The pipeline makes ${design.cols} features but the model expects ${model.inputCols}: the files do not belong together.` };
  const scores = await model.predict(design.matrix, design.rows);
  const k = saved.classes.length;
  const threshold = saved.threshold ?? 0.5;
  const header = saved.task === 'binary' ? ['row_index', 'y_pred', 'score'] : saved.task === 'multiclass' ? ['row_index', 'y_pred', ...saved.classes.map((c) => `p_${c}`)] : ['row_index', 'y_pred'];
  const lines = [header.map(csvField).join(',')];
  for (let r = 0; r < design.rows; r++) {
    if (saved.task === 'binary') lines.push(`${r},${csvField(saved.classes[scores[r] >= threshold ? 1 : 0])},${scores[r]}`);
    else if (saved.task === 'multiclass') {
      const p = scores.subarray(r * k, (r + 1) * k);
      let best = 0;
      for (let c = 1; c < k; c++) if (p[c] > p[best]) best = c;
      lines.push(`${r},${csvField(saved.classes[best])},${Array.from(p).join(',')}`);
    } else lines.push(`${r},${scores[r]}`);
  }
  return { ok: true, value: { csv: lines.join('\n') + '\n', rows: design.rows, scores } };
}
