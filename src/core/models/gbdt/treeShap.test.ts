/**
 * References: XGBoost 1.7.4's predict(pred_contribs=True) on the fixtures (made by
 * fixtures/make_xgboost.py; rerun with /usr/bin/python3 src/core/models/gbdt/fixtures/make_xgboost.py),
 * and brute-force Shapley values: v(S) by Lundberg's EXPVALUE recursion (a split on a feature in S
 * follows the row, any other split averages both children by cover), phi summed over all 2^6 subsets.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random';
import { childOf, forestMargins, type Forest, type Tree } from './forest';
import { groupShapValues, treeShap, treeShapGrouped } from './treeShap';
import { parseXgboostModel } from './xgboostJson';

interface Fixture {
  model: string;
  x: (number | null)[][];
  /** rows x 7, or rows x classes x 7 for multiclass; the last column is the bias. */
  contribs: number[][] | number[][][];
  probes?: { x: (number | null)[][]; contribs: number[][] };
}

const NAMES = ['binary', 'multiclass', 'regression', 'categorical'] as const;
const matrix = (rows: (number | null)[][]) => Float32Array.from(rows.flat(), (v) => (v === null ? NaN : v));

function load(name: string): { f: Fixture; forest: Forest } {
  const f = JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Fixture;
  const parsed = parseXgboostModel(f.model);
  if (!parsed.ok) throw new Error(parsed.message);
  return { f, forest: parsed.value.forest };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** XGBoost's contributions of one group, split into values (rows x columns) and the bias column. */
function xgboostContribs(rows: number[][], columns: number) {
  return { values: rows.flatMap((r) => r.slice(0, columns)), bias: rows.map((r) => r[columns]) };
}

describe('treeShap equals XGBoost pred_contribs', () => {
  for (const name of NAMES) {
    it(`on the ${name} fixture`, () => {
      const { f, forest } = load(name);
      const x = matrix(f.x);
      for (let g = 0; g < forest.groups; g++) {
        const rows = name === 'multiclass' ? (f.contribs as number[][][]).map((r) => r[g]) : (f.contribs as number[][]);
        const expected = xgboostContribs(rows, forest.features);
        const { base, values } = treeShap(forest, x, f.x.length, g);
        expect(maxDiff(values, expected.values)).toBeLessThan(1e-5);
        for (const bias of expected.bias) expect(Math.abs(base - bias)).toBeLessThan(1e-5);
      }
    });
  }

  it('on unseen, negative and missing category codes', () => {
    const { f, forest } = load('categorical');
    // Fractional codes are left out: XGBoost truncates them and forest.ts does not (reported).
    const keep = f.probes!.x.map((_, i) => i).filter((i) => f.probes!.x[i][5] === null || Number.isInteger(f.probes!.x[i][5]));
    const expected = xgboostContribs(keep.map((i) => f.probes!.contribs[i]), forest.features);
    const { values } = treeShap(forest, matrix(keep.map((i) => f.probes!.x[i])), keep.length, 0);
    expect(maxDiff(values, expected.values)).toBeLessThan(1e-5);
  });
});

describe('treeShap is additive', () => {
  for (const name of NAMES) {
    it(`base + sum of values = margin on the ${name} fixture`, () => {
      const { f, forest } = load(name);
      const x = matrix(f.x);
      const rows = f.x.length;
      const margins = forestMargins(forest, x, rows);
      for (let g = 0; g < forest.groups; g++) {
        const { base, values } = treeShap(forest, x, rows, g);
        const sums = Array.from({ length: rows }, (_, r) => base + values.subarray(r * 6, r * 6 + 6).reduce((a, b) => a + b, 0));
        // XGBoost's float32 covers do not sum exactly (a node's cover vs its children's).
        expect(maxDiff(sums, Array.from({ length: rows }, (_, r) => margins[r * forest.groups + g]))).toBeLessThan(1e-5);
      }
    });
  }
});

/** v(S): the expected margin of one tree when only the features in S (a bit mask) are known. */
function expectation(tree: Tree, node: number, x: Float32Array, offset: number, known: number): number {
  if (tree.left[node] < 0) return tree.threshold[node];
  const feature = tree.feature[node];
  if (known & (1 << feature)) return expectation(tree, childOf(tree, node, x[offset + feature]), x, offset, known);
  const l = tree.left[node];
  const r = tree.right[node];
  return (expectation(tree, l, x, offset, known) * tree.cover[l] + expectation(tree, r, x, offset, known) * tree.cover[r]) / tree.cover[node];
}

/** Shapley values by definition: phi_i = sum over S without i of |S|!(M-|S|-1)!/M! (v(S+i) - v(S)). */
function bruteForceShap(forest: Forest, x: Float32Array, row: number, group: number): Float64Array {
  const m = forest.features;
  const trees = forest.trees.filter((_, t) => forest.treeGroup[t] === group);
  const v = new Float64Array(1 << m);
  for (let s = 0; s < 1 << m; s++) for (const tree of trees) v[s] += expectation(tree, 0, x, row * m, s);
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  const phi = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let s = 0; s < 1 << m; s++) {
      if (s & (1 << i)) continue;
      let size = 0;
      for (let b = s; b; b >>= 1) size += b & 1;
      phi[i] += ((factorial(size) * factorial(m - size - 1)) / factorial(m)) * (v[s | (1 << i)] - v[s]);
    }
  }
  return phi;
}

/**
 * A complete tree of the given depth with random splits (some categorical on column 0), random
 * default directions and leaf covers; inner covers are the children's sums, as a trainer's are.
 */
function randomTree(random: ReturnType<typeof createRandom>, depth: number, features: number): Tree {
  const n = 2 ** (depth + 1) - 1;
  const inner = 2 ** depth - 1;
  const tree: Tree = {
    left: new Int32Array(n).fill(-1),
    right: new Int32Array(n).fill(-1),
    parent: new Int32Array(n).fill(-1),
    feature: new Int32Array(n),
    threshold: new Float32Array(n),
    defaultLeft: new Uint8Array(n),
    splitType: new Uint8Array(n),
    categories: Array.from({ length: n }, () => new Int32Array(0)),
    gain: new Float64Array(n),
    cover: new Float64Array(n),
    baseWeight: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    if (i < inner) {
      tree.left[i] = 2 * i + 1;
      tree.right[i] = 2 * i + 2;
      tree.parent[2 * i + 1] = tree.parent[2 * i + 2] = i;
      tree.feature[i] = random.int(features);
      tree.defaultLeft[i] = random.int(2);
      if (tree.feature[i] === 0 && random.next() < 0.5) {
        tree.splitType[i] = 1;
        tree.categories[i] = Int32Array.from([0, 1, 2, 3, 4].filter(() => random.next() < 0.5));
      } else tree.threshold[i] = random.normal() * 0.7;
    } else {
      tree.threshold[i] = random.normal() * 0.1;
      tree.cover[i] = 0.5 + 5 * random.next();
    }
  }
  for (let i = inner - 1; i >= 0; i--) tree.cover[i] = tree.cover[2 * i + 1] + tree.cover[2 * i + 2];
  return tree;
}

function randomForest(seed: number, trees: number, depth: number, features: number, groups = 1): Forest {
  const random = createRandom(seed);
  return {
    objective: groups > 1 ? 'multi:softprob' : 'binary:logistic',
    features,
    groups,
    trees: Array.from({ length: trees }, () => randomTree(random, depth, features)),
    treeGroup: Int32Array.from({ length: trees }, (_, t) => t % groups),
    baseMargin: 0.25,
  };
}

/** Rows with about 10% missing values; column 0 holds category codes 0..5. */
function randomRows(seed: number, rows: number, features: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: rows * features }, (_, i) =>
    random.next() < 0.1 ? NaN : i % features === 0 ? random.int(6) : random.normal(),
  );
}

describe('treeShap equals brute-force Shapley values', () => {
  it('on the binary fixture (6 features, missing values)', () => {
    const { f, forest } = load('binary');
    const x = matrix(f.x.slice(0, 25));
    const { values } = treeShap(forest, x, 25, 0);
    for (let r = 0; r < 25; r++) expect(maxDiff(values.subarray(r * 6, r * 6 + 6), bruteForceShap(forest, x, r, 0))).toBeLessThan(1e-9);
  });

  it('on the categorical fixture', () => {
    const { f, forest } = load('categorical');
    const x = matrix(f.x.slice(0, 25));
    const { values } = treeShap(forest, x, 25, 0);
    for (let r = 0; r < 25; r++) expect(maxDiff(values.subarray(r * 6, r * 6 + 6), bruteForceShap(forest, x, r, 0))).toBeLessThan(1e-9);
  });

  it('on deep random trees that split on the same feature many times along a path', () => {
    const forest = randomForest(7, 12, 6, 6, 2);
    const x = randomRows(8, 20, 6);
    for (let g = 0; g < 2; g++) {
      const { base, values } = treeShap(forest, x, 20, g);
      const margins = forestMargins(forest, x, 20);
      for (let r = 0; r < 20; r++) {
        const phi = values.subarray(r * 6, r * 6 + 6);
        expect(maxDiff(phi, bruteForceShap(forest, x, r, g))).toBeLessThan(1e-9);
        expect(Math.abs(base + phi.reduce((a, b) => a + b, 0) - margins[r * 2 + g])).toBeLessThan(1e-9);
      }
    }
  });
});

describe('grouped SHAP values', () => {
  it('sums model-matrix columns into their original features', () => {
    const forest = randomForest(3, 5, 4, 6);
    const x = randomRows(4, 10, 6);
    const groups = [0, 1, 1, 2, 2, 2];
    const { base, values } = treeShap(forest, x, 10, 0);
    const grouped = treeShapGrouped(forest, x, 10, 0, groups);
    expect(grouped.base).toBe(base);
    expect(grouped.values.length).toBe(30);
    for (let r = 0; r < 10; r++) {
      const v = values.subarray(r * 6, r * 6 + 6);
      expect(grouped.values[r * 3]).toBe(v[0]);
      expect(grouped.values[r * 3 + 1]).toBeCloseTo(v[1] + v[2], 12);
      expect(grouped.values[r * 3 + 2]).toBeCloseTo(v[3] + v[4] + v[5], 12);
    }
    expect(groupShapValues(values, 10, groups, 5).length).toBe(50);
    expect(() => groupShapValues(values, 9, groups)).toThrow(/54 values|60 values/);
  });
});

describe('treeShap at the issue\'s size', () => {
  // 1,000 rows x 50 features x 100 trees of depth 6; the issue asks for under 2 s (timed in the
  // bench, not here). This proves the size completes and stays additive.
  it('explains 1,000 rows x 50 features x 100 depth-6 trees', () => {
    const forest = randomForest(11, 100, 6, 50);
    const x = randomRows(12, 1000, 50);
    const { base, values } = treeShap(forest, x, 1000, 0);
    const margins = forestMargins(forest, x, 1000);
    for (const r of [0, 499, 999]) {
      const sum = values.subarray(r * 50, r * 50 + 50).reduce((a, b) => a + b, 0);
      expect(Math.abs(base + sum - margins[r])).toBeLessThan(1e-9);
    }
  });
});
