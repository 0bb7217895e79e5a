/**
 * Test-split binary metrics at any decision threshold: what the Evaluate slider shows and what the
 * exports write, so the screen and the files agree at every threshold.
 */
import { binaryMetricsTable, type BinaryMetricsTable } from '../metrics';
import type { Experiment } from './run';

/** Sorted once per run; the caller keeps it (the runs service caches one per run). */
export function testMetricsTable(run: Experiment): BinaryMetricsTable {
  const yTrue: number[] = [];
  const scores: number[] = [];
  for (let r = 0; r < run.splitOf.length; r++) {
    if (run.splitOf[r] === 3) {
      yTrue.push(run.y[r]);
      scores.push(run.scores[r]);
    }
  }
  return binaryMetricsTable(yTrue, scores);
}

/** A threshold from the page, or the run's own when none (or a non-number) is given. */
export function decisionThreshold(run: Experiment, threshold: number | undefined): number {
  return threshold !== undefined && Number.isFinite(threshold) ? Math.min(Math.max(threshold, 0), 1) : run.config.threshold;
}
