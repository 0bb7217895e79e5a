import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../compute/tf';
import { logisticKind } from '../logistic';
import { mlpKind } from '../mlp';
import { disposeModel, predict } from './predict';
import { blobs, linearTarget, noise } from '../testData';
import { trainModel } from './train';
import type { MlpSpec, TrainOutcome } from './types';
import { evaluateOutputs } from '../validation';

function ok(outcome: TrainOutcome) {
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return outcome;
}

const mlp = (over: Partial<MlpSpec> = {}): MlpSpec => ({ ...(mlpKind.defaults('binary') as MlpSpec), ...over });

describe('trainModel: stopping, cancel, failures', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('early stopping restores the weights of the best validation epoch', async () => {
    const train = noise(40, 10, 12);
    const val = noise(200, 10, 13);
    const spec = mlp({ hidden: [64, 64], epochs: 60, learningRate: 0.02, batchSize: 8, l2: 0, earlyStoppingPatience: 3 });
    const r = ok(await trainModel(spec, 'binary', 2, train, val, { seed: 6 }));
    expect(r.stoppedEarly).toBe(true);
    expect(r.history.length).toBe(r.bestEpoch + 3);
    const losses = r.history.map((h) => h.valLoss);
    expect(Math.min(...losses)).toBe(losses[r.bestEpoch - 1]);
    expect(losses.at(-1)!).toBeGreaterThan(losses[r.bestEpoch - 1]);
    // The returned model scores the best epoch's validation loss, not the last one's.
    const p = predict(r.model, val.x, val.rows);
    const logits = Float32Array.from(p, (q) => Math.log(q / (1 - q)));
    expect(evaluateOutputs('binary', logits, val.y, 1, 1).loss).toBeCloseTo(losses[r.bestEpoch - 1], 4);
    disposeModel(r.model);
  });

  it('stops on cancel between batches and frees everything', async () => {
    const before = tf.memory().numTensors;
    const signal = { aborted: false };
    const train = blobs(500, 4, 2, 14);
    const r = await trainModel(mlp({ epochs: 50, batchSize: 16 }), 'binary', 2, train, train, {
      seed: 1,
      signal,
      onEpoch: (e) => {
        if (e.step === 2) signal.aborted = true;
      },
    });
    expect(r).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports a diverging loss as nan-loss with advice, and frees everything', async () => {
    const before = tf.memory().numTensors;
    const train = linearTarget(200, [3, 1], 15);
    const r = await trainModel(mlp({ optimizer: 'sgd', learningRate: 1e6, epochs: 5 }), 'regression', 1, train, train, { seed: 1 });
    expect(r).toMatchObject({ ok: false, reason: 'nan-loss' });
    if (!r.ok) expect(r.message).toMatch(/lower learning rate/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
