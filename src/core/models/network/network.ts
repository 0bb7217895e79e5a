/**
 * The Sequential networks and their training-time forward pass. The last layer is a head
 * that turns the trained output into what the user reads (probabilities, target units);
 * training skips it, so the losses work on logits and a standardized target, which is
 * numerically stable and lets one learning rate fit any target scale.
 */
import { tf, type Tensor } from '../../compute/tf';
import type { Random } from '../../random';
import type { NetworkSpec, TaskKind } from './types';

/** Regression targets are standardized for training; the head maps back: y = z * scale + offset. */
export interface TargetScale {
  offset: number;
  scale: number;
}

export function outputUnits(task: TaskKind, classes: number): number {
  return task === 'multiclass' ? classes : 1;
}

export function buildNetwork(
  spec: NetworkSpec,
  task: TaskKind,
  classes: number,
  cols: number,
  random: Random,
  targetScale: TargetScale,
): tf.Sequential {
  const seed = () => random.int(2 ** 31 - 1);
  const layers: tf.layers.Layer[] = [];
  const hidden = spec.kind === 'mlp' ? spec.hidden : [];
  hidden.forEach((units, i) => {
    layers.push(
      tf.layers.dense({
        units,
        activation: spec.kind === 'mlp' ? spec.activation : 'linear',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }),
        biasInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [cols] } : {}),
      }),
    );
  });
  // A convex linear model starts at zero, as scikit-learn's solvers do.
  const linear = spec.kind !== 'mlp';
  layers.push(
    tf.layers.dense({
      units: outputUnits(task, classes),
      activation: 'linear',
      kernelInitializer: linear ? 'zeros' : tf.initializers.glorotUniform({ seed: seed() }),
      biasInitializer: 'zeros',
      ...(hidden.length === 0 ? { inputShape: [cols] } : {}),
    }),
  );
  if (task === 'binary') layers.push(tf.layers.activation({ activation: 'sigmoid' }));
  else if (task === 'multiclass') layers.push(tf.layers.activation({ activation: 'softmax' }));
  else layers.push(tf.layers.rescaling({ scale: targetScale.scale, offset: targetScale.offset }));
  return tf.sequential({ layers });
}

/** Logits (classification) or standardized prediction (regression): every layer but the head. */
export function forwardLogits(net: tf.LayersModel, x: Tensor): Tensor {
  const layers = net.layers;
  let h = x;
  for (let i = 0; i < layers.length - 1; i++) h = layers[i].apply(h) as Tensor;
  return h;
}

/** The weight penalty as coefficients over the flat weights (see flatPenalty). */
export interface FlatPenalty {
  /** Per-weight coefficient of w (0 on biases), or null without an L2 penalty. */
  l2: Tensor | null;
  /** Per-weight coefficient of sign(w), or null without an L1 penalty. */
  l1: Tensor | null;
}

/**
 * The weight penalty's gradient over the flat weights (kernels, not biases; see createOptimizer
 * for the layout), as coefficients: d penalty / d w = l2 w + l1 sign(w). Adding the gradient
 * directly costs two kernels per step instead of building the penalty into the loss and
 * differentiating it.
 *
 * logistic / linear: scikit-learn minimises 0.5 ||w||^2 + C sum_i loss_i. Divided by C n,
 * that is mean_i loss_i + 1 / (2 C n) ||w||^2; with l2 = 1 / C the penalty is
 * l2 / (2 n) ||w||^2, whose gradient is (l2 / n) w.
 * mlp (Keras convention): l1 sum|w| + l2 sum w^2, gradient l1 sign(w) + 2 l2 w.
 */
export function flatPenalty(spec: NetworkSpec, net: tf.LayersModel, trainRows: number): FlatPenalty {
  const [l2, l1] = spec.kind === 'mlp' ? [2 * spec.l2, spec.l1] : [spec.l2 / trainRows, 0];
  const coefficients = (c: number) => {
    if (!(c > 0)) return null;
    const sizes = net.trainableWeights.map((w) => w.shape.reduce((a: number, b) => a * (b ?? 1), 1));
    const flat = new Float32Array(sizes.reduce((a, b) => a + b, 0));
    let offset = 0;
    net.trainableWeights.forEach((w, i) => {
      if (w.originalName.endsWith('/kernel')) flat.fill(c, offset, offset + sizes[i]);
      offset += sizes[i];
    });
    return tf.tensor1d(flat);
  };
  return { l2: coefficients(l2), l1: coefficients(l1) };
}

/** The data gradient plus the penalty's, both flat; call inside a tidy. */
export function withPenalty(grad: Tensor, weights: Tensor, penalty: FlatPenalty): Tensor {
  let g = grad;
  if (penalty.l2) g = tf.add(g, tf.mul(weights, penalty.l2));
  if (penalty.l1) g = tf.add(g, tf.mul(tf.sign(weights), penalty.l1));
  return g;
}

/**
 * Mean loss of a batch from logits, by tfjs autodiff-able ops: the reference that
 * gradients.test.ts checks the hand-written backward pass against. Sigmoid cross-entropy
 * log(1 + e^z) - z y, softmax cross-entropy on one-hot targets, or MSE.
 */
export function meanLoss(task: TaskKind, out: Tensor, y: Tensor): Tensor {
  if (task === 'binary') {
    // softplus(z) - z y: tfjs's softplus is the stable form, and one op keeps the step short.
    return tf.mean(tf.sub(tf.softplus(out), tf.mul(out, y)));
  }
  if (task === 'multiclass') {
    return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(out)), 1)));
  }
  return tf.mean(tf.squaredDifference(out, y));
}
