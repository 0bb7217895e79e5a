/**
 * The model-search job in the engine: k-fold CV of one config, or grid / random search over its
 * settings (CV alone is a search with an empty space). Progress is throttled, except that every
 * finished candidate is sent at once so the results table fills as the job runs.
 */
import { foldsCsv, stratifiedFolds, trainingRows } from '../core/experiment/crossValidate';
import type { ExperimentConfig, ExperimentFailure } from '../core/experiment/run';
import { searchModels, type SearchCandidate, type SearchProgress, type SearchSpec } from '../core/experiment/search';
import type { Dataset } from '../core/frame/types';

export type { SearchCandidate, SearchProgress, SearchSpec };

export type SearchOutcome = { ok: true; value: SearchCandidate[] } | { ok: false; error: ExperimentFailure; partial: SearchCandidate[] };

const PROGRESS_INTERVAL_MS = 250;

export function createSearchService(datasetOf: (id: string) => Dataset | null) {
  return {
    async search(datasetId: string, config: ExperimentConfig, spec: SearchSpec, signal: { readonly aborted: boolean }, onProgress: (p: SearchProgress) => void): Promise<SearchOutcome> {
      const ds = datasetOf(datasetId);
      if (!ds) return { ok: false, error: { reason: 'bad-config', message: 'That dataset is no longer loaded.' }, partial: [] };
      let last = 0;
      return searchModels(ds, config, spec, {
        signal,
        onProgress: (p) => {
          if (p.finished || Date.now() - last >= PROGRESS_INTERVAL_MS) {
            last = Date.now();
            onProgress(p);
          }
        },
      });
    },

    /** The seeded fold assignment of the config's training split, as CSV (row_index,fold). */
    foldsCsv(datasetId: string, config: ExperimentConfig, k: number): string | null {
      const ds = datasetOf(datasetId);
      if (!ds) return null;
      const base = trainingRows(ds, config);
      if (!base.ok) return null;
      return foldsCsv(stratifiedFolds(base.rows, base.y, k, config.seed, config.task !== 'regression'));
    },
  };
}
