import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../compute/tf';
import { createRandom } from '../../random';
import { denseWeights, lossAndGradients } from './gradients';
import { buildNetwork, forwardLogits, meanLoss } from './network';
import type { Activation, MlpSpec, TaskKind } from './types';
import { mlpKind } from '../mlp';

describe('hand-written backpropagation', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases: [TaskKind, Activation, number][] = [
    ['binary', 'relu', 1],
    ['multiclass', 'tanh', 3],
    ['regression', 'elu', 1],
  ];
  for (const [task, activation, k] of cases) {
    it(`matches tfjs autodiff for ${task} with ${activation}`, () => {
      const r = createRandom(3);
      const spec: MlpSpec = { ...(mlpKind.defaults(task) as MlpSpec), hidden: [5, 4], activation };
      const net = buildNetwork(spec, task, Math.max(k, 2), 3, r, { offset: 0, scale: 1 });
      const layers = denseWeights(net);
      // Random biases too, so their gradients are exercised away from zero.
      layers.forEach((l) => l.bias.assign(tf.randomNormal(l.bias.shape, 0, 0.5, 'float32', 4)));
      const x = tf.randomNormal([7, 3], 0, 1, 'float32', 5);
      const y =
        task === 'multiclass'
          ? tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 2], 'int32'), 3).toFloat()
          : task === 'binary'
            ? tf.tensor2d([0, 1, 1, 0, 1, 0, 0], [7, 1])
            : tf.randomNormal([7, 1], 0, 1, 'float32', 6);
      const vars = layers.flatMap((l) => [l.kernel, l.bias]);
      const auto = tf.variableGrads(() => meanLoss(task, forwardLogits(net, x), y) as tf.Scalar, vars);
      const mine = lossAndGradients({ task, activation, layers, x, y, dropout: 0 });
      expect(mine.loss.dataSync()[0]).toBeCloseTo(auto.value.dataSync()[0], 5);
      for (const v of vars) {
        const a = auto.grads[v.name].dataSync();
        const b = mine.grads[vars.indexOf(v)].dataSync();
        expect(b.length).toBe(a.length);
        a.forEach((g, i) => expect(b[i]).toBeCloseTo(g, 5));
      }
      net.dispose();
    });
  }

  /** Per-row loss, by autodiff-able ops: the weighted reference is mean_i w_i l_i. */
  function perRowLoss(task: TaskKind, z: tf.Tensor, y: tf.Tensor): tf.Tensor {
    if (task === 'binary') return tf.sub(tf.softplus(z), tf.mul(z, y));
    if (task === 'multiclass') return tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(z)), 1, true));
    return tf.squaredDifference(z, y);
  }

  for (const [task, activation, k] of cases) {
    it(`weighted loss and gradients match autodiff of mean(w * loss) for ${task}`, () => {
      const r = createRandom(8);
      const spec: MlpSpec = { ...(mlpKind.defaults(task) as MlpSpec), hidden: [4], activation };
      const net = buildNetwork(spec, task, Math.max(k, 2), 3, r, { offset: 0, scale: 1 });
      const layers = denseWeights(net);
      const x = tf.randomNormal([6, 3], 0, 1, 'float32', 9);
      const y =
        task === 'multiclass'
          ? tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3).toFloat()
          : task === 'binary'
            ? tf.tensor2d([0, 1, 1, 0, 1, 0], [6, 1])
            : tf.randomNormal([6, 1], 0, 1, 'float32', 10);
      const w = tf.tensor2d([0.5, 3, 1, 0, 2.5, 1], [6, 1]);
      const vars = layers.flatMap((l) => [l.kernel, l.bias]);
      const auto = tf.variableGrads(() => tf.mean(tf.mul(perRowLoss(task, forwardLogits(net, x), y), w)) as tf.Scalar, vars);
      const mine = lossAndGradients({ task, activation, layers, x, y, dropout: 0, w });
      const plain = lossAndGradients({ task, activation, layers, x, y, dropout: 0 });
      expect(mine.loss.dataSync()[0]).toBeCloseTo(auto.value.dataSync()[0], 5);
      // Not a no-op: these weights change the loss.
      expect(Math.abs(mine.loss.dataSync()[0] - plain.loss.dataSync()[0])).toBeGreaterThan(1e-3);
      for (const v of vars) {
        const a = auto.grads[v.name].dataSync();
        const b = mine.grads[vars.indexOf(v)].dataSync();
        a.forEach((g, i) => expect(b[i]).toBeCloseTo(g, 5));
      }
      net.dispose();
    });
  }
});
