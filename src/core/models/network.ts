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

/**
 * Logits (classification) or standardized prediction (regression): every layer but the head.
 * With dropout > 0 and a seed, inverted dropout follows each hidden layer; the seed changes
 * per step so each batch gets a fresh mask, reproducibly.
 */
export function forwardLogits(net: tf.LayersModel, x: Tensor, dropout = 0, seed?: number): Tensor {
  const layers = net.layers;
  let h = x;
  for (let i = 0; i < layers.length - 1; i++) {
    h = layers[i].apply(h) as Tensor;
    if (seed !== undefined && dropout > 0 && i < layers.length - 2) h = tf.dropout(h, dropout, undefined, seed + i);
  }
  return h;
}

/** The dense kernels (not biases), which the penalties apply to. */
export function kernels(net: tf.LayersModel): tf.Variable[] {
  return net.layers.flatMap((layer) => (layer.getClassName() === 'Dense' ? [layer.trainableWeights[0].read() as tf.Variable] : []));
}

/** The weight penalty added to the mean loss, as a scalar tensor (call inside a tidy). */
export function penalty(spec: ModelSpec, net: tf.LayersModel, trainRows: number): Tensor | null {
  const ks = kernels(net);
  if (spec.kind !== 'mlp') {
    if (spec.l2 <= 0) return null;
    // scikit-learn minimises 0.5 ||w||^2 + C * sum_i loss_i. Divided by C * n, that is
    // mean_i loss_i + 1 / (2 C n) * ||w||^2; with l2 = 1 / C the factor is l2 / (2 n).
    return tf.mul(tf.sum(tf.square(ks[0])), spec.l2 / (2 * trainRows));
  }
  let total: Tensor | null = null;
  for (const k of ks) {
    if (spec.l2 > 0) total = add(total, tf.mul(tf.sum(tf.square(k)), spec.l2));
    if (spec.l1 > 0) total = add(total, tf.mul(tf.sum(tf.abs(k)), spec.l1));
  }
  return total;
}

function add(a: Tensor | null, b: Tensor): Tensor {
  return a ? tf.add(a, b) : b;
}

/**
 * Mean loss of a batch from logits: sigmoid cross-entropy in its stable form
 * max(z, 0) - z y + log(1 + exp(-|z|)), softmax cross-entropy on one-hot targets, or MSE.
 */
export function meanLoss(task: TaskKind, out: Tensor, y: Tensor): Tensor {
  if (task === 'binary') {
    return tf.mean(tf.add(tf.sub(tf.relu(out), tf.mul(out, y)), tf.log1p(tf.exp(tf.neg(tf.abs(out))))));
  }
  if (task === 'multiclass') {
    return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(out)), 1)));
  }
  return tf.mean(tf.squaredDifference(out, y));
}
