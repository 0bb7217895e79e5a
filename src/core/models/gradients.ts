/**
 * Loss and gradients of a dense network by explicit backpropagation. Autodiff through
 * tfjs-layers records twice as many kernels (identities, reshapes, casts); writing the
 * backward pass out keeps a training step to a few dozen fused kernels. Each forward
 * step sits beside its derivative; gradients.test.ts checks them against tf.grads.
 */
import { tf, type Tensor } from '../compute/tf';
import type { Activation, TaskKind } from './types';

/** One dense layer's weights: kernel [in, out] and bias [out], as tf variables. */
export interface DenseWeights {
  kernel: tf.Variable;
  bias: tf.Variable;
}

export interface StepInput {
  task: TaskKind;
  activation: Activation;
  /** Dense layers in order; all but the last are hidden. */
  layers: DenseWeights[];
  x: Tensor;
  /** one-hot for multiclass, [n, 1] otherwise. */
  y: Tensor;
  dropout: number;
  /** Seed for this step's dropout masks. */
  seed?: number;
  /**
   * Per-sample weights [n, 1] (class weights): the loss is mean_i w_i loss_i, as scikit-learn's
   * class_weight scales each sample's term. Absent means every weight is 1.
   */
  w?: Tensor;
}

/** Activation applied to a pre-activation (fused into the matmul where tfjs can). */
function denseForward(x: Tensor, w: DenseWeights, activation: Activation | 'linear'): Tensor {
  const fused = activation === 'tanh' ? 'linear' : activation;
  const out = tf.fused.matMul({ a: x, b: w.kernel, bias: w.bias, activation: fused });
  return activation === 'tanh' ? tf.tanh(out) : out;
}

/** d activation / d pre-activation, written in terms of the activation's output a. */
function activationGrad(a: Tensor, activation: Activation): Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(a); // 1 where a > 0
    case 'tanh':
      return tf.sub(1, tf.square(a)); // 1 - tanh^2
    case 'elu':
      return tf.add(tf.minimum(a, 0), 1); // 1 for a > 0, exp(x) = a + 1 below
  }
}

/** Inverted dropout mask: 0 with probability rate, else 1 / (1 - rate). */
function dropoutMask(shape: number[], rate: number, seed: number): Tensor {
  const keep = tf.floor(tf.add(tf.randomUniform(shape, 0, 1, 'float32', seed), 1 - rate));
  return tf.div(keep, 1 - rate);
}

/**
 * Mean loss of the batch and d loss / d logits. Binary: log(1 + e^z) - z y, gradient
 * sigmoid(z) - y. Multiclass: -sum y log softmax(z), gradient softmax(z) - y. Regression:
 * (z - y)^2, gradient 2 (z - y). Gradients are divided by the batch size (mean loss).
 */
function lossAndOutputGrad(task: TaskKind, z: Tensor, y: Tensor, w?: Tensor): { loss: Tensor; dz: Tensor } {
  const n = z.shape[0];
  // A weight scales its row's loss term and, by the chain rule, that row of d loss / d logits.
  const weigh = (t: Tensor) => (w ? tf.mul(t, w) : t);
  if (task === 'binary') {
    const loss = tf.mean(weigh(tf.sub(tf.softplus(z), tf.mul(z, y))));
    return { loss, dz: tf.mul(weigh(tf.sub(tf.sigmoid(z), y)), 1 / n) };
  }
  if (task === 'multiclass') {
    const logP = tf.logSoftmax(z);
    const loss = w ? tf.neg(tf.mean(tf.mul(tf.sum(tf.mul(y, logP), 1, true), w))) : tf.neg(tf.mean(tf.sum(tf.mul(y, logP), 1)));
    return { loss, dz: tf.mul(weigh(tf.sub(tf.exp(logP), y)), 1 / n) };
  }
  const diff = tf.sub(z, y);
  return { loss: tf.mean(weigh(tf.square(diff))), dz: tf.mul(weigh(diff), 2 / n) };
}

/** Mean data loss (a scalar) and its gradient per variable name. Call inside a tidy. */
export function lossAndGradients(s: StepInput): { loss: Tensor; grads: tf.NamedTensorMap } {
  const hidden = s.layers.length - 1;
  // Forward, keeping what each dense layer was fed, the hidden activations and dropout masks.
  const fed: Tensor[] = [];
  const acts: Tensor[] = [];
  const masks: (Tensor | null)[] = [];
  let h = s.x;
  for (let i = 0; i < hidden; i++) {
    fed.push(h);
    const a = denseForward(h, s.layers[i], s.activation);
    const mask = s.dropout > 0 && s.seed !== undefined ? dropoutMask(a.shape, s.dropout, s.seed + i) : null;
    acts.push(a);
    masks.push(mask);
    h = mask ? tf.mul(a, mask) : a;
  }
  fed.push(h);
  const z = denseForward(h, s.layers[hidden], 'linear');
  const { loss, dz } = lossAndOutputGrad(s.task, z, s.y, s.w);

  // Backward: for out = act(in W + b), dW = in^T dpre, db = sum dpre, d in = dpre W^T.
  const grads: tf.NamedTensorMap = {};
  let dPre = dz;
  for (let i = hidden; i >= 0; i--) {
    const layer = s.layers[i];
    grads[layer.kernel.name] = tf.matMul(fed[i], dPre, true, false);
    grads[layer.bias.name] = tf.sum(dPre, 0);
    if (i === 0) break;
    let dAct = tf.matMul(dPre, layer.kernel, false, true);
    const mask = masks[i - 1];
    if (mask) dAct = tf.mul(dAct, mask);
    dPre = tf.mul(dAct, activationGrad(acts[i - 1], s.activation));
  }
  return { loss, grads };
}

/** The dense layers' weight variables of a Sequential, in order. */
export function denseWeights(net: tf.LayersModel): DenseWeights[] {
  return net.layers
    .filter((layer) => layer.getClassName() === 'Dense')
    .map((layer) => ({
      kernel: layer.trainableWeights[0].read() as tf.Variable,
      bias: layer.trainableWeights[1].read() as tf.Variable,
    }));
}
