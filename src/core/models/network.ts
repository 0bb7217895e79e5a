/**
 * The Sequential networks and their training-time forward pass. The last layer is a head
 * that turns the trained output into what the user reads (probabilities, target units);
 * training skips it, so the losses work on logits and a standardized target, which is
 * numerically stable and lets one learning rate fit any target scale.
 */
import { tf, type Tensor } from '../compute/tf';
import type { Random } from '../random';
import type { ModelSpec, TaskKind } from './types';

/** Regression targets are standardized for training; the head maps back: y = z * scale + offset. */
export interface TargetScale {
  offset: number;
  scale: number;
}

export function outputUnits(task: TaskKind, classes: number): number {
  return task === 'multiclass' ? classes : 1;
}

export function buildNetwork(
  spec: ModelSpec,
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

/** The dense kernels (not biases), which the penalties apply to. */
export function kernels(net: tf.LayersModel): tf.Variable[] {
  return net.layers.flatMap((layer) => (layer.getClassName() === 'Dense' ? [layer.trainableWeights[0].read() as tf.Variable] : []));
}

/**
 * Adds the weight penalty's gradient to the data-loss gradients, in place (call inside a
 * tidy). Adding the gradient directly costs two ops per kernel instead of building the
 * penalty into the loss and differentiating it, which keeps each step short.
 *
 * logistic / linear: scikit-learn minimises 0.5 ||w||^2 + C sum_i loss_i. Divided by C n,
 * that is mean_i loss_i + 1 / (2 C n) ||w||^2; with l2 = 1 / C the penalty is
 * l2 / (2 n) ||w||^2, whose gradient is (l2 / n) w.
 * mlp (Keras convention): l1 sum|w| + l2 sum w^2, gradient l1 sign(w) + 2 l2 w.
 */
export function addPenaltyGradients(spec: ModelSpec, net: tf.LayersModel, grads: tf.NamedTensorMap, trainRows: number): void {
  for (const k of kernels(net)) {
    let g = grads[k.name];
    if (!g) continue;
    if (spec.kind !== 'mlp') {
      if (spec.l2 > 0) g = tf.add(g, tf.mul(k, spec.l2 / trainRows));
    } else {
      if (spec.l2 > 0) g = tf.add(g, tf.mul(k, 2 * spec.l2));
      if (spec.l1 > 0) g = tf.add(g, tf.mul(tf.sign(k), spec.l1));
    }
    grads[k.name] = g;
  }
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
