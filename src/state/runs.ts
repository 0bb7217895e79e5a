/**
 * Training setup, the running job (with its live buffer of training steps) and finished runs.
 * Components subscribe to slices: the live curve re-renders per progress tick, the page does not.
 */
import { create } from 'zustand';
import type { BinaryMetrics, ExperimentConfig, ModelKind, ModelKindInfo, ModelSpec, ProgressKind, RunSummary, TaskKind, TaskSetup, TrainingStep } from '../engine/api';
import { saveBlob } from './download';
import { useDatasets } from './datasets';
import { engineConnection } from './engine';
import { runHeadline } from './runHeadline';
import { useUi } from './ui';

export interface TrainJob {
  id: string;
  /** Bounded buffer of steps (epochs, rounds) for the live chart. */
  steps: TrainingStep[];
  /** The most steps the run can take; null until the engine's first report. */
  totalSteps: number | null;
  progress: ProgressKind;
  startedAt: number;
}

export interface RunsStore {
  datasetId: string | null;
  target: string | null;
  setup: TaskSetup | null;
  setupError: string | null;
  included: Record<string, boolean>;
  /** Every registered kind (from the engine); the form lists those that can learn the task. */
  modelKinds: ModelKindInfo[];
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
  exportRun(kind: 'report' | 'html' | 'predictions' | 'model' | 'encoded'): Promise<void>;
}

export type ImbalanceSpec = NonNullable<ExperimentConfig['imbalance']>;
export type AugmentSpec = NonNullable<ExperimentConfig['augment']>;

const MAX_LIVE_STEPS = 2000;
let jobCounter = 0;
/**
 * At most one threshold request in flight; while it runs only the latest slider value waits, so a
 * held slider sends one request per answer rather than one per input event (latest wins).
 */
const thresholdQueue: { inFlight: boolean; next: { runId: string; threshold: number } | null } = { inFlight: false, next: null };

/** Model picks so far: a pick answered after a newer one is dropped. */
let kindChoices = 0;

export const useRuns = create<RunsStore>((set, get) => ({
  datasetId: null,
  target: null,
  setup: null,
  setupError: null,
  included: {},
  modelKinds: [],
  // Empty until a target is set up: chooseTarget picks the first kind that can learn the task.
  modelKind: '',
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
    const modelKinds = get().modelKinds.length ? get().modelKinds : await engine.runs.modelKinds();
    // A kind that cannot learn the new task gives way to the first that can (logistic -> linear for a number).
    const kindFits = (kind: string) => modelKinds.some((k) => k.kind === kind && k.tasks.includes(setup.task));
    const modelKind = kindFits(get().modelKind) ? get().modelKind : (modelKinds.find((k) => k.tasks.includes(setup.task))?.kind ?? get().modelKind);
    const current = get().model;
    const model = current && current.kind === modelKind ? current : await engine.runs.defaultModel(modelKind, setup.task);
    // Picked while the defaults were fetched: the pick is newer than what this call decided.
    if (get().modelKind !== modelKind && kindFits(get().modelKind)) {
      const picked = get().modelKind;
      set({ datasetId, target, setup, setupError: null, included, modelKinds, model: await engine.runs.defaultModel(picked, setup.task) });
      return;
    }
    set({ datasetId, target, setup, setupError: null, included, modelKinds, modelKind, model });
  },

  setFeature(name, include) {
    set((s) => ({ included: { ...s.included, [name]: include } }));
  },

  async setModelKind(kind) {
    // The choice shows at once, and a target change still settling (chooseTarget) sees it and keeps
    // it: picking a model right after the target must not be undone when the setup answers.
    const choice = ++kindChoices;
    set({ modelKind: kind });
    const task = get().setup?.task ?? 'binary';
    const model = await engineConnection().engine.runs.defaultModel(kind, task);
    // A later pick wins; chooseTarget has already fetched this kind's defaults for a newer task.
    if (choice !== kindChoices || get().modelKind !== kind || (get().setup?.task ?? 'binary') !== task) return;
    set({ model });
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
    const checked = await engineConnection().engine.runs.checkModel(config.model, setup.task);
    if (!checked.ok) return `The shared model settings cannot be used: ${checked.message}`;
    const wanted = new Set(config.features);
    const missing = config.features.filter((f) => !setup.features.some((s) => s.name === f));
    set({
      included: Object.fromEntries(setup.features.map((f) => [f.name, wanted.has(f.name)])),
      modelKind: checked.value.kind,
      model: checked.value,
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
    const progress = get().modelKinds.find((k) => k.kind === model.kind)?.progress ?? 'epochs';
    set({ job: { id, steps: [], totalSteps: null, progress, startedAt: Date.now() }, trainError: null });
    try {
      const result = await engine.runs.train(
        datasetId,
        config,
        id,
        callback((p) =>
          set((s) => (s.job && s.job.id === p.jobId ? { job: { ...s.job, totalSteps: p.totalSteps, steps: [...s.job.steps, ...p.steps].slice(-MAX_LIVE_STEPS) } } : {})),
        ),
      );
      if (result.ok) {
        set((s) => ({ runs: [...s.runs, result.value], selectedRunId: result.value.id, threshold: 0.5, thresholdMetrics: null }));
        useUi.getState().announce(`Training finished: ${result.value.label}, ${runHeadline(result.value)}.`);
        // A run holds memory too (scores, and its dataset's columns once that is removed).
        void useDatasets.getState().refreshMemory();
      } else if (result.reason !== 'cancelled') {
        set({ trainError: result.message });
        useUi.getState().announce('Training failed.');
      } else {
        set({ trainError: 'Training was cancelled. Nothing was saved; the app is ready for another run.' });
        useUi.getState().announce('Training was cancelled.');
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
    thresholdQueue.next = { runId, threshold };
    if (thresholdQueue.inFlight) return;
    thresholdQueue.inFlight = true;
    try {
      while (thresholdQueue.next) {
        const asked = thresholdQueue.next;
        thresholdQueue.next = null;
        const metrics = await engineConnection().engine.runs.metricsAt(asked.runId, asked.threshold);
        // Draw only an answer for what is on screen now (the run may have changed meanwhile).
        if (!thresholdQueue.next && get().selectedRunId === asked.runId && get().threshold === asked.threshold) set({ thresholdMetrics: metrics.ok ? metrics.value : null });
      }
    } finally {
      thresholdQueue.inFlight = false;
    }
  },

  async exportRun(kind) {
    const run = get().runs.find((r) => r.id === get().selectedRunId);
    if (!run) return;
    const { engine } = engineConnection();
    const base = `loupe-${run.id}-${run.datasetName.replace(/\.[^.]+$/, '')}`;
    if (kind === 'report') {
      // The exports follow the threshold on screen (issue 16), not the run's 0.5.
      const report = await engine.runs.exportReport(run.id, get().threshold);
      if (report.ok) saveBlob(`${base}-report.json`, report.value);
    } else if (kind === 'html') {
      const html = await engine.runs.exportHtmlReport(run.id, get().threshold);
      if (html.ok) saveBlob(`${base}-report.html`, html.value);
    } else if (kind === 'predictions') {
      const predictions = await engine.runs.exportPredictions(run.id, get().threshold);
      if (predictions.ok) saveBlob(`${base}-predictions.csv`, predictions.value);
    } else if (kind === 'encoded') {
      const rows = await engine.runs.exportEncodedRows(run.id);
      if (rows.ok) saveBlob(`${base}-encoded-rows.csv`, rows.value);
    } else {
      const files = await engine.runs.exportModel(run.id);
      if (!files.ok) return;
      for (const file of files.value) saveBlob(file.name, file.blob);
    }
  },
}));
