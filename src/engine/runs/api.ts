/** Training runs: task setup, training, threshold metrics, exports (as Blobs) and error analysis. */
import type { ExperimentConfig, ExperimentFailure } from '../../core/experiment/run';
import type { TaskSetup } from '../../core/experiment/setup';
import type { ConfidentError, SliceTable } from '../../core/experiment/errorAnalysis';
import type { Evaluation } from '../../core/experiment/evaluation';
import type { Experiment } from '../../core/experiment/run';
import type { BinaryMetrics } from '../../core/metrics';
import type { EpochReport, ModelKind, ModelSpec } from '../../core/models';
import type { TaskKind } from '../../core/prep';
import type { Outcome } from '../outcome';

export type { ExperimentConfig, ExperimentFailure, TaskSetup, ConfidentError, SliceTable, BinaryMetrics, EpochReport, ModelKind, ModelSpec, TaskKind };

export interface RunSummary {
  id: string;
  /** "Run 3 · mlp", as listed. */
  label: string;
  datasetId: string;
  datasetName: string;
  /** The dataset's version the run was trained on (a re-read or type change makes a new one). */
  datasetVersion: number;
  config: ExperimentConfig;
  classes: string[];
  backend: string;
  createdAt: string;
  history: EpochReport[];
  stoppedEarly: boolean;
  bestEpoch: number;
  evaluation: Evaluation;
  timings: Experiment['timings'];
  trainRows: number;
}

export interface TrainProgress {
  jobId: string;
  /** New epochs since the last message (batched deltas, a few messages a second at most). */
  epochs: EpochReport[];
  totalEpochs: number;
}

/** The three files of a downloaded model, built in the worker (formats: docs/formats.md). */
export interface ModelFiles {
  modelJson: Blob;
  weights: Blob;
  pipelineJson: Blob;
}

export interface BackendAgreement {
  backend: string;
  rows: number;
  maxAbsDiff: number;
}

type Gone = 'not-found';

export interface RunsApi {
  /** Propose the task, positive class and features for a target column. */
  setupTask(datasetId: string, target: string, override: { task?: TaskKind; positiveClass?: string } | null): Promise<Outcome<TaskSetup, Gone | 'bad-target'>>;
  defaultModel(kind: ModelKind, task: TaskKind): Promise<ModelSpec>;
  /** Train and evaluate; progress carries batched epoch reports. Cancel with the job id (session.cancel). */
  train(datasetId: string, config: ExperimentConfig, jobId: string, onProgress: (p: TrainProgress) => void): Promise<Outcome<RunSummary, Gone | ExperimentFailure['reason']>>;
  /** Exact test-split metrics at another threshold (score >= threshold is positive). */
  metricsAt(runId: string, threshold: number): Promise<Outcome<BinaryMetrics, Gone | 'not-binary'>>;
  exportReport(runId: string): Promise<Outcome<Blob, Gone>>;
  exportPredictions(runId: string): Promise<Outcome<Blob, Gone>>;
  exportModel(runId: string): Promise<Outcome<ModelFiles, Gone>>;
  removeRun(runId: string): Promise<Outcome<{ runId: string; freedBytes: number }, Gone>>;
  /** Re-score a run's test rows on the active backend; the largest difference from training's scores. */
  backendAgreement(runId: string): Promise<Outcome<BackendAgreement, Gone>>;
  /** Error analysis: test-split metrics per value (or quantile bin) of a column. */
  sliceMetrics(runId: string, column: string): Promise<Outcome<SliceTable, Gone | 'bad-column'>>;
  /** Error analysis: the test rows predicted wrong with the most confidence, with their original cells. */
  confidentErrors(runId: string, limit: number): Promise<Outcome<{ columns: string[]; errors: ConfidentError[] }, Gone>>;
}
