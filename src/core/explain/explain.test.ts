/**
 * Explaining real tfjs models through a fitted pipeline (grouped one-hot and missing-indicator
 * columns), on the cpu backend: linear SHAP against the w_j (z_j - E z_j) formula, additivity
 * of exact and kernel modes in probability space, what-if encoding, backgrounds, importance
 * and partial dependence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { runExperiment, DEFAULT_SPLIT, type Experiment, type ExperimentConfig } from '../experiment/run';
import type { Dataset } from '../frame/types';
import { defaultModelSpec, rankAuc, type ModelSpec } from '../models';
import { networkOf } from '../models/network/fitted';
import { linearWeights } from '../models/network/predict';
import { makeDataset } from '../prep/testUtils';
import { transform } from '../prep/transform';
import { createRandom } from '../random';
import { permutationImportance } from './importance';
import { partialDependence } from './dependence';
import { encodeEditedRow, encodeFeatureValues, rowFields } from './encode';
import { buildBackground, explainEncoded, type ExplainableRun, type ExplainOptions } from './explainer';

function churnLike(rows: number, seed: number): Dataset {
  const r = createRandom(seed);
  const colors = ['red', 'green', 'blue'];
  const tenure: number[] = [], spend: number[] = [], noise: number[] = [], color: string[] = [], y: string[] = [];
  for (let i = 0; i < rows; i++) {
    const t = r.normal(), s = r.normal(), c = r.int(3);
    tenure.push(t);
    spend.push(r.next() < 0.1 ? NaN : s);
    noise.push(r.normal());
    color.push(colors[c]);
    const logit = -0.5 - 1.5 * t + 0.8 * s + (c === 2 ? 1 : 0);
    y.push(r.next() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no');
  }
  return makeDataset({ tenure, spend, noise, color, churned: y });
}

const ds = churnLike(600, 3);
const config = (model: ModelSpec): ExperimentConfig => ({
  target: 'churned', task: 'binary', positiveClass: 'yes', features: ['tenure', 'spend', 'noise', 'color'], model, seed: 5, split: DEFAULT_SPLIT, threshold: 0.5,
});
const asRun = (e: Experiment): ExplainableRun => ({ pipeline: e.pipeline, model: e.model, task: e.config.task, classes: e.classes, splitOf: e.splitOf, y: e.y });
const options = (o: Partial<ExplainOptions>): ExplainOptions => ({ space: 'probability', method: 'auto', samples: 2048, backgroundSize: 20, backgroundKind: 'kmeans', classIndex: 1, seed: 1, ...o });
const sum = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0);

describe('explaining a logistic model', () => {
  let run: ExplainableRun;
  let exp: Experiment;
  const rowsToExplain = [0, 7, 42];

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const result = await runExperiment(ds, config({ ...defaultModelSpec('logistic', 'binary'), epochs: 30 }));
    if (!result.ok) throw new Error(result.error.message);
    exp = result.value;
    run = asRun(exp);
  }, 60_000);

  it('the pipeline groups several matrix columns per feature (so grouping is exercised)', async () => {
    expect(run.pipeline.groups.length).toBeGreaterThan(run.pipeline.features.length);
  });

  it('margin space: exact enumeration equals sum_j w_j (z_j - mean z_j) per original column to 1e-5', async () => {
    const bg = buildBackground(run, ds, 'stratified', 25, 2);
    const { weights } = linearWeights(networkOf(run.model)!)!;
    const cols = bg.cols;
    for (const row of rowsToExplain) {
      const z = transform(run.pipeline, ds.columns, Int32Array.of(row)).matrix;
      const expected = new Float64Array(run.pipeline.features.length);
      for (let j = 0; j < cols; j++) {
        let mean = 0;
        for (let b = 0; b < bg.rows; b++) mean += bg.weights[b] * bg.matrix[b * cols + j];
        expected[run.pipeline.groups[j]] += weights[j] * (z[j] - mean);
      }
      for (const method of ['exact', 'linear', 'kernel'] as const) {
        const a = await explainEncoded(run, bg, z, options({ space: 'margin', method }));
        a.values.forEach((v, g) => expect(Math.abs(v - expected[g]), `${method} feature ${g}`).toBeLessThan(1e-5));
        expect(Math.abs(a.base + sum(a.values) - a.output)).toBeLessThan(1e-5);
      }
    }
  });

  it('probability space: exact and kernel are additive to 1e-4 and explain the score the run shows', async () => {
    const bg = buildBackground(run, ds, 'kmeans', 20, 2);
    for (const row of rowsToExplain) {
      const z = transform(run.pipeline, ds.columns, Int32Array.of(row)).matrix;
      for (const method of ['exact', 'kernel'] as const) {
        const a = await explainEncoded(run, bg, z, options({ method, samples: 6 }));
        expect(Math.abs(a.base + sum(a.values) - a.output)).toBeLessThan(1e-4);
        expect(Math.abs(a.output - exp.scores[row])).toBeLessThan(1e-5);
      }
    }
  });

  it('the noise feature gets far less attribution than tenure', async () => {
    const bg = buildBackground(run, ds, 'kmeans', 20, 2);
    let tenure = 0, noise = 0;
    for (let row = 0; row < 40; row++) {
      const a = await explainEncoded(run, bg, transform(run.pipeline, ds.columns, Int32Array.of(row)).matrix, options({}));
      tenure += Math.abs(a.values[0]);
      noise += Math.abs(a.values[2]);
    }
    expect(noise).toBeLessThan(tenure / 4);
  });

  it('what-if encodes an edited row exactly as transform would read the edited file', async () => {
    const row = 3;
    const edited = encodeEditedRow(run.pipeline, ds, row, { color: 'blue', spend: null, tenure: '1.5' });
    if (!edited.ok) throw new Error(edited.message);
    const copy = makeDataset({ tenure: [1.5], spend: [NaN], noise: [(ds.columns[2] as { values: Float64Array }).values[row]], color: ['blue'] });
    const expected = transform(run.pipeline, copy.columns, null).matrix;
    expect(Array.from(edited.value)).toEqual(Array.from(expected));
    const bad = encodeEditedRow(run.pipeline, ds, row, { tenure: 'abc' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('not a number for tenure');
    const fields = rowFields(run.pipeline, ds, row);
    expect(fields.map((f) => f.name)).toEqual(['tenure', 'spend', 'noise', 'color']);
    expect(fields[3].options).toEqual(expect.arrayContaining(['red', 'green', 'blue']));
  });

  it('k-means background keeps one-hot columns one-hot and weights summing to 1; stratified keeps class shares', async () => {
    const bg = buildBackground(run, ds, 'kmeans', 10, 4);
    expect(Math.abs(sum(bg.weights) - 1)).toBeLessThan(1e-9);
    const colorCols = run.pipeline.groups.flatMap((g, c) => (g === 3 ? [c] : []));
    for (let b = 0; b < bg.rows; b++) expect(colorCols.reduce((s, c) => s + bg.matrix[b * bg.cols + c], 0)).toBe(1);
    const st = buildBackground(run, ds, 'stratified', 40, 4);
    expect(st.rows).toBe(40);
  });

  it('permutation importance ranks tenure above noise; partial dependence of tenure falls', async () => {
    const test: number[] = [];
    exp.splitOf.forEach((s, r) => s === 3 && test.push(r));
    const design = transform(run.pipeline, ds.columns, Int32Array.from(test));
    const labels = Float64Array.from(test, (r) => exp.y[r]);
    const result = await permutationImportance({
      matrix: design.matrix, rows: design.rows, cols: design.cols, groups: run.pipeline.groups, features: 4,
      predict: (x, n) => run.model.predict(x, n), metric: (p) => rankAuc(p, labels), higherIsBetter: true, width: 1, repeats: 3, seed: 1,
    });
    const [tenure, , noise] = result!.features;
    expect(tenure.mean).toBeGreaterThan(0.1);
    expect(Math.abs(noise.mean)).toBeLessThan(tenure.mean / 5);
    expect(tenure.low).toBeLessThanOrEqual(tenure.mean);
    const grid = encodeFeatureValues(run.pipeline, ds, 0, [-2, 0, 2]);
    if (!grid.ok) throw new Error(grid.message);
    const pd = await partialDependence({ matrix: design.matrix, rows: design.rows, cols: design.cols, columns: [0], encodedGrid: grid.value, gridSize: 3, f: (x, n) => run.model.predict(x, n), iceRows: 5 });
    expect(pd.average[0]).toBeGreaterThan(pd.average[1]);
    expect(pd.average[1]).toBeGreaterThan(pd.average[2]);
    expect(pd.ice).toHaveLength(5);
  });
});

describe('explaining an MLP with KernelSHAP', () => {
  it('is additive to 1e-4 with a sampled budget, with a stated uncertainty', async () => {
    await tf.setBackend('cpu');
    const mlp = { ...defaultModelSpec('mlp', 'binary'), hidden: [8], epochs: 3 } as ModelSpec;
    const result = await runExperiment(ds, config(mlp));
    if (!result.ok) throw new Error(result.error.message);
    const run = asRun(result.value);
    const bg = buildBackground(run, ds, 'kmeans', 10, 1);
    const z = transform(run.pipeline, ds.columns, Int32Array.of(5)).matrix;
    const a = await explainEncoded(run, bg, z, options({ method: 'kernel', samples: 8 }));
    expect(Math.abs(a.base + sum(a.values) - a.output)).toBeLessThan(1e-4);
    await expect(explainEncoded(run, bg, z, options({ space: 'margin' }))).rejects.toThrow(/needs a model with its own additive output/);
  }, 60_000);
});
