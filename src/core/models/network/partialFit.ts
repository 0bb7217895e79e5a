/**
 * Online updates of a trained network: a few passes of minibatch steps over new rows, starting
 * from the current weights (a copy: the model updated is left as it was).
 *
 * What stays frozen, and why: the run's pipeline (the medians, means and standard deviations that
 * standardise numbers, the one-hot category lists, the text idf) and, for regression, the target's
 * mean and std in the network's head. The weights were learned in those units; refitting a mean or
 * adding a one-hot column would silently change what every weight means, and the frozen model the
 * stream compares against would no longer read the same matrix. A category the pipeline never saw
 * goes to its existing "other" column. Optimizer moments are not kept between updates (Adam starts
 * fresh each time), so each update is a short, bounded step from the last weights.
 */
import { transposeBeforeMatMul } from '../../compute/transpose';
import { tf, type Tensor } from '../../compute/tf';
import { createRandom, shuffledIndices } from '../../random';
import type { PartialFitControl, PartialFitOutcome, TrainingData } from '../kind';
import { evaluateOutputs } from '../validation';
import { createBatcher, hostRows } from './batches';
import { lossAndFlatGradient, type DenseWeights } from './gradients';
import { buildNetwork, flatPenalty, outputUnits, withPenalty, type TargetScale } from './network';
import { createOptimizer } from './optimizer';
import { outputsOf } from './train';
import type { NetworkModel } from './types';

/** The head's frozen target scale (regression), or the identity. */
function headScale(model: NetworkModel): TargetScale {
  if (model.task !== 'regression') return { offset: 0, scale: 1 };
  const head = model.net.layers[model.net.layers.length - 1].getConfig() as { scale: number; offset: number };
  return { offset: head.offset, scale: head.scale };
}

/** A new network with the same layers and a copy of the weights. */
function copyNetwork(model: NetworkModel, scale: TargetScale): NetworkModel {
  const net = buildNetwork(model.spec, model.task, model.classes, model.inputCols, createRandom(0), scale);
  net.setWeights(model.net.getWeights());
  return { ...model, net };
}

async function meanLossOf(model: NetworkModel, data: TrainingData, scale: TargetScale): Promise<number> {
  const x = tf.tensor2d(data.x, [data.rows, data.cols]);
  const out = await outputsOf(model.net, x);
  x.dispose();
  const y = model.task === 'regression' ? data.y.map((v) => (v - scale.offset) / scale.scale) : data.y;
  return evaluateOutputs(model.task, out, y, outputUnits(model.task, model.classes), scale.scale).loss;
}

export async function partialFitNetwork(model: NetworkModel, data: TrainingData, control: PartialFitControl): Promise<{ ok: true; model: NetworkModel; lossBefore: number; lossAfter: number } | Extract<PartialFitOutcome, { ok: false }>> {
  if (data.cols !== model.inputCols) return { ok: false, reason: 'bad-config', message: `The new rows have ${data.cols} columns; the model reads ${model.inputCols}.` };
  const scale = headScale(model);
  const updated = copyNetwork(model, scale);
  if (data.rows === 0) return { ok: true, model: updated, lossBefore: NaN, lossAfter: NaN };
  const { spec, task } = model;
  const k = outputUnits(task, model.classes);
  const random = createRandom(control.seed);
  const batchSize = Math.max(1, Math.min(control.batchSize ?? Math.min(spec.batchSize, 32), data.rows));
  const nextBatch = createBatcher(hostRows(task, data, k, scale), batchSize, transposeBeforeMatMul());
  const vars = updated.net.trainableWeights.map((w) => w.read() as tf.Variable);
  const optimizer = createOptimizer(control.optimizer ?? (spec.kind === 'mlp' && spec.optimizer !== 'adam' ? spec.optimizer : 'adam'), vars);
  const penalty = flatPenalty(spec, updated.net, data.rows);
  const layersOf = (w: Tensor[]): DenseWeights[] => Array.from({ length: w.length / 2 }, (_, i) => ({ kernel: w[2 * i], bias: w[2 * i + 1] }));
  const activation = spec.kind === 'mlp' ? spec.activation : 'relu';
  const dropout = spec.kind === 'mlp' ? spec.dropout : 0;
  const learningRate = control.learningRate ?? spec.learningRate;
  const epochs = Math.max(1, Math.floor(control.epochs ?? 1));
  try {
    const lossBefore = await meanLossOf(model, data, scale);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = shuffledIndices(data.rows, random);
      for (let start = 0; start < data.rows; start += batchSize) {
        if (control.signal?.aborted) {
          updated.net.dispose();
          return { ok: false, reason: 'cancelled', message: 'The update was cancelled.' };
        }
        const size = Math.min(batchSize, data.rows - start);
        const dropoutSeed = dropout > 0 ? random.int(2 ** 30) : undefined;
        tf.tidy(() => {
          const b = nextBatch(order, start, size);
          const step = lossAndFlatGradient({ task, activation, layers: layersOf(optimizer.views()), x: b.x, xTa: b.xTa, y: b.y, dropout, seed: dropoutSeed, w: b.w });
          // grad is that of the batch's mean loss, as in training.
          optimizer.step(withPenalty(step.grad, optimizer.weights, penalty), learningRate);
        });
      }
    }
    optimizer.writeBack();
    const lossAfter = await meanLossOf(updated, data, scale);
    if (!Number.isFinite(lossAfter)) {
      updated.net.dispose();
      return { ok: false, reason: 'nan-loss', message: `The update diverged (loss ${lossAfter}). Try a lower learning rate (for example ${learningRate / 10}).` };
    }
    return { ok: true, model: updated, lossBefore, lossAfter };
  } finally {
    optimizer.dispose();
    penalty.l1?.dispose();
    penalty.l2?.dispose();
  }
}
