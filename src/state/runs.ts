/**
 * Training setup, the running job (with its live epoch buffer) and finished runs.
 * Components subscribe to slices: the live curve re-renders per progress tick, the page does not.
 */
import { create } from 'zustand';
import type { BinaryMetrics, EpochReport, ExperimentConfig, ModelKind, ModelSpec, RunSummary, TaskKind, TaskSetup } from '../engine/api';
import { saveBlob } from './download';
import { useDatasets } from './datasets';
import { engineConnection } from './engine';

export interface TrainJob {
  id: string;
  /** Bounded buffer of epoch reports for the live chart. */
  epochs: EpochReport[];
  totalEpochs: number;
  startedAt: number;
}

export interface RunsStore {
  datasetId: string | null;
  target: string | null;
  setup: TaskSetup | null;
  setupError: string | null;
  included: Record<string, boolean>;
  modelKind: ModelKind;
  model: ModelSpec | null;
  seed: number;
  /** Class weights or resampling of the training split (classification only). */
  imbalance: ImbalanceSpec;
  /** Perturbed copies of training rows; all zero = off. */
  augment: AugmentSpec;
  job: TrainJob | null;
  trainError: string | null;
  runs: RunSummary[];
  selectedRunId: string | null;
  threshold: number;
  thresholdMetrics: BinaryMetrics | null;

  chooseTarget(datasetId: string, target: string, override?: { task?: TaskKind; positiveClass?: string }): Promise<void>;
  setFeature(name: string, include: boolean): void;
  setModelKind(kind: ModelKind): Promise<void>;
  updateModel(patch: Partial<ModelSpec>): void;
  setSeed(seed: number): void;
  setImbalance(imbalance: ImbalanceSpec): void;
  setAugment(augment: AugmentSpec): void;
  /** Set the Train view up from a shared configuration (target, features, model, seed, options). */
  applyConfig(datasetId: string, config: ExperimentConfig): Promise<string | null>;
  /** The experiment the Train view describes now, or null before a target is set up. */
  currentConfig(): ExperimentConfig | null;
  train(): Promise<void>;
  cancel(): Promise<void>;
  selectRun(id: string): void;
  setThreshold(threshold: number): Promise<void>;
  exportRun(kind: 'report' | 'predictions' | 'model'): Promise<void>;
}

export type ImbalanceSpec = NonNullable<ExperimentConfig['imbalance']>;
export type AugmentSpec = NonNullable<ExperimentConfig['augment']>;

const MAX_LIVE_EPOCHS = 2000;
let jobCounter = 0;
/** Only the latest threshold request may draw: older answers are dropped. */
let thresholdRequest = 0;

export const useRuns = create<RunsStore>((set, get) => ({
  datasetId: null,
  target: null,
  setup: null,
  setupError: null,
  included: {},
  modelKind: 'logistic',
  model: null,
  seed: 42,
  imbalance: { method: 'none' },
  augment: { noise: 0, wordDelete: 0, wordSwap: 0 },
  job: null,
  trainError: null,
  runs: [],
  selectedRunId: null,
  threshold: 0.5,
  thresholdMetrics: null,

  async chooseTarget(datasetId, target, override) {
    const { engine } = engineConnection();
    const result = await engine.runs.setupTask(datasetId, target, override ?? null);
    if (!result.ok) {
      set({ datasetId, target, setup: null, setupError: result.message });
      return;
    }
    const setup = result.value;
    const keep = get().datasetId === datasetId && get().target === target ? get().included : null;
    const included = Object.fromEntries(setup.features.map((f) => [f.name, keep?.[f.name] ?? f.include]));
    const model = get().model && get().model!.kind === get().modelKind ? get().model : await engine.runs.defaultModel(get().modelKind, setup.task);
    set({ datasetId, target, setup, setupError: null, included, model });
  },

  setFeature(name, include) {
    set((s) => ({ included: { ...s.included, [name]: include } }));
  },

  async setModelKind(kind) {
    const task = get().setup?.task ?? 'binary';
    const model = await engineConnection().engine.runs.defaultModel(kind, task);
    set({ modelKind: kind, model });
  },

  updateModel(patch) {
    const model = get().model;
    if (model) set({ model: { ...model, ...patch } as ModelSpec });
  },

  setSeed(seed) {
    set({ seed });
  },

  setImbalance(imbalance) {
    set({ imbalance });
  },

  setAugment(augment) {
    set({ augment });
  },

  async applyConfig(datasetId, config) {
    await get().chooseTarget(datasetId, config.target, { task: config.task, ...(config.positiveClass ? { positiveClass: config.positiveClass } : {}) });
    const setup = get().setup;
    if (!setup) return get().setupError ?? `The shared target "${config.target}" could not be set up.`;
    const wanted = new Set(config.features);
    const missing = config.features.filter((f) => !setup.features.some((s) => s.name === f));
    set({
      included: Object.fromEntries(setup.features.map((f) => [f.name, wanted.has(f.name)])),
      modelKind: config.model.kind === 'mlp' ? 'mlp' : 'logistic',
      model: config.model,
      seed: config.seed,
      imbalance: config.imbalance ?? { method: 'none' },
      augment: config.augment ?? { noise: 0, wordDelete: 0, wordSwap: 0 },
    });
    return missing.length ? `The shared configuration uses columns this file does not have: ${missing.join(', ')}.` : null;
  },

  currentConfig() {
    const { datasetId, setup, model, included, seed, imbalance, augment } = get();
    if (!datasetId || !setup || !model) return null;
    return {
      target: setup.target,
      task: setup.task,
      positiveClass: setup.positiveClass,
      features: setup.features.filter((f) => included[f.name]).map((f) => f.name),
      model,
      seed,
      split: { train: 0.7, val: 0.15, test: 0.15 },
      threshold: 0.5,
      // Regression has no classes to balance; 'none' keeps the config (and share link) minimal.
      ...(setup.task !== 'regression' && imbalance.method !== 'none' ? { imbalance } : {}),
      ...(augment.noise > 0 || augment.wordDelete > 0 || augment.wordSwap > 0 ? { augment } : {}),
    };
  },

  async train() {
    const { datasetId, model, job } = get();
    const config = get().currentConfig();
    if (!datasetId || !model || !config || job) return;
    const { engine, callback } = engineConnection();
    const id = `train-${++jobCounter}`;
    set({ job: { id, epochs: [], totalEpochs: model.epochs, startedAt: Date.now() }, trainError: null });
    try {
      const result = await engine.runs.train(
        datasetId,
        config,
        id,
        callback((p) =>
          set((s) => (s.job && s.job.id === p.jobId ? { job: { ...s.job, epochs: [...s.job.epochs, ...p.epochs].slice(-MAX_LIVE_EPOCHS) } } : {})),
        ),
      );
      if (result.ok) {
        set((s) => ({ runs: [...s.runs, result.value], selectedRunId: result.value.id, threshold: 0.5, thresholdMetrics: null }));
        // A run holds memory too (scores, and its dataset's columns once that is removed).
        void useDatasets.getState().refreshMemory();
      } else if (result.reason !== 'cancelled') {
        set({ trainError: result.message });
      } else {
        set({ trainError: 'Training was cancelled. Nothing was saved; the app is ready for another run.' });
      }
    } catch (error) {
      set({ trainError: `Training failed: ${(error as Error).message}` });
    } finally {
      set({ job: null });
    }
  },

  async cancel() {
    const job = get().job;
    if (job) await engineConnection().engine.session.cancel(job.id);
  },

  selectRun(id) {
    set({ selectedRunId: id, threshold: 0.5, thresholdMetrics: null });
  },

  async setThreshold(threshold) {
    const runId = get().selectedRunId;
    set({ threshold });
    if (!runId) return;
    const request = ++thresholdRequest;
    const metrics = await engineConnection().engine.runs.metricsAt(runId, threshold);
    if (request === thresholdRequest) set({ thresholdMetrics: metrics.ok ? metrics.value : null });
  },

  async exportRun(kind) {
    const run = get().runs.find((r) => r.id === get().selectedRunId);
    if (!run) return;
    const { engine } = engineConnection();
    const base = `loupe-${run.id}-${run.datasetName.replace(/\.[^.]+$/, '')}`;
    if (kind === 'report') {
      const report = await engine.runs.exportReport(run.id);
      if (report.ok) saveBlob(`${base}-report.json`, report.value);
    } else if (kind === 'predictions') {
      const predictions = await engine.runs.exportPredictions(run.id);
      if (predictions.ok) saveBlob(`${base}-predictions.csv`, predictions.value);
    } else {
      const files = await engine.runs.exportModel(run.id);
      if (!files.ok) return;
      saveBlob('model.json', files.value.modelJson);
      saveBlob('weights.bin', files.value.weights);
      saveBlob(`${base}-pipeline.json`, files.value.pipelineJson);
    }
  },
}));
