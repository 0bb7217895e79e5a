/**
 * The trainer against XGBoost 1.7.4 on the fixtures make_xgboost.py wrote (same rows, same
 * settings: hist, eta 0.3, the fixture's max_depth and rounds, lambda 1, min_child_weight 1).
 * Bins differ (XGBoost sketches quantiles, Loupe takes them by rank) and XGBoost starts from
 * base_score 0.5, so trees are not identical; the fit must be as good: training AUC, accuracy and
 * RMSE within a stated margin of XGBoost's own on the same rows.
 */
import { describe, expect, it } from 'vitest';
import { rankAuc } from '../validation';
import { boost, type BoostSettings } from './boost';
import { gbdtKind } from '.';
import { forestMargins, forestPredict } from './forest';
import binary from './fixtures/binary.json';
import multiclass from './fixtures/multiclass.json';
import regression from './fixtures/regression.json';
import categoricalFixture from './fixtures/categorical.json';
import type { FitData, TaskKind } from '../kind';

interface Fixture {
  params: { eta: number; max_depth: number };
  rounds: number;
  x: (number | null)[][];
  y: number[];
  margin: number[] | number[][];
  predict: number[] | number[][];
}

/** The kind's XGBoost defaults, with the fixture's rounds, eta and depth and early stopping off. */
const settings = (f: Fixture, over: Partial<BoostSettings> = {}): BoostSettings => ({
  ...gbdtKind.defaults('binary'),
  rounds: f.rounds,
  learningRate: f.params.eta,
  maxDepth: f.params.max_depth,
  earlyStoppingRounds: 0,
  maxCategoriesPerSplit: 32,
  ...over,
});

function dataOf(f: Fixture, task: TaskKind, classes: number): FitData {
  const cols = f.x[0].length;
  const x = Float32Array.from(f.x.flat(), (v) => (v === null ? NaN : v));
  const y = Float32Array.from(f.y);
  const empty = { x: new Float32Array(0), y: new Float32Array(0), rows: 0, cols };
  return { task, classes, train: { x, y, rows: f.y.length, cols }, val: empty, seed: 1 };
}

const categorical = (cols: number) => new Array<boolean>(cols).fill(false);

describe('histogram boosting fits as well as XGBoost on the same rows', () => {
  it('binary: training AUC within 0.01 of XGBoost’s, scores that rank alike', async () => {
    const f = binary as unknown as Fixture;
    const data = dataOf(f, 'binary', 2);
    const r = await boost(data, settings(f), categorical(data.train.cols), {});
    if (!r.ok) throw new Error(r.message);
    const ours = forestPredict(r.forest, data.train.x, data.train.rows);
    const theirs = f.predict as number[];
    expect(rankAuc(ours, data.train.y)).toBeGreaterThan(rankAuc(theirs, data.train.y) - 0.01);
    expect(r.forest.trees).toHaveLength(f.rounds);
    expect(r.history).toHaveLength(f.rounds);
    // The training loss falls round after round.
    expect(r.history.at(-1)!.trainLoss).toBeLessThan(r.history[0].trainLoss);
  });

  it('multiclass (softmax, a tree per class per round): training accuracy within 0.02 of XGBoost’s', async () => {
    const f = multiclass as unknown as Fixture;
    const data = dataOf(f, 'multiclass', 3);
    const r = await boost(data, settings(f), categorical(data.train.cols), {});
    if (!r.ok) throw new Error(r.message);
    expect(r.forest.trees).toHaveLength(3 * f.rounds);
    const p = forestPredict(r.forest, data.train.x, data.train.rows);
    const argmax = (row: ArrayLike<number>) => Array.from(row).indexOf(Math.max(...Array.from(row)));
    const acc = (pred: (i: number) => number) => f.y.filter((y, i) => pred(i) === y).length / f.y.length;
    const ours = acc((i) => argmax(p.subarray(i * 3, i * 3 + 3)));
    const theirs = acc((i) => argmax((f.predict as number[][])[i]));
    expect(ours).toBeGreaterThan(theirs - 0.02);
    for (let i = 0; i < 5; i++) expect(p[i * 3] + p[i * 3 + 1] + p[i * 3 + 2]).toBeCloseTo(1, 12);
  });

  it('regression (squared error): training RMSE within 5% of XGBoost’s', async () => {
    const f = regression as unknown as Fixture;
    const data = dataOf(f, 'regression', 1);
    const r = await boost(data, settings(f), categorical(data.train.cols), {});
    if (!r.ok) throw new Error(r.message);
    const rmse = (pred: ArrayLike<number>) => Math.sqrt(f.y.reduce((s, y, i) => s + (pred[i] - y) ** 2, 0) / f.y.length);
    const ours = rmse(forestMargins(r.forest, data.train.x, data.train.rows));
    expect(ours).toBeLessThan(rmse(f.predict as number[]) * 1.05);
  });

  it('missing values learn a default direction; the same seed gives the same forest', async () => {
    const f = binary as unknown as Fixture;
    const data = dataOf(f, 'binary', 2);
    const a = await boost(data, settings(f, { subsample: 0.7, colsample: 0.5 }), categorical(data.train.cols), {});
    const b = await boost(data, settings(f, { subsample: 0.7, colsample: 0.5 }), categorical(data.train.cols), {});
    if (!a.ok || !b.ok) throw new Error('fit failed');
    expect(forestMargins(a.forest, data.train.x, data.train.rows)).toEqual(forestMargins(b.forest, data.train.x, data.train.rows));
    expect(a.forest.trees.some((t) => t.defaultLeft.some((d, n) => d === 1 && t.left[n] >= 0))).toBe(true);
  });

  it('early stopping keeps the best validation round and says so', async () => {
    const f = binary as unknown as Fixture;
    const full = dataOf(f, 'binary', 2);
    const cols = full.train.cols;
    const cut = 200;
    const part = (from: number, to: number) => ({ x: full.train.x.slice(from * cols, to * cols), y: full.train.y.slice(from, to), rows: to - from, cols });
    const data = { ...full, train: part(0, cut), val: part(cut, 300) };
    const r = await boost(data, settings(f, { rounds: 200, learningRate: 0.5, maxDepth: 6, earlyStoppingRounds: 5 }), categorical(cols), {});
    if (!r.ok) throw new Error(r.message);
    expect(r.stoppedEarly).toBe(true);
    const best = r.history[r.bestStep - 1];
    expect(r.history.every((s) => s.valLoss >= best.valLoss)).toBe(true);
    expect(r.forest.trees).toHaveLength(r.bestStep);
    expect(r.history.length).toBe(r.bestStep + 5);
  });

  it('native categorical splits (the last column holds category codes): as good as XGBoost’s with enable_categorical', async () => {
    const f = categoricalFixture as unknown as Fixture;
    const data = dataOf(f, 'binary', 2);
    const cols = data.train.cols;
    const kinds = [...categorical(cols - 1), true];
    const r = await boost(data, settings(f), kinds, {});
    if (!r.ok) throw new Error(r.message);
    const split = r.forest.trees.flatMap((t) => Array.from(t.splitType, (type, n) => ({ type, n, t }))).find((s) => s.type === 1);
    expect(split, 'some tree splits the categorical column natively').toBeDefined();
    expect(split!.t.feature[split!.n]).toBe(cols - 1);
    expect(split!.t.categories[split!.n].length).toBeGreaterThan(0);
    const ours = forestPredict(r.forest, data.train.x, data.train.rows);
    expect(rankAuc(ours, data.train.y)).toBeGreaterThan(rankAuc(f.predict as number[], data.train.y) - 0.01);
  });

  it('cancel stops between trees', async () => {
    const f = binary as unknown as Fixture;
    const data = dataOf(f, 'binary', 2);
    const signal = { aborted: false };
    const r = await boost(data, settings(f, { rounds: 50 }), categorical(data.train.cols), { signal, onStep: (s) => (signal.aborted = s.step === 2) });
    expect(r).toMatchObject({ ok: false, reason: 'cancelled' });
  });
});
