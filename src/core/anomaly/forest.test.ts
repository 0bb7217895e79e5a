/**
 * The isolation forest against scikit-learn 1.2.1's IsolationForest on a labelled fixture
 * (fixtures/make_outliers.py: 2,000 clustered inliers, 100 planted outliers, 6 features), plus
 * determinism, the contamination cut and the "why" of one obvious outlier.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rocCurve } from '../metrics';
import { load } from '../frame/testing';
import type { Dataset, NumberColumn } from '../frame/types';
import { createRandom } from '../random';
import summary from './fixtures/outliers.json';
import { averagePathLength, contaminationThreshold, fitIsolationForest, pathContributions, scoreAll } from './forest';
import { anomalyMatrix } from './matrix';
import { detectAnomalies } from './detect';

const fixture: Dataset = load(readFileSync(resolve(__dirname, 'fixtures/outliers.csv')), { name: 'outliers.csv' });
const FEATURES = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'];
const values = (name: string) => (fixture.columns.find((c) => c.name === name) as NumberColumn).values;
const labels = values('label');
const sklearnScores = values('sklearn_score');

function matrixOf(ds: Dataset, names: string[]) {
  const built = anomalyMatrix(ds, names);
  if (!built.ok) throw new Error(built.message);
  return built.value.matrix;
}

function ranks(x: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const out = new Float64Array(x.length);
  order.forEach((row, rank) => (out[row] = rank));
  return out;
}

function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ra = ranks(a), rb = ranks(b);
  const n = a.length, mean = (n - 1) / 2;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) ** 2;
    sbb += (rb[i] - mean) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('isolation forest against scikit-learn', () => {
  const matrix = matrixOf(fixture, FEATURES);

  test('c(n) is scikit-learn\'s average path length', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    // sklearn.ensemble._iforest._average_path_length([256]).
    expect(averagePathLength(256)).toBeCloseTo(10.244770920119917, 12);
  });

  test('ROC AUC on the planted outliers is within 0.01 of scikit-learn\'s', () => {
    expect(fixture.rowCount).toBe(summary.rows);
    // Both forests are random: compare Loupe's mean over 5 seeds with scikit-learn's over 10.
    const aucs = [1, 2, 3, 4, 5].map((seed) => rocCurve(labels, scoreAll(fitIsolationForest(matrix, { nTrees: 100, sampleSize: 256, seed }), matrix)).auc!);
    const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
    expect(Math.abs(mean - summary.aucMean)).toBeLessThan(0.01);
    // And each single seed lands in scikit-learn's own seed-to-seed range, give or take 0.01.
    for (const auc of aucs) {
      expect(auc).toBeGreaterThan(summary.aucMin - 0.01);
      expect(auc).toBeLessThan(summary.aucMax + 0.01);
    }
    // scikit-learn's committed scores give its committed AUC through Loupe's metric.
    expect(rocCurve(labels, sklearnScores).auc!).toBeCloseTo(summary.aucSeed0, 4);
  });

  test('scores rank rows as scikit-learn\'s do, on the same scale', () => {
    const scores = scoreAll(fitIsolationForest(matrix, { nTrees: 100, sampleSize: 256, seed: 42 }), matrix);
    expect(spearman(scores, sklearnScores)).toBeGreaterThan(0.95);
    const mean = (x: ArrayLike<number>) => Array.from(x).reduce((a, b) => a + b, 0) / x.length;
    expect(Math.abs(mean(scores) - mean(sklearnScores))).toBeLessThan(0.01);
  });

  test('contamination 5% flags the same count as IsolationForest(contamination=0.05)', async () => {
    const result = await detectAnomalies(fixture, { columns: FEATURES, nTrees: 100, sampleSize: 256, seed: 42, cut: { kind: 'contamination', share: 0.05 } });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.flagged).toBe(summary.flaggedAt5Percent);
    // sklearn's own scores cut by the same rule give its offset_.
    expect(-contaminationThreshold(Float64Array.from(sklearnScores), 0.05)).toBeCloseTo(summary.offsetAt5Percent, 6);
  });
});

describe('isolation forest behaviour', () => {
  /**
   * 500 rows of 3 features uniform in [0, 1), row 123 with b = 3. Uniform, not Gaussian: with 500
   * normal rows the tails' corners score as high as a single far value (scikit-learn agrees).
   */
  function planted(): Dataset {
    const random = createRandom(9);
    const lines = ['a,b,c'];
    for (let r = 0; r < 500; r++) lines.push([random.next(), r === 123 ? 3 : random.next(), random.next()].map((v) => v.toFixed(5)).join(','));
    return load(lines.join('\n'));
  }

  test('the same seed gives the same scores; another seed does not', () => {
    const matrix = matrixOf(fixture, FEATURES);
    const a = scoreAll(fitIsolationForest(matrix, { nTrees: 20, sampleSize: 128, seed: 5 }), matrix);
    const b = scoreAll(fitIsolationForest(matrix, { nTrees: 20, sampleSize: 128, seed: 5 }), matrix);
    const c = scoreAll(fitIsolationForest(matrix, { nTrees: 20, sampleSize: 128, seed: 6 }), matrix);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  test('one obvious outlier ranks first and its "why" names the feature that isolates it', () => {
    const ds = planted();
    const matrix = matrixOf(ds, ['a', 'b', 'c']);
    const forest = fitIsolationForest(matrix, { nTrees: 100, sampleSize: 256, seed: 1 });
    const scores = scoreAll(forest, matrix);
    const first = scores.indexOf(Math.max(...scores));
    expect(first).toBe(123);
    expect(scores[123]).toBeGreaterThan(0.62);
    const credit = pathContributions(forest, matrix, 123);
    expect(credit[1]).toBeGreaterThan(credit[0] + 1);
    expect(credit[1]).toBeGreaterThan(credit[2] + 1);
    // Credits telescope: they sum to c(ψ) (1 + log2 s).
    const sum = credit.reduce((x, y) => x + y, 0);
    expect(sum).toBeCloseTo(averagePathLength(256) * (1 + Math.log2(scores[123])), 9);
  });

  test('ψ is capped at the row count, depth at ceil(log2 ψ), and constant columns give leaves', () => {
    const ds = load('x,y\n' + Array.from({ length: 40 }, (_, i) => `${i % 7},1`).join('\n'));
    const matrix = matrixOf(ds, ['x', 'y']);
    const forest = fitIsolationForest(matrix, { nTrees: 3, sampleSize: 256, seed: 2 });
    expect(forest.sampleSize).toBe(40);
    // y is constant: no node splits on it.
    expect(Array.from(forest.feature).filter((f) => f === 1)).toEqual([]);
    const scores = scoreAll(forest, matrix);
    expect(scores.every((s) => s > 0 && s < 1)).toBe(true);
  });

  test('missing numbers take the median; ids and text are excluded with a reason; a bad setting is a message', async () => {
    const ds = load('id,amount,city,note\nu1,1,Paris,a b\nu2,,Rome,c d\nu3,5,Paris,e f\nu4,3,,g h\n');
    const built = anomalyMatrix(ds, ['id', 'amount', 'city']);
    if (!built.ok) throw new Error(built.message);
    expect(built.value.columns).toEqual([{ name: 'amount', use: 'number', filled: 1, fill: 3 }, { name: 'city', use: 'code', filled: 1 }]);
    expect(built.value.excluded.map((e) => e.name)).toEqual(['id']);
    expect(Array.from(built.value.matrix.data.subarray(2, 4))).toEqual([3, 1]);
    const bad = await detectAnomalies(ds, { columns: ['amount'], nTrees: 0, sampleSize: 256, seed: 1, cut: { kind: 'contamination', share: 0.1 } });
    expect(bad).toEqual({ ok: false, message: 'Number of trees must be a whole number from 1 to 1000.' });
    const none = await detectAnomalies(ds, { columns: ['id'], nTrees: 10, sampleSize: 256, seed: 1, cut: { kind: 'threshold', score: 0.6 } });
    expect(none.ok).toBe(false);
  });
});
