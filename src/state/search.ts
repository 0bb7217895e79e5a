/** The CV / model-search job: its progress, the candidates finished so far, and the sort order. */
import { create } from 'zustand';
import type { ModelSpec, SearchCandidate, SearchSpec } from '../engine/api';
import { saveBlob } from './download';
import { engineConnection } from './engine';
import { useRuns } from './runs';

export interface SearchJob {
  id: string;
  /** Candidates finished, of total. */
  done: number;
  total: number;
  /** Fits (one fold of one candidate) finished, of fitsTotal. */
  fitsDone: number;
  fitsTotal: number;
  k: number;
  /** Workers running fits at once (1: the engine worker alone). */
  workers: number;
}

export interface SearchStore {
  job: SearchJob | null;
  results: SearchCandidate[];
  /** Metric the table sorts by, and whether best-first for that metric. */
  sortBy: string | null;
  message: string | null;
  run(spec: SearchSpec): Promise<void>;
  cancel(): Promise<void>;
  setSort(metric: string): void;
  exportFolds(k: number): Promise<void>;
  /** Put a candidate's settings into the model form and train it on the full training split. */
  trainCandidate(c: SearchCandidate): Promise<void>;
}

let jobCounter = 0;

export const useSearch = create<SearchStore>((set, get) => ({
  job: null,
  results: [],
  sortBy: null,
  message: null,

  async run(spec) {
    const runs = useRuns.getState();
    const config = runs.currentConfig();
    if (!config || !runs.datasetId || get().job) return;
    const { engine, callback } = engineConnection();
    const id = `search-${++jobCounter}`;
    set({ job: { id, done: 0, total: 0, fitsDone: 0, fitsTotal: 0, k: spec.k, workers: 1 }, results: [], message: null });
    try {
      const outcome = await engine.search.searchModels(
        runs.datasetId,
        config,
        spec,
        id,
        callback((p) =>
          set((s) => {
            if (!s.job || s.job.id !== p.jobId) return {};
            return { job: { ...s.job, done: p.done, total: p.total, fitsDone: p.fitsDone, fitsTotal: p.fitsTotal, workers: p.workers }, results: p.finished ? [...s.results, p.finished] : s.results };
          }),
        ),
      );
      if (outcome.ok) set({ results: outcome.value, message: null });
      else set({ results: outcome.partial, message: outcome.message });
    } catch (error) {
      set({ message: `The search failed: ${(error as Error).message}` });
    } finally {
      set({ job: null });
    }
  },

  async cancel() {
    const job = get().job;
    if (job) await engineConnection().engine.session.cancel(job.id);
  },

  setSort(metric) {
    set({ sortBy: metric });
  },

  async exportFolds(k) {
    const runs = useRuns.getState();
    const config = runs.currentConfig();
    if (!config || !runs.datasetId) return;
    const csv = await engineConnection().engine.search.exportFolds(runs.datasetId, config, k);
    if (csv.ok) saveBlob(`loupe-cv-folds-k${k}-seed${config.seed}.csv`, csv.value);
    else set({ message: csv.message });
  },

  async trainCandidate(c) {
    const runs = useRuns.getState();
    // Settings were validated against the model's fields before the search ran (searchProblem).
    runs.updateModel(c.settings as Partial<ModelSpec>);
    await useRuns.getState().train();
  },
}));
