/**
 * The Recommend view: the ratings mapping, the comparison job and its table, and the preview.
 * Models and ratings stay in the worker; this holds the table and the lists on screen.
 */
import { create } from 'zustand';
import type {
  AlgorithmProgress,
  ComparisonResult,
  EvaluationSplit,
  RatingsMapping,
  RatingsSummary,
  RecommendProgress,
  RecommenderName,
  SimilarItem,
  UserPreview,
} from '../engine/api';
import { saveBlob } from './download';
import { engineConnection } from './engine';

export interface CompareJob {
  id: string;
  fraction: number;
  message: string;
  startedAt: number;
}

/** A ratings comparison's job: also what the preview can use while it runs. */
export interface RatingsCompareJob extends CompareJob {
  /** The running comparison's id (from its first progress) and the algorithms it has fitted on all ratings so far. */
  comparisonId: string | null;
  ready: RecommenderName[];
  /** The chosen algorithms, in the order they run. */
  chosen: RecommenderName[];
  /** Each algorithm's state and time left, as the engine measured them. */
  algorithms: AlgorithmProgress[];
}

/** What the preview reads: the running comparison once an algorithm is ready, else the latest finished one. */
export interface PreviewSource {
  comparisonId: string;
  names: RecommenderName[];
  /** Chosen algorithms still being compared (empty once the comparison is done). */
  running: RecommenderName[];
}

export function previewSource(s: { result: ComparisonResult | null; job: Pick<RatingsCompareJob, 'comparisonId' | 'ready' | 'chosen'> | null }): PreviewSource | null {
  const { job, result } = s;
  if (job?.comparisonId && job.ready.length > 0) return { comparisonId: job.comparisonId, names: job.ready, running: job.chosen.filter((a) => !job.ready.includes(a)) };
  if (result && result.previewable.length > 0) return { comparisonId: result.comparisonId, names: result.previewable, running: [] };
  return null;
}

export interface RecommendStore {
  mapping: RatingsMapping | null;
  mappingNotes: string[];
  /** Why the mapping can't be used, in words; the form keeps the user's choices. */
  mappingError: string | null;
  summary: RatingsSummary | null;
  algorithms: RecommenderName[];
  split: EvaluationSplit;
  job: RatingsCompareJob | null;
  jobError: string | null;
  /** The latest comparison; its comparisonId names it in every preview and export call. */
  result: ComparisonResult | null;
  /** Preview: the chosen user and algorithms (compareWith = null for one list). */
  userQuery: string;
  userMatches: string[];
  user: string | null;
  algorithm: RecommenderName | null;
  compareWith: RecommenderName | null;
  /** The user picked the algorithm themselves: a finished comparison keeps it instead of switching to the best. */
  algorithmPicked: boolean;
  preview: UserPreview | null;
  comparePreview: UserPreview | null;
  /** The comparison the lists on screen came from. */
  previewComparisonId: string | null;
  previewError: string | null;
  item: string | null;
  similar: SimilarItem[] | null;
  /** Leave items with fewer ratings than this out of the lists and the CSV (1 = all). */
  minRatings: number;

  suggest(datasetId: string): Promise<void>;
  updateMapping(patch: Partial<RatingsMapping>): Promise<void>;
  toggleAlgorithm(name: RecommenderName, on: boolean): void;
  setSplit(split: EvaluationSplit): void;
  compare(): Promise<void>;
  cancel(): Promise<void>;
  searchUsers(query: string): Promise<void>;
  pickUser(user: string): Promise<void>;
  pickAlgorithm(algorithm: RecommenderName): Promise<void>;
  pickCompareWith(algorithm: RecommenderName | null): Promise<void>;
  pickItem(item: string): Promise<void>;
  exportTopN(): Promise<void>;
  setMinRatings(n: number): Promise<void>;
}

let jobCounter = 0;
/** Only the latest search (and preview) may draw: older answers are dropped. */
let searchRequest = 0;
let previewRequest = 0;

export const useRecommend = create<RecommendStore>((set, get) => {
  async function summarize(mapping: RatingsMapping) {
    const result = await engineConnection().engine.ratings.summarizeRatings(mapping);
    if (get().mapping !== mapping) return;
    set(result.ok ? { summary: result.value, mappingError: null } : { summary: null, mappingError: result.message });
  }

  async function refreshPreview() {
    const { user, algorithm, compareWith, item, minRatings } = get();
    const source = previewSource(get());
    if (!user || !algorithm || !source) return;
    const request = ++previewRequest;
    const { engine } = engineConnection();
    const [main, other] = await Promise.all([
      engine.ratings.userRecommendations(source.comparisonId, user, algorithm, 10, minRatings),
      compareWith ? engine.ratings.userRecommendations(source.comparisonId, user, compareWith, 10, minRatings) : Promise.resolve(null),
    ]);
    if (request !== previewRequest) return;
    if (!main.ok) return set({ preview: null, comparePreview: null, previewError: main.message, previewComparisonId: null });
    set({ preview: main.value, comparePreview: other && other.ok ? other.value : null, previewError: other && !other.ok ? other.message : null, previewComparisonId: source.comparisonId });
    if (item) await get().pickItem(item);
  }

  /**
   * Points the preview at its current source (a comparison just got its first model, finished, or
   * was cancelled): keeps the algorithms shown where the source has them, else the best (or first)
   * one, picks a first user when none is, and redraws.
   */
  async function followSource(best: RecommenderName | null) {
    const source = previewSource(get());
    if (!source) return set({ preview: null, comparePreview: null, similar: null, item: null, previewComparisonId: null, previewError: null, algorithm: null, compareWith: null });
    const { algorithm, compareWith, algorithmPicked } = get();
    const keep = algorithm && source.names.includes(algorithm) && (algorithmPicked || !best) ? algorithm : null;
    set({
      algorithm: keep ?? (best && source.names.includes(best) ? best : source.names[0]),
      compareWith: compareWith && source.names.includes(compareWith) ? compareWith : null,
    });
    if (!get().user) {
      const users = await engineConnection().engine.ratings.searchRatingUsers(source.comparisonId, '', 20);
      const first = users.ok ? users.value : [];
      set({ userMatches: first });
      if (first[0]) return get().pickUser(first[0]);
    } else {
      await refreshPreview();
    }
  }

  /** A progress event: the bar, the per-algorithm lines, and the preview once the first algorithm is ready. */
  function onProgress(p: RecommendProgress) {
    const job = get().job;
    if (!job || job.id !== p.jobId) return;
    // Same list, same array: the preview's selectors re-render only when an algorithm gets ready.
    const ready = p.ready && p.ready.join() !== job.ready.join() ? p.ready : job.ready;
    set({ job: { ...job, fraction: p.fraction, message: p.message, comparisonId: p.comparisonId ?? job.comparisonId, ready, algorithms: p.algorithms ?? job.algorithms } });
    // The first ready model moves the preview onto this comparison; later ones only join the picker.
    if (job.ready.length === 0 && ready.length > 0) void followSource(null);
  }

  return {
    mapping: null,
    mappingNotes: [],
    mappingError: null,
    summary: null,
    algorithms: ['baseline', 'knn-item', 'svd', 'best'],
    split: { kind: 'kfold', folds: 5, seed: 0 },
    job: null,
    jobError: null,
    result: null,
    userQuery: '',
    userMatches: [],
    user: null,
    algorithm: null,
    compareWith: null,
    algorithmPicked: false,
    preview: null,
    comparePreview: null,
    previewComparisonId: null,
    previewError: null,
    item: null,
    similar: null,
    minRatings: 1,

    async suggest(datasetId) {
      const result = await engineConnection().engine.ratings.suggestRatingsMapping(datasetId);
      if (result.ok) {
        set({ mapping: result.value.mapping, mappingNotes: result.value.notes, mappingError: null, summary: null });
        await summarize(result.value.mapping);
      } else {
        set({ mapping: null, mappingNotes: [], mappingError: result.message, summary: null });
      }
    },

    async updateMapping(patch) {
      const current = get().mapping;
      if (!current) return;
      const mapping = { ...current, ...patch };
      set({ mapping, summary: null });
      await summarize(mapping);
    },

    toggleAlgorithm(name, on) {
      set((s) => ({ algorithms: on ? [...s.algorithms.filter((a) => a !== name), name] : s.algorithms.filter((a) => a !== name) }));
    },

    setSplit(split) {
      set({ split });
    },

    async compare() {
      const { mapping, algorithms, split, job } = get();
      if (!mapping || job) return;
      const order: RecommenderName[] = ['popularity', 'baseline', 'knn-user', 'knn-item', 'svd', 'best'];
      const chosen = order.filter((a) => algorithms.includes(a));
      const { engine, callback } = engineConnection();
      const id = `recommend-${++jobCounter}`;
      set({ job: { id, fraction: 0, message: 'Preparing the ratings…', startedAt: Date.now(), comparisonId: null, ready: [], chosen, algorithms: [] }, jobError: null });
      let best: RecommenderName | null = null;
      try {
        const result = await engine.ratings.compareRecommenders(mapping, { algorithms: chosen, split }, id, callback(onProgress));
        if (!result.ok) {
          set({ jobError: result.message });
          return;
        }
        best = [...result.value.rows].sort((a, b) => a.rmse - b.rmse)[0]?.algorithm ?? null;
        set({ result: result.value, summary: result.value.summary });
      } catch (error) {
        set({ jobError: `The comparison failed: ${(error as Error).message}` });
      } finally {
        set({ job: null });
        // Finished: the best by RMSE unless the user picked one. Cancelled: back to the last finished comparison.
        await followSource(best);
      }
    },

    async cancel() {
      const job = get().job;
      if (job) await engineConnection().engine.session.cancel(job.id);
    },

    async searchUsers(query) {
      set({ userQuery: query });
      const request = ++searchRequest;
      const comparisonId = previewSource(get())?.comparisonId;
      const matches = comparisonId ? await engineConnection().engine.ratings.searchRatingUsers(comparisonId, query, 20) : null;
      if (request === searchRequest) set({ userMatches: matches?.ok ? matches.value : [] });
    },

    async pickUser(user) {
      set({ user, userQuery: user });
      await refreshPreview();
    },

    async pickAlgorithm(algorithm) {
      set({ algorithm, algorithmPicked: true });
      await refreshPreview();
    },

    async pickCompareWith(algorithm) {
      set({ compareWith: algorithm, comparePreview: null });
      await refreshPreview();
    },

    async pickItem(item) {
      const { algorithm } = get();
      const source = previewSource(get());
      if (!algorithm || !source) return;
      set({ item });
      const result = await engineConnection().engine.ratings.similarRatedItems(source.comparisonId, item, algorithm, 10);
      if (get().item !== item) return;
      set(result.ok ? { similar: result.value } : { similar: null, previewError: result.message });
    },

    async setMinRatings(n) {
      set({ minRatings: Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1 });
      await refreshPreview();
    },

    async exportTopN() {
      const { algorithm, minRatings } = get();
      const source = previewSource(get());
      if (!algorithm || !source) return;
      const csv = await engineConnection().engine.ratings.exportTopN(source.comparisonId, algorithm, 10, minRatings);
      if (csv.ok) saveBlob(`loupe-top10-${algorithm}.csv`, csv.value);
      else set({ previewError: csv.message });
    },
  };
});
