/**
 * The exported ONNX file scores raw rows (numbers with missing values, categories with missing
 * and unseen labels) as Loupe does: onnxruntime-node (CPU binary shipped in the npm package)
 * against the run's own scores, to 1e-5, for binary, multiclass and regression, logistic/linear and MLP,
 * and against Loupe's de-quantised forward pass for the float16 and int8 files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { tf } from '../../compute/tf';
import { runExperiment, type ExperimentConfig, type Experiment } from '../../experiment/run';
import { modelKind, type ModelSpec } from '../../models';
import { networkOf } from '../../models/network/fitted';
import { forwardPass, networkWeights } from '../../models/network/layers';
import { transform } from '../../prep';
import { makeDataset } from '../../prep/testUtils';
import { createRandom } from '../../random';
import { encodeModel } from './proto';
import { onnxModel, outputName } from './graph';
import { forestOnnxModel } from './trees';
import { datetimeParts } from './datetime';
import { GraphBuilder } from './graph';
import { DataType } from './proto';
import { datetimePart } from '../../prep/columnValues';
import type { DatetimePart } from '../../prep/types';
import { forestOf } from '../../models/gbdt/fitted';
import { onnxFeeds } from './feeds';
import { quantizeNetwork, type Precision } from '../quantize';
import type { Dataset } from '../../frame/types';
import { precisionOptions } from '../portable';
import { binaryMetrics } from '../../metrics';

const N = 240;
const COLORS = ['red', 'green', 'blue', 'teal', 'plum'];

/** Seeded rows: two numbers (one with missing values), a category with missing values and a boolean. */
function fixture(): { ds: Dataset; columns: Record<string, number[] | (string | null)[]> } {
  const r = createRandom(11);
  const a: number[] = [];
  const b: number[] = [];
  const color: (string | null)[] = [];
  const flag: number[] = [];
  const yBin: string[] = [];
  const yMulti: string[] = [];
  const yReg: number[] = [];
  for (let i = 0; i < N; i++) {
    const av = r.normal() * 3 + 10;
    const bv = r.normal();
    const ci = r.int(COLORS.length);
    const f = r.next() < 0.4 ? 1 : 0;
    a.push(i % 9 === 0 ? NaN : av);
    b.push(bv);
    color.push(i % 13 === 0 ? null : COLORS[ci]);
    flag.push(i % 17 === 0 ? NaN : f);
    const z = 0.6 * (av - 10) - 1.2 * bv + (ci - 2) * 0.8 + f + r.normal() * 0.5;
    yBin.push(z > 0 ? 'yes' : 'no');
    yMulti.push(z < -1 ? 'low' : z < 1 ? 'mid' : 'high');
    yReg.push(3 * z + 50);
  }
  const columns = { a, b, color, flag, yBin, yMulti, yReg };
  const ds = makeDataset({ a, b, color, flag: { kind: 'boolean', values: flag }, yBin, yMulti, yReg });
  return { ds, columns };
}

async function train(ds: Dataset, kind: string, target: string, task: ExperimentConfig['task'], hidden = [6, 4]): Promise<Experiment> {
  const def = modelKind(kind)!;
  const spec = { ...def.defaults(task), ...def.quickSettings, ...(kind === 'mlp' ? { hidden, activation: 'tanh' } : {}) } as ModelSpec;
  const config: ExperimentConfig = { target, task, positiveClass: task === 'binary' ? 'yes' : null, features: ['a', 'b', 'color', 'flag'], model: spec, seed: 3, split: { train: 0.6, val: 0.2, test: 0.2 }, threshold: 0.5 };
  const result = await runExperiment(ds, config);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function onnxScores(bytes: Uint8Array, feeds: ReturnType<typeof onnxFeeds>, rows: number, task: ExperimentConfig['task']): Promise<Float32Array> {
  // onnxruntime's default session options (all graph optimisations), as a user would run the file.
  const session = await ort.InferenceSession.create(bytes);
  const inputs: Record<string, ort.Tensor> = {};
  for (const [name, f] of Object.entries(feeds)) inputs[name] = f.type === 'string' ? new ort.Tensor('string', f.data, [rows, 1]) : new ort.Tensor(f.type, f.data, [rows, 1]);
  const out = await session.run(inputs);
  return out[outputName(task)].data as Float32Array;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const cases: [string, string, ExperimentConfig['task']][] = [
  ['logistic', 'yBin', 'binary'],
  ['mlp', 'yBin', 'binary'],
  ['logistic', 'yMulti', 'multiclass'],
  ['mlp', 'yMulti', 'multiclass'],
  ['linear', 'yReg', 'regression'],
  ['mlp', 'yReg', 'regression'],
];

describe('ONNX export', () => {
  const { ds } = fixture();
  const all = Int32Array.from({ length: N }, (_, i) => i);

  it.each(cases)('%s %s (%s): onnxruntime scores raw rows as Loupe does, to 1e-5', async (kind, target, task) => {
    const run = await train(ds, kind, target, task);
    const weights = networkWeights(networkOf(run.model)!);
    const bytes = encodeModel(onnxModel({ pipeline: run.pipeline, weights, precision: 'float32', classes: run.classes, target, modelKind: kind }));
    const scores = await onnxScores(bytes, onnxFeeds(run.pipeline, ds.columns, all), N, task);
    const tol = 1e-5;
    expect(maxDiff(scores, run.scores)).toBeLessThan(tol);
    // The plain forward pass over the read-off weights agrees with tfjs too.
    const design = transform(run.pipeline, ds.columns, null);
    expect(maxDiff(forwardPass(weights, design.matrix, N), run.scores)).toBeLessThan(tol);
    run.model.dispose();
  });

  it.each(['float16', 'int8'] as Precision[])('%s files score as Loupe de-quantised weights do, to 1e-5', async (precision) => {
    for (const [kind, target, task] of cases) {
      const run = await train(ds, kind, target, task);
      const weights = networkWeights(networkOf(run.model)!);
      const bytes = encodeModel(onnxModel({ pipeline: run.pipeline, weights, precision, classes: run.classes, target, modelKind: kind }));
      const scores = await onnxScores(bytes, onnxFeeds(run.pipeline, ds.columns, all), N, task);
      const design = transform(run.pipeline, ds.columns, null);
      const expected = forwardPass(quantizeNetwork(weights, precision).readBack, design.matrix, N);
      const tol = 1e-5;
      expect(maxDiff(scores, expected), `${kind} ${task}`).toBeLessThan(tol);
      run.model.dispose();
    }
  });

  it('an unseen category scores as "other", an empty label as missing', async () => {
    const run = await train(ds, 'logistic', 'yBin', 'binary');
    const weights = networkWeights(networkOf(run.model)!);
    const bytes = encodeModel(onnxModel({ pipeline: run.pipeline, weights, precision: 'float32', classes: run.classes, target: 'yBin', modelKind: 'logistic' }));
    const fresh = makeDataset({ a: [NaN, 12], b: [0.5, -1], color: ['mauve', null], flag: { kind: 'boolean', values: [1, NaN] } });
    const rows = Int32Array.of(0, 1);
    const scores = await onnxScores(bytes, onnxFeeds(run.pipeline, fresh.columns, rows), 2, 'binary');
    const loupe = await run.model.predict(transform(run.pipeline, fresh.columns, null).matrix, 2);
    expect(maxDiff(scores, loupe)).toBeLessThan(1e-5);
    run.model.dispose();
  });

  it('each precision says its file size and the test metrics of the weights it stores, computed', async () => {
    const run = await train(ds, 'mlp', 'yBin', 'binary', [64, 32]);
    const weights = networkWeights(networkOf(run.model)!);
    const testRows = Int32Array.from(all.filter((r) => run.splitOf[r] === 3));
    const yTest = Float64Array.from(testRows, (r) => run.y[r]);
    const portable = { pipeline: run.pipeline, scorer: { kind: 'network' as const, weights }, classes: run.classes, target: 'yBin', modelKind: 'mlp', task: 'binary' as const, threshold: 0.5, columns: ds.columns, testRows, yTest };
    const options = precisionOptions(portable);
    expect(options.map((o) => o.precision)).toEqual(['float32', 'float16', 'int8']);
    const [f32, f16, i8] = options;
    expect(f16.bytes).toBeLessThan(f32.bytes);
    expect(i8.bytes).toBeLessThan(f16.bytes);
    // float32 "before" is Loupe's own test AUC.
    const loupeAuc = binaryMetrics(yTest, Float64Array.from(testRows, (r) => run.scores[r]), 0.5).auc!;
    expect(f32.metrics[0].before).toBeCloseTo(loupeAuc, 6);
    expect(f32.metrics.every((m) => m.delta === 0)).toBe(true);
    // int8's numbers come from scoring the de-quantised weights again, independently here.
    const design = transform(run.pipeline, ds.columns, testRows);
    const scores = forwardPass(quantizeNetwork(weights, 'int8').readBack, design.matrix, design.rows);
    const expected = binaryMetrics(yTest, scores, 0.5);
    expect(i8.metrics[0].after).toBeCloseTo(expected.auc!, 12);
    expect(i8.metrics[2].after).toBeCloseTo(expected.logLoss, 12);
    expect(i8.metrics[2].delta).toBeCloseTo(expected.logLoss - f32.metrics[2].before, 12);
    expect(i8.maxScoreChange).toBeGreaterThan(0);
    expect(i8.maxScoreChange).toBeLessThan(0.05);
    run.model.dispose();
  });
});

describe('ONNX export of boosted trees', () => {
  const { ds } = fixture();
  const all = Int32Array.from({ length: N }, (_, i) => i);
  const trainTrees = async (target: string, task: ExperimentConfig['task'], categories: 'native' | 'one-hot') => {
    const def = modelKind('gbdt')!;
    const spec = { ...def.defaults(task), rounds: 30, maxDepth: 4, categories } as ModelSpec;
    const config: ExperimentConfig = { target, task, positiveClass: task === 'binary' ? 'yes' : null, features: ['a', 'b', 'color', 'flag'], model: spec, seed: 3, split: { train: 0.6, val: 0.2, test: 0.2 }, threshold: 0.5 };
    const result = await runExperiment(ds, config);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const treeCases: [string, ExperimentConfig['task'], 'native' | 'one-hot'][] = [
    ['yBin', 'binary', 'native'],
    ['yBin', 'binary', 'one-hot'],
    ['yMulti', 'multiclass', 'native'],
    ['yReg', 'regression', 'native'],
    ['yReg', 'regression', 'one-hot'],
  ];

  it.each(treeCases)('%s (%s, categories %s): onnxruntime scores raw rows as Loupe does', async (target, task, categories) => {
    const run = await trainTrees(target, task, categories);
    const forest = forestOf(run.model)!;
    if (categories === 'native') expect(forest.trees.some((t) => t.splitType.includes(1)), 'some split is categorical').toBe(true);
    const bytes = encodeModel(forestOnnxModel({ pipeline: run.pipeline, forest, classes: run.classes, target, modelKind: 'gbdt', task }));
    const scores = await onnxScores(bytes, onnxFeeds(run.pipeline, ds.columns, all), N, task);
    // Leaves are summed in float32 by onnxruntime, in float64 by Loupe: relative to the score's size.
    let worst = 0;
    for (let i = 0; i < scores.length; i++) worst = Math.max(worst, Math.abs(scores[i] - run.scores[i]) / Math.max(1, Math.abs(run.scores[i])));
    expect(worst).toBeLessThan(1e-5);
  });

  it('an unseen category, an empty label, NaN and Infinity score as Loupe scores them', async () => {
    const run = await trainTrees('yBin', 'binary', 'native');
    const forest = forestOf(run.model)!;
    const bytes = encodeModel(forestOnnxModel({ pipeline: run.pipeline, forest, classes: run.classes, target: 'yBin', modelKind: 'gbdt', task: 'binary' }));
    const fresh = makeDataset({ a: [NaN, 12, Infinity], b: [0.5, -1, NaN], color: ['mauve', null, 'teal'], flag: { kind: 'boolean', values: [1, NaN, 0] } });
    const rows = Int32Array.of(0, 1, 2);
    const scores = await onnxScores(bytes, onnxFeeds(run.pipeline, fresh.columns, rows), 3, 'binary');
    const loupe = await run.model.predict(transform(run.pipeline, fresh.columns, null).matrix, 3);
    expect(maxDiff(scores, loupe)).toBeLessThan(1e-6);
  });
});

describe('ONNX export of dates', () => {
  const PARTS: DatetimePart[] = ['year', 'month', 'dayOfWeek', 'hour', 'days'];

  it('calendar parts in ONNX ops equal the UTC parts Loupe computes, for every kind of date', async () => {
    // Around leap days, year ends, 1900 and 2100 (not leap), 2000 (leap), before 1970, every hour.
    const ms: number[] = [0, -1, 951_782_400_000, 951_868_799_999, 4_107_456_000_000, -2_203_891_200_000, -62_135_596_800_000, 253_402_300_799_999];
    const r = createRandom(5);
    for (let i = 0; i < 3000; i++) ms.push(Math.round((r.next() * 2 - 1) * 4e12));
    const g = new GraphBuilder();
    const outputs = datetimeParts(g, 'ms', PARTS);
    PARTS.forEach((p, i) => g.nodes.push({ op: 'Identity', inputs: [outputs[i]], outputs: [p] }));
    const model = {
      producer: 'test', producerVersion: '1', doc: '', metadata: {},
      opsets: [{ domain: '', version: 17 }],
      graph: { name: 'parts', nodes: g.nodes, initializers: g.initializers, inputs: [{ name: 'ms', type: DataType.DOUBLE, shape: ['N', 1] }], outputs: PARTS.map((p) => ({ name: p, type: DataType.DOUBLE, shape: ['N', 1] })) },
    };
    const session = await ort.InferenceSession.create(encodeModel(model));
    const out = await session.run({ ms: new ort.Tensor('float64', Float64Array.from(ms), [ms.length, 1]) });
    for (const p of PARTS) {
      const got = out[p].data as Float64Array;
      ms.forEach((v, i) => {
        if (got[i] !== datetimePart(v, p)) throw new Error(`${p} of ${new Date(v).toISOString()}: ${got[i]} vs ${datetimePart(v, p)}`);
      });
    }
  });

  /** Rows with a date (some missing) that matters to the label, a number and a category. */
  function dated() {
    const r = createRandom(21);
    const when: number[] = [];
    const x: number[] = [];
    const kind: (string | null)[] = [];
    const y: string[] = [];
    for (let i = 0; i < 300; i++) {
      const t = Date.UTC(2019, 0, 1) + Math.floor(r.next() * 4 * 365 * 86_400_000);
      const d = new Date(t);
      when.push(i % 11 === 0 ? NaN : t);
      x.push(r.normal());
      kind.push(i % 7 === 0 ? null : ['a', 'b', 'c'][r.int(3)]);
      y.push((d.getUTCMonth() >= 6 ? 1 : -1) + 0.3 * (d.getUTCFullYear() - 2020) + x[i] + (d.getUTCHours() > 12 ? 0.5 : 0) + r.normal() * 0.3 > 0 ? 'yes' : 'no');
    }
    return makeDataset({ when: { kind: 'datetime', values: when }, x, kind, y });
  }

  it.each(['logistic', 'gbdt'])('%s with a date feature: onnxruntime scores raw rows as Loupe does, missing dates too', async (kind) => {
    const ds = dated();
    const def = modelKind(kind)!;
    const spec = { ...def.defaults('binary'), ...def.quickSettings, ...(kind === 'gbdt' ? { rounds: 30, maxDepth: 4 } : {}) } as ModelSpec;
    const config: ExperimentConfig = { target: 'y', task: 'binary', positiveClass: 'yes', features: ['when', 'x', 'kind'], model: spec, seed: 3, split: { train: 0.6, val: 0.2, test: 0.2 }, threshold: 0.5 };
    const result = await runExperiment(ds, config);
    if (!result.ok) throw new Error(result.error.message);
    const run = result.value;
    expect(run.pipeline.features.find((f) => f.kind === 'datetime')).toBeDefined();
    const bytes =
      kind === 'gbdt'
        ? encodeModel(forestOnnxModel({ pipeline: run.pipeline, forest: forestOf(run.model)!, classes: run.classes, target: 'y', modelKind: kind, task: 'binary' }))
        : encodeModel(onnxModel({ pipeline: run.pipeline, weights: networkWeights(networkOf(run.model)!), precision: 'float32', classes: run.classes, target: 'y', modelKind: kind }));
    const rows = Int32Array.from({ length: 300 }, (_, i) => i);
    const scores = await onnxScores(bytes, onnxFeeds(run.pipeline, ds.columns, rows), 300, 'binary');
    expect(maxDiff(scores, run.scores)).toBeLessThan(1e-5);
    run.model.dispose();
  });
});
