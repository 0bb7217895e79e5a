/** Cross-validation and model search over one config's settings, and the fold assignment CSV. */
import type { ExperimentConfig, ExperimentFailure } from '../../core/experiment/run';
import type { SearchCandidate, SearchProgress as FitProgress, SearchSpec } from '../../core/experiment/search';
import type { Failure, Outcome } from '../outcome';

export type { SearchCandidate, SearchSpec };

/** A search's progress, plus how many workers are running its fits (1: the engine worker alone). */
export type SearchProgress = FitProgress & { workers: number };

export type SearchFailure = 'not-found' | ExperimentFailure['reason'];

/** A failed or cancelled search still hands back the candidates finished before it stopped. */
export type SearchOutcome = { ok: true; value: SearchCandidate[] } | (Failure<SearchFailure> & { partial: SearchCandidate[] });

export interface SearchApi {
  /** k-fold CV of a config, or grid/random search over its model settings; each finished candidate arrives in progress at once. Cancel with the job id. */
  searchModels(datasetId: string, config: ExperimentConfig, spec: SearchSpec, jobId: string, onProgress: (p: SearchProgress & { jobId: string }) => void): Promise<SearchOutcome>;
  /** The seeded CV fold assignment of the config's training split as a CSV Blob (row_index,fold). */
  exportFolds(datasetId: string, config: ExperimentConfig, k: number): Promise<Outcome<Blob, 'not-found' | 'bad-config'>>;
}
