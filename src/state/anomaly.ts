/**
 * The anomaly panel's engine calls: run the isolation forest on a dataset (a job with progress
 * and cancel), keep the last result per dataset, and add the matching exclude-anomalies step to
 * the recipe draft.
 */
import { create } from 'zustand';
import { stepOfSpec } from '../core/clean/steps/excludeAnomalies';
import type { AnomalyRequest, AnomalyResult, AnomalySpec, JobProgress } from '../engine/api';
import { engineConnection } from './engine';
import { useRecipeDraft } from './recipeDraft';

export interface AnomalyJob {
  id: string;
  datasetId: string;
  fraction: number | null;
  message: string;
  startedAt: number;
}

export interface AnomalyStore {
  /** The last result per dataset id. */
  results: Record<string, AnomalyResult>;
  job: AnomalyJob | null;
  /** The last problem per dataset id, shown under the form. */
  errors: Record<string, string>;
  /** "Added to the recipe" note per dataset id. */
  added: Record<string, string>;
  run(datasetId: string, request: AnomalyRequest): Promise<void>;
  cancel(): Promise<void>;
  /** Adds exclude-anomalies with the settings of the dataset's last result to its recipe draft. */
  excludeFromTraining(datasetId: string): void;
}

let counter = 0;

export const useAnomaly = create<AnomalyStore>((set, get) => ({
  results: {},
  job: null,
  errors: {},
  added: {},

  async run(datasetId, request) {
    if (get().job) return;
    const id = `anomaly-${Date.now().toString(36)}-${++counter}`;
    set((s) => ({ job: { id, datasetId, fraction: 0, message: 'Starting…', startedAt: Date.now() }, errors: { ...s.errors, [datasetId]: '' }, added: { ...s.added, [datasetId]: '' } }));
    const { engine, callback } = engineConnection();
    try {
      const result = await engine.anomaly.score(datasetId, request, id, callback((p: JobProgress) => set((s) => (s.job?.id === p.jobId ? { job: { ...s.job, fraction: p.fraction, message: p.message } } : {}))));
      if (result.ok) set((s) => ({ results: { ...s.results, [datasetId]: result.value } }));
      else set((s) => ({ errors: { ...s.errors, [datasetId]: result.message } }));
    } catch (error) {
      set((s) => ({ errors: { ...s.errors, [datasetId]: `Anomaly detection failed: ${(error as Error).message}` } }));
    } finally {
      set({ job: null });
    }
  },

  async cancel() {
    const job = get().job;
    if (job) await engineConnection().engine.session.cancel(job.id);
  },

  excludeFromTraining(datasetId) {
    const result = get().results[datasetId];
    if (!result) return;
    const spec: AnomalySpec = { ...result.spec, columns: result.used.map((c) => c.name) };
    useRecipeDraft.getState().addStep(datasetId, stepOfSpec(spec));
    const count = useRecipeDraft.getState().drafts[datasetId]?.length ?? 0;
    const rows = result.flagged.toLocaleString('en-US');
    set((s) => ({ added: { ...s.added, [datasetId]: `Added "Exclude anomalies" as step ${count} of the recipe: applying the recipe makes a version without the rows this forest flags (${rows} on this data) to train on.` } }));
  },
}));
