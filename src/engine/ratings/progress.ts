/**
 * Where each algorithm of a running comparison stands, with its time left from its own measured
 * folds (item kNN's folds are far slower than the baseline's, so one ETA for the job would lie).
 */
import type { AlgorithmProgress, RecommenderName } from './types';

export interface ComparisonTracker {
  /** The algorithm starts its folds. */
  start(name: RecommenderName): void;
  /** One of its folds (or the fit on all ratings) is done. */
  stepDone(name: RecommenderName): void;
  /** Fitted on all ratings: the preview can use it. */
  ready(name: RecommenderName): void;
  /** Every algorithm as it stands now (a copy, for a progress event). */
  snapshot(): AlgorithmProgress[];
}

/**
 * steps = folds (+ 1 for the fit on all ratings when the preview is on). The estimate is the mean
 * step time so far times the steps left, less the time already spent in the current step; before
 * its first step ends an algorithm has no estimate (null), rather than a guess from another one.
 */
export function comparisonTracker(names: RecommenderName[], folds: number, fitAll: boolean, now: () => number = () => performance.now()): ComparisonTracker {
  const steps = folds + (fitAll ? 1 : 0);
  const state = new Map<RecommenderName, { started: number; lastStep: number; done: number; status: AlgorithmProgress['status'] }>(
    names.map((n) => [n, { started: 0, lastStep: 0, done: 0, status: 'waiting' }]),
  );
  const get = (name: RecommenderName) => {
    const s = state.get(name);
    if (!s) throw new Error(`${name} is not in this comparison`);
    return s;
  };
  return {
    start(name) {
      const s = get(name);
      s.started = s.lastStep = now();
      s.status = 'running';
    },
    stepDone(name) {
      const s = get(name);
      s.done++;
      s.lastStep = now();
      if (s.done >= steps) s.status = fitAll ? 'ready' : 'scored';
    },
    ready(name) {
      get(name).status = 'ready';
    },
    snapshot() {
      const t = now();
      return names.map((algorithm) => {
        const s = get(algorithm);
        const running = s.status === 'running';
        const secondsLeft =
          running && s.done > 0 ? Math.max(0, (((s.lastStep - s.started) / s.done) * (steps - s.done) - (t - s.lastStep)) / 1000) : null;
        return {
          algorithm,
          status: s.status,
          foldsDone: Math.min(s.done, folds),
          folds,
          elapsedSeconds: s.status === 'waiting' ? 0 : ((running ? t : s.lastStep) - s.started) / 1000,
          secondsLeft,
        };
      });
    },
  };
}
