import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { switchBackend, type BackendName } from '../../compute/backends';
import { tf } from '../../compute/tf';
import { logisticKind } from '../logistic';
import { linearKind } from '../linear';
import { mlpKind } from '../mlp';
import { loadModel, saveModel, type ModelArtifactsFiles } from './persist';
import { disposeModel, predict } from './predict';
import { blobs, linearTarget } from '../testData';
import { trainModel } from './train';
import type { NetworkSpec, TaskKind, TrainingData } from './types';

/**
 * A fixed trained model gives the same predictions on every backend. Each model is trained once,
 * on cpu with a fixed seed, saved as tfjs artifacts, then loaded and run on each backend: only
 * the forward pass differs, so float32 kernels must agree within TOLERANCE.
 * (backends.conformance.test.ts checks the looser property that training itself is portable.)
 */
const TOLERANCE = 1e-4;

/** Backends checked here, and the ones skipped with why, as tfjs's setup_test.ts lists them. */
const BACKENDS: BackendName[] = ['cpu', 'wasm'];
const SKIPPED: { backend: BackendName; reason: string }[] = [
  { backend: 'webgpu', reason: 'no navigator.gpu in Node; covered by the Playwright WebGPU smoke test' },
  { backend: 'webgl', reason: 'needs a DOM or OffscreenCanvas WebGL2 context, which Node lacks' },
];

interface Case {
  name: string;
  task: TaskKind;
  classes: number;
  spec: NetworkSpec;
  train: TrainingData;
  /** Rows the predictions are compared on: held out, so scores are spread, not saturated. */
  probe: TrainingData;
}

const mlp = (over: Partial<NetworkSpec>): NetworkSpec => ({ ...mlpKind.defaults('binary'), epochs: 5, earlyStoppingPatience: 0, ...over }) as NetworkSpec;

const CASES: Case[] = [
  { name: 'logistic, binary', task: 'binary', classes: 2, spec: { ...logisticKind.defaults('binary'), epochs: 5 }, train: blobs(300, 6, 2, 1), probe: blobs(200, 6, 2, 2) },
  { name: 'logistic (softmax), 4 classes', task: 'multiclass', classes: 4, spec: { ...logisticKind.defaults('multiclass'), epochs: 5 }, train: blobs(400, 6, 4, 3), probe: blobs(200, 6, 4, 4) },
  { name: 'linear regression', task: 'regression', classes: 1, spec: { ...linearKind.defaults('regression'), epochs: 5 }, train: linearTarget(300, [2, -1, 0.5], 5), probe: linearTarget(200, [2, -1, 0.5], 6) },
  { name: 'MLP (64, 32) relu, binary', task: 'binary', classes: 2, spec: mlp({ hidden: [64, 32] }), train: blobs(300, 8, 2, 7), probe: blobs(200, 8, 2, 8) },
  { name: 'MLP (16, 8) tanh with dropout, 3 classes', task: 'multiclass', classes: 3, spec: mlp({ hidden: [16, 8], activation: 'tanh', dropout: 0.2 }), train: blobs(300, 5, 3, 9), probe: blobs(200, 5, 3, 10) },
  { name: 'MLP (16) elu, regression', task: 'regression', classes: 1, spec: mlp({ hidden: [16], activation: 'elu' }), train: linearTarget(300, [1, 3, -2], 11), probe: linearTarget(200, [1, 3, -2], 12) },
];

describe('a fixed trained model predicts the same on every backend', () => {
  const saved = new Map<string, ModelArtifactsFiles>();
  const reference = new Map<string, Float64Array>();

  beforeAll(async () => {
    const switched = await switchBackend('cpu');
    if (!switched.ok) throw new Error(switched.message);
    for (const c of CASES) {
      const trained = await trainModel(c.spec, c.task, c.classes, c.train, c.train, { seed: 17 });
      if (!trained.ok) throw new Error(`${c.name}: ${trained.message}`);
      saved.set(c.name, await saveModel(trained.model));
      reference.set(c.name, predict(trained.model, c.probe.x, c.probe.rows));
      disposeModel(trained.model);
    }
  }, 60_000);

  afterAll(async () => {
    await switchBackend('cpu');
  });

  for (const backend of BACKENDS) {
    it(`${backend}: within ${TOLERANCE} of the model's cpu predictions`, async () => {
      const switched = await switchBackend(backend);
      if (!switched.ok) throw new Error(`${backend}: ${switched.message}`);
      expect(tf.getBackend()).toBe(backend);
      for (const c of CASES) {
        const model = await loadModel(saved.get(c.name)!);
        const got = predict(model, c.probe.x, c.probe.rows);
        disposeModel(model);
        const want = reference.get(c.name)!;
        expect(got.length).toBe(want.length);
        let worst = 0;
        got.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - want[i]))));
        expect(worst, `${c.name} on ${backend}`).toBeLessThan(TOLERANCE);
        // Not vacuous: the probe scores are spread, so a wrong kernel would show.
        expect(Math.max(...want) - Math.min(...want), c.name).toBeGreaterThan(0.5);
      }
    });
  }

  for (const { backend, reason } of SKIPPED) it.skip(`${backend}: skipped (${reason})`, () => {});
});
