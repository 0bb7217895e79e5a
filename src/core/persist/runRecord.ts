/**
 * A finished training run as a plain value to persist, and back into a working Experiment: the
 * fitted pipeline, the model's own files (its kind's save(), as a model download has them), and
 * the per-row split, target and scores, so Evaluate, Explain and error analysis work on a
 * restored run as on the original. The threshold table is rebuilt from the test scores.
 */
import type { Experiment } from '../experiment/run';
import { thresholdTable } from '../metrics';
import { loadFittedModel, type SavedModel } from '../models';
import type { FittedPipeline } from '../prep';

/** What a run summary must carry for a restore (the engine's RunSummary has all of these). */
export interface RunSummaryFields {
  config: Experiment['config'];
  classes: string[];
  progress: Experiment['progress'];
  history: Experiment['history'];
  stoppedEarly: boolean;
  bestStep: number;
  evaluation: Experiment['evaluation'];
  timings: Experiment['timings'];
  trainRows: number;
}

export interface RunRecord<S extends RunSummaryFields = RunSummaryFields> {
  format: 'loupe-run/1';
  summary: S;
  pipeline: FittedPipeline;
  model: SavedModel;
  splitOf: Uint8Array;
  y: Float32Array;
  scores: Float64Array;
  syntheticRows: number;
  /** The record of the dataset (version) the run was trained on. */
  datasetRecord: string;
}

export async function runRecord<S extends RunSummaryFields>(summary: S, run: Experiment, datasetRecord: string): Promise<RunRecord<S>> {
  return { format: 'loupe-run/1', summary, pipeline: run.pipeline, model: await run.model.save(), splitOf: run.splitOf, y: run.y, scores: run.scores, syntheticRows: run.syntheticRows, datasetRecord };
}

/** Checks the shape before anything is built from it: a record that is not a run throws. */
export function checkRunRecord(value: unknown): RunRecord {
  const r = value as Partial<RunRecord> | null;
  if (!r || r.format !== 'loupe-run/1' || !r.summary || !r.pipeline || !r.model || !(r.splitOf instanceof Uint8Array) || !(r.y instanceof Float32Array) || !(r.scores instanceof Float64Array) || typeof r.datasetRecord !== 'string')
    throw new Error('A saved run is incomplete.');
  return r as RunRecord;
}

/** The Experiment again; the model is loaded on the active backend (the caller disposes it if the restore is abandoned). */
export async function experimentFromRecord(record: RunRecord): Promise<Experiment> {
  const { summary } = record;
  const model = await loadFittedModel(record.model.kind, record.model.format, record.model.files);
  let table: Experiment['thresholdTable'] = null;
  if (summary.config.task === 'binary') {
    const yt: number[] = [];
    const st: number[] = [];
    for (let r = 0; r < record.splitOf.length; r++) if (record.splitOf[r] === 3) (yt.push(record.y[r]), st.push(record.scores[r]));
    table = thresholdTable(yt, st);
  }
  return {
    config: summary.config,
    classes: summary.classes,
    pipeline: record.pipeline,
    model,
    splitOf: record.splitOf,
    y: record.y,
    scores: record.scores,
    progress: summary.progress,
    history: summary.history,
    stoppedEarly: summary.stoppedEarly,
    bestStep: summary.bestStep,
    evaluation: summary.evaluation,
    thresholdTable: table,
    timings: summary.timings,
    trainRows: summary.trainRows,
    syntheticRows: record.syntheticRows,
  };
}
