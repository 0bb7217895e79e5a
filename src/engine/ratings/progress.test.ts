import { describe, expect, it } from 'vitest';
import { comparisonTracker } from './progress';

describe('per-algorithm progress of a comparison', () => {
  it('estimates time left from the algorithm’s own steps, less the time into the current one', () => {
    let t = 0;
    const tracker = comparisonTracker(['baseline', 'knn-item'], 4, true, () => t);
    expect(tracker.snapshot().map((a) => a.status)).toEqual(['waiting', 'waiting']);
    tracker.start('baseline');
    t = 500;
    expect(tracker.snapshot()[0]).toMatchObject({ status: 'running', foldsDone: 0, secondsLeft: null });
    t = 1000;
    tracker.stepDone('baseline');
    // 1 s per step, 4 steps left (3 folds and the fit on all ratings).
    expect(tracker.snapshot()[0]).toMatchObject({ foldsDone: 1, secondsLeft: 4, elapsedSeconds: 1 });
    t = 1500;
    expect(tracker.snapshot()[0].secondsLeft).toBeCloseTo(3.5, 10);
    for (let k = 0; k < 4; k++) tracker.stepDone('baseline');
    tracker.ready('baseline');
    t = 2000;
    tracker.start('knn-item');
    t = 12_000;
    tracker.stepDone('knn-item');
    const [baseline, knn] = tracker.snapshot();
    expect(baseline).toMatchObject({ status: 'ready', foldsDone: 4, secondsLeft: null, elapsedSeconds: 1.5 });
    // Item kNN's estimate comes from its own 10 s fold, not from the baseline's.
    expect(knn).toMatchObject({ status: 'running', secondsLeft: 40 });
  });

  it('never goes below zero when a step runs over', () => {
    let t = 0;
    const tracker = comparisonTracker(['svd'], 2, false, () => t);
    tracker.start('svd');
    t = 1000;
    tracker.stepDone('svd');
    t = 5000;
    expect(tracker.snapshot()[0].secondsLeft).toBe(0);
    tracker.stepDone('svd');
    expect(tracker.snapshot()[0]).toMatchObject({ status: 'scored', secondsLeft: null });
  });
});
