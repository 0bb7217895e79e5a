/**
 * The Recommend view: the ratings mapping, the comparison job and its table, and the preview.
 * Models and ratings stay in the worker; this holds the table and the lists on screen.
 */
import { create } from 'zustand';
import type {
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

export interface RecommendStore {
  mapping: RatingsMapping | null;
  mappingNotes: string[];
  /** Why the mapping can't be used, in words; the form keeps the user's choices. */
  mappingError: string | null;
  summary: RatingsSummary | null;
  algorithms: RecommenderName[];
  split: EvaluationSplit;
  job: CompareJob | null;
  jobError: string | null;
  /** The latest comparison; its comparisonId names it in every preview and export call. */
  result: ComparisonResult | null;
  /** Preview: the chosen user and algorithms (compareWith = null for one list). */
  userQuery: string;
  userMatches: string[];
  user: string | null;
  algorithm: RecommenderName | null;
  compareWith: RecommenderName | null;
  preview: UserPreview | null;
  comparePreview: UserPreview | null;
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
    const { user, algorithm, compareWith, item, result, minRatings } = get();
    if (!user || !algorithm || !result) return;
    const request = ++previewRequest;
    const { engine } = engineConnection();
    const [main, other] = await Promise.all([
      engine.ratings.userRecommendations(result.comparisonId, user, algorithm, 10, minRatings),
      compareWith ? engine.ratings.userRecommendations(result.comparisonId, user, compareWith, 10, minRatings) : Promise.resolve(null),
    ]);
    if (request !== previewRequest) return;
    if (!main.ok) return set({ preview: null, comparePreview: null, previewError: main.message });
    set({ preview: main.value, comparePreview: other && other.ok ? other.value : null, previewError: other && !other.ok ? other.message : null });
    if (item) await get().pickItem(item);
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
    preview: null,
    comparePreview: null,
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
      set({ job: { id, fraction: 0, message: 'Preparing the ratings…', startedAt: Date.now() }, jobError: null });
      try {
        const result = await engine.ratings.compareRecommenders(
          mapping,
          { algorithms: chosen, split },
          id,
          callback((p: RecommendProgress) => set((s) => (s.job && s.job.id === p.jobId ? { job: { ...s.job, fraction: p.fraction, message: p.message } } : {}))),
        );
        if (!result.ok) {
          set({ jobError: result.message });
          return;
        }
        const keep = get().algorithm && result.value.previewable.includes(get().algorithm!) ? get().algorithm : null;
        const best = [...result.value.rows].sort((a, b) => a.rmse - b.rmse)[0]?.algorithm ?? null;
        const compareWith = get().compareWith && result.value.previewable.includes(get().compareWith!) ? get().compareWith : null;
        set({ result: result.value, algorithm: keep ?? best, compareWith, summary: result.value.summary });
        if (!get().user) {
          const users = await engine.ratings.searchRatingUsers(result.value.comparisonId, '', 20);
          const first = users.ok ? users.value : [];
          set({ userMatches: first });
          if (first[0]) await get().pickUser(first[0]);
        } else {
          await refreshPreview();
        }
      } catch (error) {
        set({ jobError: `The comparison failed: ${(error as Error).message}` });
      } finally {
        set({ job: null });
      }
    },

    async cancel() {
      const job = get().job;
      if (job) await engineConnection().engine.session.cancel(job.id);
    },

    async searchUsers(query) {
      set({ userQuery: query });
      const request = ++searchRequest;
      const comparisonId = get().result?.comparisonId;
      const matches = comparisonId ? await engineConnection().engine.ratings.searchRatingUsers(comparisonId, query, 20) : null;
      if (request === searchRequest) set({ userMatches: matches?.ok ? matches.value : [] });
    },

    async pickUser(user) {
      set({ user, userQuery: user });
      await refreshPreview();
    },

    async pickAlgorithm(algorithm) {
      set({ algorithm });
      await refreshPreview();
    },

    async pickCompareWith(algorithm) {
      set({ compareWith: algorithm, comparePreview: null });
      await refreshPreview();
    },

    async pickItem(item) {
      const { algorithm, result: comparison } = get();
      if (!algorithm || !comparison) return;
      set({ item });
      const result = await engineConnection().engine.ratings.similarRatedItems(comparison.comparisonId, item, algorithm, 10);
      if (get().item !== item) return;
      set(result.ok ? { similar: result.value } : { similar: null, previewError: result.message });
    },

    async setMinRatings(n) {
      set({ minRatings: Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1 });
      await refreshPreview();
    },

    async exportTopN() {
      const { algorithm, result, minRatings } = get();
      if (!algorithm || !result) return;
      const csv = await engineConnection().engine.ratings.exportTopN(result.comparisonId, algorithm, 10, minRatings);
      if (csv.ok) saveBlob(`loupe-top10-${algorithm}.csv`, csv.value);
      else set({ previewError: csv.message });
    },
  };
});
