/**
 * Training runs, owned by the engine: each keeps its model, pipeline and per-row scores in the
 * worker; the UI gets a RunSummary (config, history, metrics, thinned curves).
 */
import { activeBackend } from '../core/compute/backends';
import { runExperiment, type Experiment, type ExperimentConfig, type ExperimentFailure } from '../core/experiment/run';
import { predictionsCsv, runReport } from '../core/experiment/exports';
import { modelDownload } from '../core/experiment/reload';
import { confidentErrors, sliceMetrics, type ConfidentError, type SliceTable } from '../core/experiment/errorAnalysis';
import { setupTask, type TaskSetup } from '../core/experiment/setup';
import type { Evaluation } from '../core/experiment/evaluation';
import type { Dataset, Result } from '../core/frame/types';
import { binaryMetrics, type BinaryMetrics } from '../core/metrics';
import { maxSteps, type ModelFile, type ProgressKind, type TrainingStep } from '../core/models';
import { transform } from '../core/prep';
import type { TaskKind } from '../core/prep';

export interface RunSummary {
  id: string;
  /** "Run 3 · mlp", as listed. */
  label: string;
  datasetId: string;
  datasetName: string;
  config: ExperimentConfig;
  classes: string[];
  backend: string;
  createdAt: string;
  /** How training advanced (epochs, rounds): the progress bar and curves say which. */
  progress: ProgressKind;
  history: TrainingStep[];
  stoppedEarly: boolean;
  bestStep: number;
  /** What the fitted model offers beyond scores: its own margin (log-odds view) and exact explainer. */
  capabilities: { margin: boolean; exactExplainer: 'linear' | 'tree' | null };
  evaluation: Evaluation;
  timings: Experiment['timings'];
  trainRows: number;
}

export interface TrainProgress {
  jobId: string;
  /** New steps (epochs, rounds) since the last message (batched deltas, a few messages a second at most). */
  steps: TrainingStep[];
  totalSteps: number;
}

/** A model download: the pipeline JSON first, then the files the model's kind saves. */
export type ModelFiles = ModelFile[];

interface StoredRun {
  summary: RunSummary;
  run: Experiment;
  dataset: Dataset;
}

const PROGRESS_INTERVAL_MS = 250;

export function createRunService(datasetOf: (id: string) => Dataset | null) {
  const runs = new Map<string, StoredRun>();
  let counter = 0;

  return {
    setup(datasetId: string, target: string, override?: { task?: TaskKind; positiveClass?: string }): Result<TaskSetup, { message: string }> {
      const ds = datasetOf(datasetId);
      if (!ds) return { ok: false, error: { message: 'That dataset is no longer loaded.' } };
      return setupTask(ds, target, override);
    },

    async train(datasetId: string, config: ExperimentConfig, signal: { readonly aborted: boolean }, onProgress: (p: Omit<TrainProgress, 'jobId'>) => void): Promise<Result<RunSummary, ExperimentFailure>> {
      const ds = datasetOf(datasetId);
      if (!ds) return { ok: false, error: { reason: 'bad-config', message: 'That dataset is no longer loaded.' } };
      let pending: TrainingStep[] = [];
      let lastSent = 0;
      const totalSteps = maxSteps(config.model);
      const flush = () => {
        if (pending.length) onProgress({ steps: pending, totalSteps });
        pending = [];
        lastSent = Date.now();
      };
      const result = await runExperiment(ds, config, {
        signal,
        onStep: (step) => {
          pending.push(step);
          if (Date.now() - lastSent >= PROGRESS_INTERVAL_MS) flush();
        },
      });
      flush();
      if (!result.ok) return result;
      const run = result.value;
      counter++;
      const id = `run${counter}`;
      const summary: RunSummary = {
        id,
        label: `Run ${counter} · ${config.model.kind}${config.imbalance && config.imbalance.method !== 'none' ? ` · ${config.imbalance.method}` : ''}`,
        datasetId,
        datasetName: ds.name,
        config,
        classes: run.classes,
        backend: activeBackend(),
        createdAt: new Date().toISOString(),
        progress: run.progress,
        history: run.history,
        stoppedEarly: run.stoppedEarly,
        bestStep: run.bestStep,
        capabilities: { margin: run.model.margin !== undefined, exactExplainer: run.model.exactExplainer?.method ?? null },
        evaluation: run.evaluation,
        timings: run.timings,
        trainRows: run.trainRows,
      };
      runs.set(id, { summary, run, dataset: ds });
      return { ok: true, value: summary };
    },

    /** Metrics at another threshold: exact (float64 over the test split), not read off a thinned curve. */
    metricsAt(runId: string, threshold: number): BinaryMetrics | null {
      const stored = runs.get(runId);
      if (!stored || stored.run.config.task !== 'binary') return null;
      const { run } = stored;
      const yt: number[] = [];
      const st: number[] = [];
      for (let r = 0; r < run.splitOf.length; r++) {
        if (run.splitOf[r] === 3) {
          yt.push(run.y[r]);
          st.push(run.scores[r]);
        }
      }
      return binaryMetrics(yt, st, threshold);
    },

    report(runId: string): string | null {
      const stored = runs.get(runId);
      if (!stored) return null;
      const { summary, run } = stored;
      return JSON.stringify(runReport(run, { runId, dataset: summary.datasetName, backend: summary.backend, createdAt: summary.createdAt }), null, 2);
    },

    predictions(runId: string): string | null {
      const stored = runs.get(runId);
      return stored ? predictionsCsv(stored.run) : null;
    },

    async modelFiles(runId: string): Promise<ModelFiles | null> {
      const stored = runs.get(runId);
      if (!stored) return null;
      return modelDownload(stored.run, `loupe-${runId}-${stored.dataset.name.replace(/\.[^.]+$/, '')}-pipeline.json`);
    },

    /**
     * Re-score a run's test rows on the backend active now and compare with the scores from
     * training: the cross-backend conformance check (wasm vs webgpu) the e2e suite runs.
     */
    async agreement(runId: string): Promise<{ backend: string; rows: number; maxAbsDiff: number } | null> {
      const stored = runs.get(runId);
      if (!stored) return null;
      const { run, dataset } = stored;
      const test = Int32Array.from({ length: run.splitOf.length }, (_, r) => r).filter((r) => run.splitOf[r] === 3);
      const design = transform(run.pipeline, dataset.columns, test);
      const fresh = await run.model.predict(design.matrix, design.rows);
      const width = fresh.length / Math.max(test.length, 1);
      let maxAbsDiff = 0;
      test.forEach((r, i) => {
        for (let c = 0; c < width; c++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(fresh[i * width + c] - run.scores[r * width + c]));
      });
      return { backend: activeBackend(), rows: test.length, maxAbsDiff };
    },

    /** Test-split metrics per value (or quantile bin) of a column. */
    slices(runId: string, column: string): Result<SliceTable, { message: string }> {
      const stored = runs.get(runId);
      if (!stored) return { ok: false, error: { message: 'That run is no longer available.' } };
      const result = sliceMetrics(stored.run, stored.dataset, column);
      return result.ok ? result : { ok: false, error: { message: result.message } };
    },

    /** The test rows predicted wrong with the most confidence, with their cells (few rows, formatted). */
    confidentErrors(runId: string, limit: number): { columns: string[]; errors: ConfidentError[] } | null {
      const stored = runs.get(runId);
      return stored ? confidentErrors(stored.run, stored.dataset, Math.min(Math.max(1, Math.floor(limit)), 100)) : null;
    },

    remove(runId: string): void {
      const stored = runs.get(runId);
      if (stored) stored.run.model.dispose();
      runs.delete(runId);
    },

    get(runId: string): StoredRun | undefined {
      return runs.get(runId);
    },
  };
}

export type RunService = ReturnType<typeof createRunService>;
