/**
 * The ratings comparison job: every chosen algorithm on the same split (k-fold or the latest
 * ratings of each user), RMSE/MAE and top-N metrics as means over folds, then each algorithm
 * fitted on all ratings for the preview.
 */
import {
  BEST_SPEC,
  DEFAULT_SPECS,
  FitCancelled,
  complementIndices,
  fitAlgorithmAsync,
  kFoldSplits,
  mae,
  predictAt,
  rmse,
  temporalSplit,
  topNMetricsAsync,
  type AlgorithmSpec,
  type RatingModel,
} from '../../core/recommend';
import type { Job } from '../jobs';
import { fail, ok, type Outcome } from '../outcome';
import type { MappedRatings } from './mapping';
import { previewContext, type PreviewContext } from './preview';
import { comparisonTracker } from './progress';
import type {
  AlgorithmScore,
  ComparisonFailure,
  ComparisonResult,
  ComparisonSetup,
  RecommenderName,
  RecommendProgress,
} from './types';

export const RECOMMENDER_LABELS: Record<RecommenderName, string> = {
  popularity: 'Popularity (damped mean)',
  baseline: 'Baseline (user + item bias)',
  'knn-user': 'User kNN (with means)',
  'knn-item': 'Item kNN (with means)',
  svd: 'SVD (matrix factorization)',
  best: 'SVD++ best',
};

/** MSD between two films that share one rater is 1.000; weigh it by support, as Surprise's default shrinkage of 100 does for pearson_baseline. */
export const SUPPORT_SHRINKAGE = 100;

/**
 * Neighbours kept per user or item. Every co-rated pair has a positive MSD, so keeping them all
 * is 8 bytes a pair: 0.53 GB on ml-latest-small's 9.7k films. The 200 most similar bound that at
 * 200 n (28 MB there) and moved 5-fold RMSE on ml-100k by under 0.0006 (item 0.9304 -> 0.9299,
 * user 0.9445 -> 0.9450); docs/BENCHMARKS.md has the measurement.
 */
export const NEIGHBOURS_KEPT = 200;

export function recommenderSpec(name: RecommenderName, seed = 0): AlgorithmSpec {
  switch (name) {
    case 'popularity':
      return DEFAULT_SPECS.popularity;
    case 'baseline':
      return DEFAULT_SPECS.baseline;
    case 'knn-user':
      return { ...DEFAULT_SPECS.knn, supportShrinkage: SUPPORT_SHRINKAGE, keep: NEIGHBOURS_KEPT };
    case 'knn-item':
      return { ...DEFAULT_SPECS.knn, userBased: false, supportShrinkage: SUPPORT_SHRINKAGE, keep: NEIGHBOURS_KEPT };
    case 'svd':
      return { ...DEFAULT_SPECS.svd, seed };
    case 'best':
      return { ...BEST_SPEC, seed } as AlgorithmSpec;
  }
}

export const TOP_K = 10;

/** This algorithm's time left, from its own folds so far (item kNN is far slower than the baseline). */
function timeLeft(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return ` · about ${s < 90 ? `${s} s` : `${Math.round(s / 60)} min`} left for it`;
}

/** What a finished comparison keeps for the preview: the models fitted on all ratings. */
export interface FittedComparison {
  result: Omit<ComparisonResult, 'comparisonId'>;
  preview: { ctx: PreviewContext; models: Map<RecommenderName, RatingModel> } | null;
}

export function relevantThreshold(m: MappedRatings): number {
  const { ratingMin, ratingMax } = m.data;
  // Relevant = rated 4 or more on a 1-5 scale; the same top share on other scales.
  return ratingMax <= 5 && ratingMax >= 4 ? 4 : ratingMin + 0.75 * (ratingMax - ratingMin);
}

/** How a running comparison shares its preview: its id in every progress, and the models as each is fitted. */
export interface LiveComparison {
  comparisonId: string;
  /** Called once, before the first fit, with the preview whose models map fills as algorithms get ready. */
  onPreview(preview: NonNullable<FittedComparison['preview']>): void;
  /** Test hook (`?recommendFoldDelayMs=N`): wait this long before each fold, so an e2e can act mid-comparison. */
  foldDelayMs?: number;
}

export async function compareRatings(m: MappedRatings, setup: ComparisonSetup, job: Job<RecommendProgress>, live?: LiveComparison): Promise<Outcome<FittedComparison, ComparisonFailure['reason']>> {
  if (setup.algorithms.length === 0) return fail('bad-input', 'Pick at least one algorithm to compare.');
  const data = m.data;
  const n = data.rating.length;
  let splits: { train: Int32Array; test: Int32Array }[];
  let splitLabel: string;
  if (setup.split.kind === 'kfold') {
    const folds = Math.floor(setup.split.folds);
    if (!(folds >= 2 && folds <= 20)) return fail('bad-input', 'Use between 2 and 20 folds.');
    if (n < folds * 2) return fail('bad-input', `${n} ratings are too few for ${folds} folds.`);
    splits = kFoldSplits(n, folds, setup.split.seed).map((test) => ({ train: complementIndices(n, test), test }));
    splitLabel = `${folds}-fold cross-validation (seed ${setup.split.seed})`;
  } else {
    const lastN = Math.max(1, Math.floor(setup.split.lastN));
    const split = temporalSplit(data, lastN);
    if (split.test.length === 0) return fail('bad-input', `No user has more than ${lastN} rating(s), so nothing can be held out. Use cross-validation instead.`);
    splits = [split];
    splitLabel = `last ${lastN} rating${lastN > 1 ? 's' : ''} of each user held out${data.timestamp ? ' (by time)' : ' (by row order: no timestamp column)'}`;
  }
  const seed = setup.split.kind === 'kfold' ? setup.split.seed : 0;
  const fitAll = setup.fitForPreview !== false;
  const steps = setup.algorithms.length * (splits.length + (fitAll ? 1 : 0));
  const threshold = relevantThreshold(m);
  let done = 0;
  const tracker = comparisonTracker(setup.algorithms, splits.length, fitAll);
  const report = (within: number, message: string, urgent = false) =>
    job.progress(
      {
        jobId: job.id,
        fraction: Math.min(1, (done + within) / steps),
        message,
        ...(live ? { comparisonId: live.comparisonId, ready: [...ready], algorithms: tracker.snapshot() } : {}),
      },
      urgent,
    );
  const signal = job.signal;
  // The long loops (item kNN's similarity matrix, top-N over every user) hand the event loop back
  // every YIELD_INTERVAL_MS through this, so a cancel lands within a second, not at the next fold.
  const pause = () => job.yield();
  const rows: AlgorithmScore[] = [];
  const ready: RecommenderName[] = [];
  const preview: FittedComparison['preview'] = fitAll ? { ctx: previewContext(m), models: new Map<RecommenderName, RatingModel>() } : null;
  if (preview) live?.onPreview(preview);
  try {
    for (const name of setup.algorithms) {
      const spec = recommenderSpec(name, seed);
      const label = RECOMMENDER_LABELS[name];
      const sums = { rmse: 0, mae: 0, precision: 0, recall: 0, ndcg: 0, map: 0, hitRate: 0, coverage: 0, fit: 0, predict: 0 };
      const started = performance.now();
      tracker.start(name);
      for (let f = 0; f < splits.length; f++) {
        const fold = splits.length > 1 ? `${label}: fold ${f + 1} of ${splits.length}` : label;
        // A live comparison shows each algorithm's time left on its own line; a bare call gets it in the message.
        const step = f > 0 && !live ? `${fold}${timeLeft(((performance.now() - started) / f) * (splits.length - f + (fitAll ? 1 : 0)))}` : fold;
        report(0, step, true);
        if (live?.foldDelayMs) await new Promise((r) => setTimeout(r, live.foldDelayMs));
        await job.yield(true);
        if (signal.aborted) throw new FitCancelled();
        const { train, test } = splits[f];
        const t0 = performance.now();
        const model = await fitAlgorithmAsync(spec, data, train, pause, { signal, onProgress: (x) => report(x * 0.8, step) });
        const t1 = performance.now();
        const predicted = predictAt(model, data, test);
        const t2 = performance.now();
        sums.rmse += rmse(data, test, predicted);
        sums.mae += mae(data, test, predicted);
        // Top-N scores every item for every test user: item kNN's slowest part on a big catalogue.
        const top = await topNMetricsAsync(model, data, train, test, TOP_K, threshold, pause, signal, (x) => report(0.8 + x * 0.2, step));
        sums.precision += top.precision;
        sums.recall += top.recall;
        sums.ndcg += top.ndcg;
        sums.map += top.map;
        sums.hitRate += top.hitRate;
        sums.coverage += top.coverage;
        sums.fit += (t1 - t0) / 1000;
        sums.predict += (t2 - t1) / 1000;
        done++;
        tracker.stepDone(name);
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
      if (preview) {
        // Fitted on all ratings right after its own folds: the preview opens with the first
        // (fast) algorithm while item kNN or SVD++ still runs.
        const step = `${label}: fitting on all ratings for the preview`;
        report(0, step, true);
        await job.yield(true);
        if (signal.aborted) throw new FitCancelled();
        preview.models.set(name, await fitAlgorithmAsync(spec, data, preview.ctx.all, pause, { signal, onProgress: (x) => report(x, step) }));
        ready.push(name);
        done++;
        tracker.stepDone(name);
        tracker.ready(name);
        report(0, `${label}: ready for the preview`, true);
      }
    }
  } catch (error) {
    if (error instanceof FitCancelled) return fail('cancelled', 'The comparison was cancelled. Earlier results are kept.');
    throw error;
  }
  report(0, 'Done', true);
  return ok({ result: { rows, splitLabel, k: TOP_K, relevantThreshold: threshold, summary: m.summary, previewable: fitAll ? setup.algorithms : [] }, preview });
}
