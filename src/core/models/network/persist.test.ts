import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../compute/tf';
import { logisticKind } from '../logistic';
import { linearKind } from '../linear';
import { mlpKind } from '../mlp';
import { loadModel, saveModel } from './persist';
import { disposeModel, linearWeights, predict } from './predict';
import { blobs, linearTarget } from '../testData';
import { trainModel } from './train';
import type { MlpSpec, NetworkSpec, TaskKind } from './types';

describe('save, load and memory', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases: [NetworkSpec, TaskKind, number][] = [
    [{ ...logisticKind.defaults('binary'), epochs: 3 }, 'binary', 2],
    [{ ...(mlpKind.defaults('multiclass') as MlpSpec), epochs: 3, hidden: [8, 4], dropout: 0.2 }, 'multiclass', 3],
    [{ ...linearKind.defaults('regression'), epochs: 3 }, 'regression', 1],
  ];
  for (const [spec, task, k] of cases) {
    it(`round-trips a ${spec.kind} (${task}) through model.json + weights.bin with identical predictions`, async () => {
      const data = task === 'regression' ? linearTarget(120, [1, 2, 3], 1) : blobs(120, 3, k, 1);
      const r = await trainModel(spec, task, k, data, data, { seed: 9 });
      if (!r.ok) throw new Error(r.message);
      const saved = await saveModel(r.model);
      const json = JSON.parse(saved.modelJson);
      expect(json.format).toBe('layers-model');
      expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
      expect(saved.weights.byteLength).toBeGreaterThan(0);
      const loaded = await loadModel(saved);
      expect({ ...loaded, net: null }).toEqual({ ...r.model, net: null });
      expect(predict(loaded, data.x, data.rows)).toEqual(predict(r.model, data.x, data.rows));
      expect(linearWeights(loaded)).toEqual(linearWeights(r.model));
      disposeModel(loaded);
      disposeModel(r.model);
    });
  }

  it('leaves no tensor behind across train + predict + save + load + dispose', async () => {
    const data = blobs(300, 5, 2, 3);
    const spec = { ...mlpKind.defaults('binary'), epochs: 4, earlyStoppingPatience: 1, dropout: 0.1, hidden: [8] } as NetworkSpec;
    // First run warms up any backend-level caches, so the count compared is only ours.
    const warm = await trainModel(spec, 'binary', 2, data, data, { seed: 1 });
    if (warm.ok) disposeModel(warm.model);
    const before = tf.memory().numTensors;
    const r = await trainModel(spec, 'binary', 2, data, data, { seed: 1 });
    if (!r.ok) throw new Error(r.message);
    predict(r.model, data.x, data.rows);
    linearWeights(r.model);
    const loaded = await loadModel(await saveModel(r.model));
    predict(loaded, data.x, data.rows);
    disposeModel(loaded);
    disposeModel(r.model);
    expect(tf.memory().numTensors).toBe(before);
  });
});
