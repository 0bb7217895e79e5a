/**
 * Recommenders, owned by the engine: the mapped ratings, the comparison job (cross-validated
 * RMSE/MAE and top-N metrics per algorithm) and models fitted on all ratings for the preview.
 * The UI gets tables and short lists; ratings and models never leave the worker.
 */
import {
  BEST_SPEC,
  DEFAULT_SPECS,
  FitCancelled,
  complementIndices,
  fitAlgorithm,
  kFoldSplits,
  mae,
  predictAt,
  rmse,
  temporalSplit,
  topNMetrics,
  type AlgorithmSpec,
  type RatingModel,
} from '../core/recommend';
import type { Dataset, Result } from '../core/frame/types';
import { mapRatings, suggestMapping, type MappedRatings } from './recommendMapping';
import { history, previewContext, recommend, similar, topNCsv, type PreviewContext } from './recommendPreview';
import type {
  AlgorithmScore,
  ComparisonFailure,
  ComparisonResult,
  ComparisonSetup,
  MappingSuggestion,
  RatingsMapping,
  RatingsSummary,
  RecommenderName,
  SimilarItem,
  UserPreview,
} from './recommendTypes';

export const RECOMMENDER_LABELS: Record<RecommenderName, string> = {
  popularity: 'Popularity (damped mean)',
  baseline: 'Baseline (user + item bias)',
  'knn-user': 'User kNN (with means)',
  'knn-item': 'Item kNN (with means)',
  svd: 'SVD (matrix factorization)',
  best: 'SVD++ best',
};

export function recommenderSpec(name: RecommenderName, seed = 0): AlgorithmSpec {
  switch (name) {
    case 'popularity':
      return DEFAULT_SPECS.popularity;
    case 'baseline':
      return DEFAULT_SPECS.baseline;
    case 'knn-user':
      return DEFAULT_SPECS.knn;
    case 'knn-item':
      return { ...DEFAULT_SPECS.knn, userBased: false };
    case 'svd':
      return { ...DEFAULT_SPECS.svd, seed };
    case 'best':
      return { ...BEST_SPEC, seed } as AlgorithmSpec;
  }
}

const TOP_K = 10;
const PROGRESS_INTERVAL_MS = 200;
const HISTORY_SHOWN = 50;

type Failure = { message: string };
type Progress = (fraction: number, message: string) => void;

/** Lets the worker read messages (a cancel) between steps of a long synchronous job. */
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createRecommendService(datasetOf: (id: string) => Dataset | null) {
  // The last mapped ratings, reused while the mapping and the datasets behind it are unchanged.
  let current: { key: string; sources: (Dataset | null)[]; mapped: MappedRatings } | null = null;
  let preview: { ctx: PreviewContext; models: Map<RecommenderName, RatingModel> } | null = null;

  function mapped(mapping: RatingsMapping): Result<MappedRatings, Failure> {
    const key = JSON.stringify(mapping);
    const sources = [datasetOf(mapping.datasetId), mapping.details ? datasetOf(mapping.details.datasetId) : null];
    if (current?.key === key && current.sources.every((d, k) => d === sources[k])) return { ok: true, value: current.mapped };
    const result = mapRatings(mapping, datasetOf);
    if (result.ok) current = { key, sources, mapped: result.value };
    return result;
  }

  function relevantThreshold(m: MappedRatings): number {
    const { ratingMin, ratingMax } = m.data;
    // Relevant = rated 4 or more on a 1-5 scale; the same top share on other scales.
    return ratingMax <= 5 && ratingMax >= 4 ? 4 : ratingMin + 0.75 * (ratingMax - ratingMin);
  }

  function userIndex(user: string): number {
    return preview ? preview.ctx.mapped.data.users.indexOf(user) : -1;
  }

  return {
    suggest(datasetId: string, others: Dataset[]): Result<MappingSuggestion, Failure> {
      const ds = datasetOf(datasetId);
      if (!ds) return { ok: false, error: { message: 'That dataset is no longer loaded.' } };
      return suggestMapping(ds, others);
    },

    summarize(mapping: RatingsMapping): Result<RatingsSummary, Failure> {
      const result = mapped(mapping);
      return result.ok ? { ok: true, value: result.value.summary } : result;
    },

    async compare(mapping: RatingsMapping, setup: ComparisonSetup, signal: { readonly aborted: boolean }, onProgress: Progress): Promise<Result<ComparisonResult, ComparisonFailure>> {
      const built = mapped(mapping);
      if (!built.ok) return { ok: false, error: { reason: 'bad-input', message: built.error.message } };
      if (setup.algorithms.length === 0) return { ok: false, error: { reason: 'bad-input', message: 'Pick at least one algorithm to compare.' } };
      const m = built.value;
      const data = m.data;
      const n = data.rating.length;
      let splits: { train: Int32Array; test: Int32Array }[];
      let splitLabel: string;
      if (setup.split.kind === 'kfold') {
        const folds = Math.floor(setup.split.folds);
        if (!(folds >= 2 && folds <= 20)) return { ok: false, error: { reason: 'bad-input', message: 'Use between 2 and 20 folds.' } };
        if (n < folds * 2) return { ok: false, error: { reason: 'bad-input', message: `${n} ratings are too few for ${folds} folds.` } };
        splits = kFoldSplits(n, folds, setup.split.seed).map((test) => ({ train: complementIndices(n, test), test }));
        splitLabel = `${folds}-fold cross-validation (seed ${setup.split.seed})`;
      } else {
        const lastN = Math.max(1, Math.floor(setup.split.lastN));
        const split = temporalSplit(data, lastN);
        if (split.test.length === 0) return { ok: false, error: { reason: 'bad-input', message: `No user has more than ${lastN} rating(s), so nothing can be held out. Use cross-validation instead.` } };
        splits = [split];
        splitLabel = `last ${lastN} rating${lastN > 1 ? 's' : ''} of each user held out${data.timestamp ? ' (by time)' : ' (by row order: no timestamp column)'}`;
      }
      const seed = setup.split.kind === 'kfold' ? setup.split.seed : 0;
      const fitAll = setup.fitForPreview !== false;
      const steps = setup.algorithms.length * (splits.length + (fitAll ? 1 : 0));
      const threshold = relevantThreshold(m);
      let done = 0;
      let lastSent = 0;
      const report = (within: number, message: string, force = false) => {
        const now = Date.now();
        if (!force && now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        onProgress(Math.min(1, (done + within) / steps), message);
      };
      const rows: AlgorithmScore[] = [];
      const models = new Map<RecommenderName, RatingModel>();
      try {
        for (const name of setup.algorithms) {
          const spec = recommenderSpec(name, seed);
          const label = RECOMMENDER_LABELS[name];
          const sums = { rmse: 0, mae: 0, precision: 0, recall: 0, ndcg: 0, map: 0, hitRate: 0, coverage: 0, fit: 0, predict: 0 };
          for (let f = 0; f < splits.length; f++) {
            const step = splits.length > 1 ? `${label}: fold ${f + 1} of ${splits.length}` : label;
            report(0, step, true);
            await yieldToEvents();
            if (signal.aborted) throw new FitCancelled();
            const { train, test } = splits[f];
            const t0 = performance.now();
            const model = fitAlgorithm(spec, data, train, { signal, onProgress: (x) => report(x * 0.8, step) });
            const t1 = performance.now();
            const predicted = predictAt(model, data, test);
            const t2 = performance.now();
            sums.rmse += rmse(data, test, predicted);
            sums.mae += mae(data, test, predicted);
            const top = topNMetrics(model, data, train, test, TOP_K, threshold);
            sums.precision += top.precision;
            sums.recall += top.recall;
            sums.ndcg += top.ndcg;
            sums.map += top.map;
            sums.hitRate += top.hitRate;
            sums.coverage += top.coverage;
            sums.fit += (t1 - t0) / 1000;
            sums.predict += (t2 - t1) / 1000;
            done++;
          }
          const k = splits.length;
          rows.push({
            algorithm: name,
            label,
            rmse: sums.rmse / k,
            mae: sums.mae / k,
            precision: sums.precision / k,
            recall: sums.recall / k,
            ndcg: sums.ndcg / k,
            map: sums.map / k,
            hitRate: sums.hitRate / k,
            coverage: sums.coverage / k,
            fitSeconds: sums.fit,
            predictSeconds: sums.predict,
          });
        }
        if (fitAll) {
          const ctx = previewContext(m);
          for (const name of setup.algorithms) {
            const step = `${RECOMMENDER_LABELS[name]}: fitting on all ratings for the preview`;
            report(0, step, true);
            await yieldToEvents();
            if (signal.aborted) throw new FitCancelled();
            models.set(name, fitAlgorithm(recommenderSpec(name, seed), data, ctx.all, { signal, onProgress: (x) => report(x, step) }));
            done++;
          }
          preview = { ctx, models };
        }
      } catch (error) {
        if (error instanceof FitCancelled) return { ok: false, error: { reason: 'cancelled', message: 'The comparison was cancelled. Earlier results are kept.' } };
        throw error;
      }
      report(0, 'Done', true);
      return {
        ok: true,
        value: { rows, splitLabel, k: TOP_K, relevantThreshold: threshold, summary: m.summary, previewable: fitAll ? setup.algorithms : [] },
      };
    },

    /** User ids starting with query (case-insensitive), shortest first, at most limit. */
    searchUsers(query: string, limit = 20): string[] {
      if (!preview) return [];
      const q = query.trim().toLowerCase();
      const out: string[] = [];
      for (const id of preview.ctx.mapped.data.users) if (id.toLowerCase().startsWith(q)) out.push(id);
      return out.sort((a, b) => a.length - b.length || a.localeCompare(b, undefined, { numeric: true })).slice(0, Math.max(1, Math.min(limit, 100)));
    },

    userPreview(user: string, algorithm: RecommenderName, n = TOP_K): Result<UserPreview, Failure> {
      const model = preview?.models.get(algorithm);
      if (!preview || !model) return { ok: false, error: { message: 'Run "Compare algorithms" first: the preview uses the models it fits.' } };
      const u = userIndex(user);
      if (u < 0) return { ok: false, error: { message: `There is no user "${user}" in these ratings.` } };
      const past = history(preview.ctx, u);
      return {
        ok: true,
        value: { user, algorithm, history: past.slice(0, HISTORY_SHOWN), historyCount: past.length, top: recommend(preview.ctx, model, u, Math.max(1, Math.min(n, 100))) },
      };
    },

    similarItems(item: string, algorithm: RecommenderName, n = TOP_K): Result<SimilarItem[], Failure> {
      const model = preview?.models.get(algorithm);
      if (!preview || !model) return { ok: false, error: { message: 'Run "Compare algorithms" first: the preview uses the models it fits.' } };
      const i = preview.ctx.mapped.data.items.indexOf(item);
      if (i < 0) return { ok: false, error: { message: `There is no item "${item}" in these ratings.` } };
      return { ok: true, value: similar(preview.ctx, model, i, Math.max(1, Math.min(n, 100))) };
    },

    exportTopN(algorithm: RecommenderName, n = TOP_K): Result<string, Failure> {
      const model = preview?.models.get(algorithm);
      if (!preview || !model) return { ok: false, error: { message: 'Run "Compare algorithms" first: the export uses the models it fits.' } };
      return { ok: true, value: topNCsv(preview.ctx, model, Math.max(1, Math.min(n, 100))) };
    },

    /** Forget fitted models and mapped ratings (a dataset was removed). */
    clear(): void {
      current = null;
      preview = null;
    },
  };
}

export type RecommendService = ReturnType<typeof createRecommendService>;
