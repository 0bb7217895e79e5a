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

/** A downloaded model's files (any order) back into a pipeline and a fitted model, or why not. */
export async function readModelDownload(files: ModelFile[]): Promise<{ ok: true; value: { pipeline: PipelineFile; model: FittedModel } } | { ok: false; message: string }> {
  const pipelineIndex = files.findIndex((f) => typeof f.data === 'string' && f.data.includes('"loupe-pipeline/'));
  if (pipelineIndex < 0) return { ok: false, message: 'None of the files is a Loupe pipeline file (…-pipeline.json): choose all the files of one model download together.' };
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
