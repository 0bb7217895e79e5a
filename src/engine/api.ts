/**
 * The typed boundary between the UI and the engine worker. Calls take plain data (ids, specs,
 * File handles) and return plain data; callbacks are comlink proxies on the worker path.
 */
import type { BackendName, ComputeState } from '../core/compute/backends';
import type { DatasetProfile, ColumnProfile } from '../core/frame/profile';
import type { RowPage } from '../core/frame/rows';
import type { ColumnKind, LoadError, ParseSettings, Result } from '../core/frame/types';

import type { ExperimentConfig, ExperimentFailure } from '../core/experiment/run';
import type { TaskSetup } from '../core/experiment/setup';
import type { BinaryMetrics } from '../core/metrics';
import type { ModelKind, ModelKindInfo, ModelSpec, ProgressKind, SettingField, SettingValue, TrainingStep } from '../core/models';
import type { TaskKind } from '../core/prep';
import type { ModelFiles, RunSummary, TrainProgress } from './runs';
import type { ConfidentError, SliceTable } from '../core/experiment/errorAnalysis';
import type { SearchCandidate, SearchOutcome, SearchProgress, SearchSpec } from './search';
import type { SavedModelFiles, SavedModelScores, SavedModelSummary } from './savedModels';
import type { ComparisonFailure, ComparisonResult, ComparisonSetup, ItemRef, MappingSuggestion, RatingsMapping, RatingsSummary, RecommendProgress, RecommenderName, SimilarItem, UserPreview } from './recommendTypes';
export type * from './recommendTypes';
import type { EventsMapping, EventsSuggestion, EventsSummary, ImplicitComparison, ImplicitName, ImplicitSetup, OnboardingResult } from './recommendEventsTypes';
export type * from './recommendEventsTypes';
import type { DependenceResult, ExplainSettings, ExplainSpace, FeatureValue, GlobalExplanation, GlobalSettings, ImportanceResult, RowExplanation, RowMatch, RowValues, ShapCsv, WorstError } from './explainTypes';
export type * from './explainTypes';

export type { BackendName, ComputeState, DatasetProfile, ColumnProfile, RowPage, ColumnKind, ParseSettings, LoadError };
export type { TrainingStep, ModelKindInfo, ProgressKind, SettingField, SettingValue, ExperimentConfig, ExperimentFailure, TaskSetup, BinaryMetrics, ModelKind, ModelSpec, TaskKind, ModelFiles, RunSummary, TrainProgress };
export type { ConfidentError, SliceTable };
export type { SearchCandidate, SearchOutcome, SearchProgress, SearchSpec };
export type { SavedModelFiles, SavedModelScores, SavedModelSummary };

export interface EngineConfig {
  /** Forced backend from `?backend=NAME`; null lets the probe choose. */
  backend: BackendName | null;
  /** Refuse files whose estimated in-memory size exceeds this. */
  memoryBudgetMB: number;
  /** Where the tfjs wasm binaries are served from (our own origin). */
  wasmPath: string;
  /** Load the demo datasets on start. */
  loadDemo: boolean;
  /** Test hooks (`?ingestChunkKB=N&ingestDelayMs=N`): small, slow chunks so a cancel can be clicked. */
  ingestChunkKB?: number;
  ingestDelayMs?: number;
  /**
   * `?ingestRangeKB=N`: files of at least N KB are parsed in N KB ranges by the parse helpers (the
   * e2e cancel test uses it on a small file); 0 reads every file in one pass (the bench's serial
   * run). Absent: with 3 cores or more, files from 8 MiB on, in ranges of at most 8 MiB; one pass on 2.
   */
  ingestRangeKB?: number;
  /** Model-search fold helpers (`?foldWorkers=N`): absent = one per spare core, 0 = every fit in the engine worker. */
  foldWorkers?: number;
}

/** Progress of a long job, sent a few times a second at most. */
export interface JobProgress {
  jobId: string;
  /** 0..1, or null when unknown. */
  fraction: number | null;
  message: string;
}

export type ProgressCallback = (progress: JobProgress) => void;

export interface EngineInfo {
  compute: ComputeState;
  memoryBudgetMB: number;
}

export interface EngineApi {
  /** Probe backends, pick one and (optionally) load the demo datasets. */
  start(config: EngineConfig): Promise<EngineInfo>;
  switchBackend(name: BackendName): Promise<Result<ComputeState, { message: string }>>;
  listDatasets(): Promise<DatasetProfile[]>;
  /** Parse a file in the worker. The File handle crosses the boundary; its bytes are read there. */
  loadFile(file: Blob, name: string, settings: Partial<ParseSettings> | null, jobId: string, onProgress: ProgressCallback): Promise<Result<DatasetProfile>>;
  /** Re-read a loaded file with other settings (header, delimiter, encoding); the old version stays on failure. */
  reparse(datasetId: string, settings: Partial<ParseSettings>, jobId: string, onProgress: ProgressCallback): Promise<Result<DatasetProfile>>;
  setColumnKind(datasetId: string, column: string, kind: ColumnKind): Promise<Result<DatasetProfile, { message: string }>>;
  rows(datasetId: string, offset: number, limit: number): Promise<RowPage | null>;
  removeDataset(datasetId: string): Promise<void>;
  /** Propose the task, positive class and features for a target column. */
  setupTask(datasetId: string, target: string, override: { task?: TaskKind; positiveClass?: string } | null): Promise<Result<TaskSetup, { message: string }>>;
  /** Every registered model kind: label, tasks, settings schema (the Train form and search panel draw from it). */
  modelKinds(): Promise<ModelKindInfo[]>;
  defaultModel(kind: ModelKind, task: TaskKind): Promise<ModelSpec>;
  /** A model spec (from a share link or the form) as its kind accepts it, or why not. */
  checkModel(spec: ModelSpec, task: TaskKind): Promise<Result<ModelSpec, { message: string }>>;
  /** Train and evaluate; progress carries batched epoch reports. Cancel with the job id. */
  train(datasetId: string, config: ExperimentConfig, jobId: string, onProgress: (p: TrainProgress) => void): Promise<Result<RunSummary, ExperimentFailure>>;
  /** Exact test-split metrics at another threshold (score >= threshold is positive). */
  metricsAt(runId: string, threshold: number): Promise<BinaryMetrics | null>;
  exportReport(runId: string): Promise<string | null>;
  exportPredictions(runId: string): Promise<string | null>;
  /** The pipeline JSON and the model kind's own files (tfjs: model.json + weights.bin), built in the worker. */
  exportModel(runId: string): Promise<ModelFiles | null>;
  removeRun(runId: string): Promise<void>;
  /** Re-score a run's test rows on the active backend; the largest difference from training's scores. */
  backendAgreement(runId: string): Promise<{ backend: string; rows: number; maxAbsDiff: number } | null>;
  /** Error analysis: test-split metrics per value (or quantile bin) of a column. */
  sliceMetrics(runId: string, column: string): Promise<Result<SliceTable, { message: string }>>;
  /** Error analysis: the test rows predicted wrong with the most confidence, with their original cells. */
  confidentErrors(runId: string, limit: number): Promise<{ columns: string[]; errors: ConfidentError[] } | null>;
  /** k-fold CV of a config, or grid/random search over its model settings; each finished candidate arrives in progress. Cancel with the job id. */
  searchModels(datasetId: string, config: ExperimentConfig, spec: SearchSpec, jobId: string, onProgress: (p: SearchProgress & { jobId: string }) => void): Promise<SearchOutcome>;
  /** The seeded CV fold assignment of the config's training split as CSV (row_index,fold). */
  exportFolds(datasetId: string, config: ExperimentConfig, k: number): Promise<string | null>;
  /** Load a downloaded model (its pipeline JSON and model files, any order) back into the engine. */
  loadSavedModel(files: SavedModelFiles): Promise<Result<SavedModelSummary, { message: string }>>;
  /** Score every row of a loaded dataset with a reloaded model; the scores CSV comes back as one string. */
  scoreWithSavedModel(modelId: string, datasetId: string): Promise<Result<SavedModelScores, { message: string }>>;
  /** Cancel a running job; the job resolves with a 'cancelled' error. */
  cancel(jobId: string): Promise<void>;
  /** Recommend: propose user/item/rating/timestamp columns and item details for a ratings dataset. */
  suggestRatingsMapping(datasetId: string): Promise<Result<MappingSuggestion, { message: string }>>;
  /** Read the mapped ratings (duplicates averaged) and say what they hold, or why they can't be used. */
  summarizeRatings(mapping: RatingsMapping): Promise<Result<RatingsSummary, { message: string }>>;
  /** Cross-validate the chosen algorithms on one split, then fit them on all ratings for the preview. Cancel with the job id; onProgress may be null (the bench). */
  compareRecommenders(mapping: RatingsMapping, setup: ComparisonSetup, jobId: string, onProgress: ((p: RecommendProgress) => void) | null): Promise<Result<ComparisonResult, ComparisonFailure>>;
  /** User ids starting with query, at most limit (20). */
  searchRatingUsers(query: string, limit: number): Promise<string[]>;
  userRecommendations(user: string, algorithm: RecommenderName, n: number): Promise<Result<UserPreview, { message: string }>>;
  similarRatedItems(item: string, algorithm: RecommenderName, n: number): Promise<Result<SimilarItem[], { message: string }>>;
  /** CSV `user,rank,item,score` of the top-n for every user, built in the worker. */
  exportTopN(algorithm: RecommenderName, n: number): Promise<Result<string, { message: string }>>;
  /** Recommend, Events mode: propose user/item/event-type/time columns (or a rating threshold) for implicit feedback. */
  suggestEventsMapping(datasetId: string): Promise<Result<EventsSuggestion, { message: string }>>;
  summarizeEvents(mapping: EventsMapping): Promise<Result<EventsSummary, { message: string }>>;
  /** Stratified 75/25 per-user comparison at k = 10 (with MMR re-ranked columns), then fit on all interactions for onboarding. Cancel with the job id. */
  compareImplicit(mapping: EventsMapping, setup: ImplicitSetup, jobId: string, onProgress: ((p: RecommendProgress) => void) | null): Promise<Result<ImplicitComparison, ComparisonFailure>>;
  searchEventItems(query: string, limit: number): Promise<ItemRef[]>;
  /** A new user's top-n from the items they picked (fold-in, no retrain); popularity when none. */
  onboardUser(algorithm: ImplicitName, picked: string[], n: number, diversity: number): Promise<Result<OnboardingResult, { message: string }>>;
  /** Catalogue items most like a new item (content similarity of name and category). */
  similarToNewItem(name: string, category: string, n: number): Promise<Result<SimilarItem[], { message: string }>>;
  /** Explain: SHAP values of one file row (waterfall). */
  explainRow(runId: string, rowIndex: number, settings: ExplainSettings): Promise<Result<RowExplanation, { message: string }>>;
  /** Mean |SHAP| and beeswarm over a sample of test rows. Cancel with the job id; onProgress may be null (the bench). */
  explainGlobal(runId: string, settings: GlobalSettings, jobId: string, onProgress: ProgressCallback | null): Promise<Result<GlobalExplanation, { message: string; cancelled?: boolean }>>;
  /** Permutation importance on the test split, with an interval over repeats. Cancel with the job id. */
  permutationImportance(runId: string, options: { repeats: number }, jobId: string, onProgress: ProgressCallback | null): Promise<Result<ImportanceResult, { message: string; cancelled?: boolean }>>;
  /** Partial dependence and ICE lines of one feature. */
  partialDependence(runId: string, feature: string, space: ExplainSpace): Promise<Result<DependenceResult, { message: string }>>;
  /** The row with some feature values replaced: its prediction and attributions. */
  whatIf(runId: string, rowIndex: number, edits: Record<string, FeatureValue>, settings: ExplainSettings): Promise<Result<RowExplanation, { message: string }>>;
  /** A row's feature values as the user sees them, for the what-if form. */
  rowValues(runId: string, rowIndex: number): Promise<Result<RowValues, { message: string }>>;
  /** A row number, or rows whose values contain the text (test rows first). */
  searchRows(runId: string, query: string): Promise<RowMatch[]>;
  /** The most confidently wrong test predictions. */
  worstErrors(runId: string, n: number): Promise<WorstError[]>;
  /** CSV `row_index,base_value,prediction,<features>` of the rows explained so far (docs/formats.md). */
  exportShapCsv(runId: string): Promise<Result<ShapCsv, { message: string }>>;
}
