/** Training runs: task setup, training, threshold metrics, exports (as Blobs) and error analysis. */
import type { ExperimentConfig, ExperimentFailure } from '../../core/experiment/run';
import type { TaskSetup } from '../../core/experiment/setup';
import type { ConfidentError, SliceTable } from '../../core/experiment/errorAnalysis';
import type { Evaluation } from '../../core/experiment/evaluation';
import type { Experiment } from '../../core/experiment/run';
import type { BinaryMetrics } from '../../core/metrics';
import type { ModelKind, ModelKindInfo, ModelSpec, ProgressKind, SettingField, SettingValue, TrainingStep } from '../../core/models';
import type { TaskKind } from '../../core/prep';
import type { Outcome } from '../outcome';

export type { ExperimentConfig, ExperimentFailure, TaskSetup, ConfidentError, SliceTable, BinaryMetrics, TrainingStep, ModelKind, ModelKindInfo, ModelSpec, ProgressKind, SettingField, SettingValue, TaskKind };

import type { DatasetLineage } from '../../core/frame/types';

export interface RunSummary {
  id: string;
  /** "Run 3 · mlp", as listed. */
  label: string;
  datasetId: string;
  datasetName: string;
  /** The dataset's version the run was trained on (a re-read or type change makes a new one). */
  datasetVersion: number;
  /** Set when the run was trained on a cleaned version: its source file and the recipe. */
  datasetLineage?: DatasetLineage;
  config: ExperimentConfig;
  classes: string[];
  backend: string;
  createdAt: string;
  /** How training advanced (epochs, rounds): the progress bar and curves say which. */
  progress: ProgressKind;
  history: TrainingStep[];
  stoppedEarly: boolean;
  bestStep: number;
  /** What the fitted model offers beyond scores: its own margin (log-odds view), exact explainer, trees to draw. */
  capabilities: { margin: boolean; exactExplainer: 'linear' | 'tree' | null; trees: TreeSummary | null };
  evaluation: Evaluation;
  timings: Experiment['timings'];
  /** Helper threads the fit used besides the engine worker (boosted trees' histograms); 0 = none. */
  helperThreads: number;
  trainRows: number;
  /** How this model came to be: trained from scratch, or updated online from another run (a stream). */
  origin?: 'train' | 'update';
  /** The run this one was updated from (model versions form a tree through this). */
  parentRunId?: string;
  /** An update's origin in words: "stream over data.csv, windows 1-12". */
  updateNote?: string;
}

export interface TrainProgress {
  jobId: string;
  /** New steps (epochs, rounds) since the last message (batched deltas, a few messages a second at most). */
  steps: TrainingStep[];
  totalSteps: number;
}

/** A model download, built in the worker: the pipeline JSON first, then the files the model's kind saves (docs/formats.md). */
export type ModelFiles = { name: string; blob: Blob }[];

/** A tree model's size, for the Trees panel. */
export interface TreeSummary {
  trees: number;
  /** Output groups: 1, or k classes (one tree per class per round). */
  groups: number;
  meanLeaves: number;
  maxDepth: number;
}

/** One tree, drawn by the Trees panel: nodes in id order, feature names from the pipeline. */
export interface TreeView {
  index: number;
  /** The class a multiclass tree scores, or null. */
  group: string | null;
  nodes: TreeNodeView[];
}

export interface TreeNodeView {
  id: number;
  depth: number;
  /** null at a leaf. */
  split: { feature: string; rule: string; missing: 'left' | 'right'; gain: number } | null;
  left: number;
  right: number;
  cover: number;
  /** A leaf's contribution to the margin (learning rate applied); the node's weight elsewhere. */
  value: number;
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
  /** Every registered model kind: label, tasks, settings schema and presets (the Train form and search panel draw from it). */
  modelKinds(): Promise<ModelKindInfo[]>;
  defaultModel(kind: ModelKind, task: TaskKind): Promise<ModelSpec>;
  /** A model spec (from a share link or the form) as its kind accepts it, or why not. */
  checkModel(spec: ModelSpec, task: TaskKind): Promise<Outcome<ModelSpec, 'bad-config'>>;
  /** Train and evaluate; progress carries batched epoch reports. Cancel with the job id (session.cancel). */
  train(datasetId: string, config: ExperimentConfig, jobId: string, onProgress: (p: TrainProgress) => void): Promise<Outcome<RunSummary, Gone | ExperimentFailure['reason']>>;
  /** Exact test-split metrics at another threshold (score >= threshold is positive). */
  metricsAt(runId: string, threshold: number): Promise<Outcome<BinaryMetrics, Gone | 'not-binary'>>;
  /** Binary: metrics and confusion at `threshold` (the one on screen); the run's own when null or left out. */
  exportReport(runId: string, threshold?: number | null): Promise<Outcome<Blob, Gone>>;
  /** The report a person reads: self-contained HTML (data, settings, metrics, SVG charts), printable to PDF; same numbers as exportReport. */
  exportHtmlReport(runId: string, threshold?: number | null): Promise<Outcome<Blob, Gone>>;
  /** Binary: y_pred at `threshold`, written in the file's threshold column; the run's own when null or left out. */
  exportPredictions(runId: string, threshold?: number | null): Promise<Outcome<Blob, Gone>>;
  exportModel(runId: string): Promise<Outcome<ModelFiles, Gone>>;
  /** The encoded model matrix of every row, with split and target (CSV), for scoring the model elsewhere. */
  exportEncodedRows(runId: string): Promise<Outcome<Blob, Gone>>;
  removeRun(runId: string): Promise<Outcome<{ runId: string; freedBytes: number }, Gone>>;
  /** Re-score a run's test rows on the active backend; the largest difference from training's scores. */
  backendAgreement(runId: string): Promise<Outcome<BackendAgreement, Gone>>;
  /** Error analysis: test-split metrics per value (or quantile bin) of a column. */
  sliceMetrics(runId: string, column: string, threshold?: number): Promise<Outcome<SliceTable, Gone | 'bad-column'>>;
  /** Error analysis: the test rows predicted wrong with the most confidence, with their original cells. */
  confidentErrors(runId: string, limit: number, threshold?: number): Promise<Outcome<{ columns: string[]; errors: ConfidentError[] }, Gone>>;
  /** One tree of a tree model (0-based index), for drawing. */
  tree(runId: string, index: number): Promise<Outcome<TreeView, Gone | 'no-trees'>>;
}
