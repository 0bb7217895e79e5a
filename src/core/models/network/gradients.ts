/**
 * Loss and gradients of a dense network by explicit backpropagation. Autodiff through
 * tfjs-layers records twice as many kernels (identities, reshapes, casts); writing the
 * backward pass out keeps a training step to a few dozen kernels. Each forward step sits
 * beside its derivative; gradients.test.ts checks them against tf.grads.
 *
 * Shaped for tfjs-wasm, where a step of small matrices costs kernel calls more than maths:
 * there only untransposed matmuls (its BatchMatMul leaves XNNPACK for a scalar loop when either
 * side is transposed: dW = in^T dpre took 840 us instead of 70 at batch 256; other backends
 * multiply transposed operands natively, compute/transpose.ts), the bias gradient comes out of
 * the weight gradient's matmul through a row of ones, and the gradients leave as one flat
 * vector for the optimizer.
 */
import { matMulTransposedB, transposeBeforeMatMul, transposeMatrix } from '../../compute/transpose';
import { tf, type Tensor } from '../../compute/tf';
import type { Activation, TaskKind } from './types';

/** One dense layer's weights: kernel [in, out] and bias [out] (variables, or views of the flat weights). */
export interface DenseWeights {
  kernel: Tensor;
  bias: Tensor;
}

export interface StepInput {
  task: TaskKind;
  activation: Activation;
  /** Dense layers in order; all but the last are hidden. */
  layers: DenseWeights[];
  x: Tensor;
  /**
   * x transposed with a row of ones below, [cols + 1, n]: the first layer's gradient is
   * xTa dpre. The trainer builds it on the host with the batch; made from x when absent.
   */
  xTa?: Tensor;
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
 * A dense layer's weight and bias gradients as one block [dW; db] = [in, 1]^T dpre, row-major as
 * the flat weights lay them out. On wasm by one untransposed matmul with a row of ones below
 * in^T (inTa, when the caller has it), elsewhere by the transposed matmul and a column sum.
 */
function gradientBlock(input: Tensor, dPre: Tensor, inTa?: Tensor): Tensor {
  if (!transposeBeforeMatMul()) return tf.concat([tf.matMul(input, dPre, true, false), tf.sum(dPre, 0, true)], 0);
  const ta = inTa ?? tf.concat([transposeMatrix(input), tf.ones([1, input.shape[0]])], 0);
  return tf.matMul(ta, dPre);
}

/**
 * Summed loss of the batch and d mean loss / d logits. Binary: log(1 + e^z) - z y, gradient
 * sigmoid(z) - y. Multiclass: -sum y log softmax(z), gradient softmax(z) - y. Regression:
 * (z - y)^2, gradient 2 (z - y). Gradients are divided by the batch size (mean loss).
 */
function lossAndOutputGrad(task: TaskKind, z: Tensor, y: Tensor, w?: Tensor): { lossSum: Tensor; dz: Tensor } {
  const n = z.shape[0];
  // A weight scales its row's loss term and, by the chain rule, that row of d loss / d logits.
  const weigh = (t: Tensor) => (w ? tf.mul(t, w) : t);
  if (task === 'binary') {
    return { lossSum: tf.sum(weigh(tf.sub(tf.softplus(z), tf.mul(z, y)))), dz: tf.mul(weigh(tf.sub(tf.sigmoid(z), y)), 1 / n) };
  }
  if (task === 'multiclass') {
    const logP = tf.logSoftmax(z);
    return { lossSum: tf.neg(tf.sum(weigh(tf.mul(y, logP)))), dz: tf.mul(weigh(tf.sub(tf.exp(logP), y)), 1 / n) };
  }
  const diff = tf.sub(z, y);
  return { lossSum: tf.sum(weigh(tf.square(diff))), dz: tf.mul(weigh(diff), 2 / n) };
}

/**
 * Summed data loss of the batch (a scalar; divide by n for the mean) and the gradient of the
 * mean loss with respect to every weight, as one flat vector in layer order: kernel 0 (row-major),
 * bias 0, kernel 1, ... Call inside a tidy.
 */
export function lossAndFlatGradient(s: StepInput): { lossSum: Tensor; grad: Tensor } {
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
  const { lossSum, dz } = lossAndOutputGrad(s.task, z, s.y, s.w);

  // Backward: for out = act(in W + b), [dW; db] = [in, 1]^T dpre and d in = dpre W^T.
  const blocks: Tensor[] = [];
  let dPre = dz;
  for (let i = hidden; i >= 0; i--) {
    blocks[i] = tf.reshape(gradientBlock(fed[i], dPre, i === 0 ? s.xTa : undefined), [-1]);
    if (i === 0) break;
    let dAct = matMulTransposedB(dPre, s.layers[i].kernel);
    const mask = masks[i - 1];
    if (mask) dAct = tf.mul(dAct, mask);
    dPre = tf.mul(dAct, activationGrad(acts[i - 1], s.activation));
  }
  return { lossSum, grad: blocks.length === 1 ? blocks[0] : tf.concat(blocks) };
}

/** Mean data loss (a scalar) and its gradient per weight, in the layers' shapes. Call inside a tidy. */
export function lossAndGradients(s: StepInput): { loss: Tensor; grads: Tensor[] } {
  const { lossSum, grad } = lossAndFlatGradient(s);
  const shapes = s.layers.flatMap((l) => [l.kernel.shape, l.bias.shape]);
  const pieces = tf.split(grad, shapes.map((shape) => shape.reduce((a, b) => a * b, 1)));
  return { loss: tf.div(lossSum, s.x.shape[0]), grads: pieces.map((p, i) => tf.reshape(p, shapes[i])) };
}

/** The dense layers' weight variables of a Sequential, in order. */
export function denseWeights(net: tf.LayersModel): { kernel: tf.Variable; bias: tf.Variable }[] {
  return net.layers
    .filter((layer) => layer.getClassName() === 'Dense')
    .map((layer) => ({
      kernel: layer.trainableWeights[0].read() as tf.Variable,
      bias: layer.trainableWeights[1].read() as tf.Variable,
    }));
}
