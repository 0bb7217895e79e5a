/**
 * The boosting loop: bin once, then per round compute gradients from the current margins, grow one
 * tree per output group on a row and column sample, and add its leaves to the training and
 * validation margins. Early stopping watches the validation loss and keeps the best round's trees.
 */
import { createRandom, shuffledIndices, type Random } from '../../random';
import { createEarlyStopping } from '../earlyStopping';
import type { FitControl, FitData, FitFailure, TrainingStep } from '../kind';
import type { HistogramHelpers } from './parallel';
import { evaluateOutputs, metricNameFor } from '../validation';
import { binFeatures, binLike, MAX_BINS } from './bins';
import { forestMargins, type Forest, type Tree } from './forest';
import { addTreeToMargins, growTree } from './grow';
import { createHistogramPool } from './split';
import type { GbdtSpec } from './spec';
import { baseMarginOf, gradients, meanLoss, objectiveFor } from './objectives';

/** The kind's settings the loop reads ('categories' only chose the pipeline's encoding), and the split cap. */
export type BoostSettings = Omit<GbdtSpec, 'kind' | 'categories'> & { maxCategoriesPerSplit: number };

export type BoostOutcome = { ok: true; forest: Forest; history: TrainingStep[]; stoppedEarly: boolean; bestStep: number } | FitFailure;

/** Per-row weights: the run's sample weights, times scale_pos_weight on positives. */
function rowWeights(data: FitData, scalePosWeight: number): Float32Array | null {
  const { train, task } = data;
  if (!train.weights && (task !== 'binary' || scalePosWeight === 1)) return null;
  const w = train.weights ? Float32Array.from(train.weights) : new Float32Array(train.rows).fill(1);
  if (task === 'binary' && scalePosWeight !== 1) for (let r = 0; r < train.rows; r++) if (train.y[r] === 1) w[r] *= scalePosWeight;
  return w;
}

/** The round's rows: all of them, or a seeded sample of floor(n * subsample) (at least one). */
function sampleRows(rows: Int32Array, n: number, subsample: number, random: Random): number {
  if (subsample >= 1) {
    for (let i = 0; i < n; i++) rows[i] = i;
    return n;
  }
  const order = shuffledIndices(n, random);
  const count = Math.max(1, Math.floor(n * subsample));
  rows.set(order.subarray(0, count));
  return count;
}

/** The features a tree may split on: all, or a seeded sample of ceil(F * colsample). */
function sampleFeatures(features: number, colsample: number, random: Random): Int32Array {
  if (colsample >= 1) return Int32Array.from({ length: features }, (_, f) => f);
  const order = shuffledIndices(features, random);
  return Int32Array.from(order.subarray(0, Math.max(1, Math.ceil(features * colsample)))).sort();
}

/**
 * `start`: an online update (FittedModel.partialFit) adds rounds to this forest, from its margins
 * on the new rows; its base margin and trees are kept as they are, and the new rows are binned on
 * their own (a tree's thresholds are raw values, so bins need not match the first fit's).
 */
export async function boost(data: FitData, s: BoostSettings, categorical: boolean[], control: FitControl, helpers: HistogramHelpers | null = null, start: Forest | null = null): Promise<BoostOutcome> {
  const { train, val, task } = data;
  const objective = objectiveFor(task);
  const groups = task === 'multiclass' ? data.classes : 1;
  const random = createRandom(data.seed);
  const weights = rowWeights(data, s.scalePosWeight);
  const maxBins = Math.min(MAX_BINS, s.maxBins);
  // With helper threads, what they read lives in shared memory.
  const allocate = helpers ? (bytes: number) => helpers.allocate(bytes) : (bytes: number) => new ArrayBuffer(bytes);
  const binned = binFeatures(train.x, train.rows, train.cols, categorical, maxBins, allocate);
  const valBinned = val.rows > 0 ? binLike(binned, val.x, val.rows) : null;
  const baseMargin = start ? start.baseMargin : baseMarginOf(objective, train.y, weights);
  const margins = start ? forestMargins(start, train.x, train.rows) : new Float64Array(train.rows * groups).fill(baseMargin);
  const valMargins = start ? forestMargins(start, val.x, val.rows) : new Float64Array(val.rows * groups).fill(baseMargin);
  const g = new Float64Array(train.rows * groups);
  const h = new Float64Array(train.rows * groups);
  const gc = new Float64Array(allocate(train.rows * 8));
  const hc = new Float64Array(allocate(train.rows * 8));
  const rows = new Int32Array(allocate(train.rows * 4));
  helpers?.attach({ bins: binned.bins, g: gc, h: hc, rows, slots: binned.slots, features: train.cols });
  try {
    return await rounds();
  } finally {
    helpers?.detach();
  }

  /** The rounds themselves, inside the helpers' attach and detach. */
  async function rounds(): Promise<BoostOutcome> {
    const rules = { ...s, maxCategoriesPerSplit: s.maxCategoriesPerSplit };
    const pool = createHistogramPool(binned);
    const trees: Tree[] = start ? [...start.trees] : [];
    const treeGroup: number[] = start ? Array.from(start.treeGroup) : [];
    const history: TrainingStep[] = [];
    const patience = valBinned ? s.earlyStoppingRounds : 0;
    const stopping = createEarlyStopping<number>(patience);
    const aborted = () => control.signal?.aborted === true;
    const started = performance.now();
    let stoppedEarly = false;

    for (let round = 1; round <= s.rounds; round++) {
      const roundStart = performance.now();
      gradients(objective, margins, train.y, weights, groups, g, h);
      const count = sampleRows(rows, train.rows, s.subsample, random);
      const use = sampleFeatures(train.cols, s.colsample, random);
      for (let c = 0; c < groups; c++) {
        if (aborted()) return { ok: false, reason: 'cancelled', message: `Training was cancelled during round ${round}.` };
        // This group's gradients, in the arrays the helpers share.
        for (let r = 0; r < train.rows; r++) {
          gc[r] = g[r * groups + c];
          hc[r] = h[r * groups + c];
        }
        const grown = growTree(binned, gc, hc, rows, count, use, rules, pool, aborted, helpers);
        if (aborted()) return { ok: false, reason: 'cancelled', message: `Training was cancelled during round ${round}.` };
        addTreeToMargins(grown, binned, margins, groups, c);
        if (valBinned) addTreeToMargins(grown, valBinned, valMargins, groups, c);
        trees.push(grown.tree);
        treeGroup.push(c);
      }
      const trainLoss = meanLoss(objective, margins, train.y, groups);
      const v = valBinned ? evaluateOutputs(task, valMargins, val.y, groups, 1) : { loss: NaN, metric: NaN };
      if (!Number.isFinite(trainLoss)) return { ok: false, reason: 'nan-loss', message: `Training diverged: the loss became ${trainLoss} in round ${round}. Try a lower learning rate.` };
      const step: TrainingStep = {
        step: round,
        trainLoss,
        valLoss: v.loss,
        valMetric: v.metric,
        metricName: metricNameFor(task),
        elapsedMs: performance.now() - started,
        samplesPerSecond: count / Math.max((performance.now() - roundStart) / 1000, 1e-9),
      };
      history.push(step);
      control.onStep?.(step);
      if (stopping.observe(round, v.loss, () => trees.length) === 'stop') {
        stoppedEarly = true;
        break;
      }
      // Let a cancel message (or any other worker message) in once per round.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const best = stopping.best();
    const bestStep = best.snapshot !== null ? best.step : history.length;
    const kept = best.snapshot ?? trees.length;
    // An update's rounds are counted from its start; early stopping's snapshot counts trees, which include the start's.
    const forest: Forest = { objective, features: train.cols, groups, trees: trees.slice(0, kept), treeGroup: Int32Array.from(treeGroup.slice(0, kept)), baseMargin };
    return { ok: true, forest, history, stoppedEarly, bestStep };
  }
}
