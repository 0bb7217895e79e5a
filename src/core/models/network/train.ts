/**
 * The training loop. The training rows stay on the host and the weights on the backend, as one
 * flat variable; each step is one tidy that uploads a shuffled batch (batches.ts says why not a
 * gather), computes the flat gradient and applies the optimizer, with no readback. The loop
 * reads back once per epoch (loss and validation outputs) and yields to the event loop then,
 * so a cancel message can arrive; `signal.aborted` is checked between batches.
 */
import { transposeBeforeMatMul } from '../../compute/transpose';
import { tf, type Tensor } from '../../compute/tf';
import { createRandom, shuffledIndices } from '../../random';
import { createEarlyStopping } from '../earlyStopping';
import { createBatcher, hostRows } from './batches';
import { createOptimizer } from './optimizer';
import { lossAndFlatGradient, type DenseWeights } from './gradients';
import { buildNetwork, flatPenalty, forwardLogits, outputUnits, withPenalty, type TargetScale } from './network';
import type { EpochReport, NetworkSpec, TaskKind, NetworkModel, TrainingData, TrainOptions, TrainOutcome } from './types';
import { evaluateOutputs, metricNameFor } from '../validation';

/** Rows per forward pass when evaluating, to bound memory on large validation sets. */
const EVAL_BATCH = 8192;

/**
 * Linear models are convex: a cosine decay of the step size over the epochs lets minibatch
 * Adam settle on the optimum instead of hovering around it (scikit-learn's solvers converge
 * exactly). The MLP keeps a constant rate and relies on early stopping.
 */
function learningRateFor(spec: NetworkSpec, epoch: number): number {
  if (spec.kind === 'mlp') return spec.learningRate;
  const progress = (epoch - 1) / spec.epochs;
  return spec.learningRate * (0.02 + 0.98 * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/** Regression: the training target's mean and population std; classification: identity. */
export function targetScaleOf(task: TaskKind, y: Float32Array): TargetScale {
  if (task !== 'regression') return { offset: 0, scale: 1 };
  let mean = 0;
  for (const v of y) mean += v / y.length;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  const std = Math.sqrt(ss / y.length);
  return { offset: mean, scale: std > 0 ? std : 1 };
}

/** Trained outputs (logits / standardized values) for a resident matrix, read back once. */
export async function outputsOf(net: tf.LayersModel, x: Tensor): Promise<Float32Array> {
  const rows = x.shape[0];
  const out = tf.tidy(() => {
    const parts: Tensor[] = [];
    for (let start = 0; start < rows; start += EVAL_BATCH) {
      parts.push(forwardLogits(net, x.slice(start, Math.min(EVAL_BATCH, rows - start))));
    }
    return parts.length === 1 ? parts[0] : tf.concat(parts, 0);
  });
  const data = (await out.data()) as Float32Array;
  out.dispose();
  return data;
}

export async function trainModel(
  spec: NetworkSpec,
  task: TaskKind,
  classes: number,
  train: TrainingData,
  val: TrainingData,
  options: TrainOptions,
): Promise<TrainOutcome> {
  const random = createRandom(options.seed);
  const k = outputUnits(task, classes);
  const scale = targetScaleOf(task, train.y);
  const net = buildNetwork(spec, task, classes, train.cols, random, scale);
  const nextBatch = createBatcher(hostRows(task, train, k, scale), Math.min(spec.batchSize, train.rows), transposeBeforeMatMul());
  const xVal = val.rows > 0 ? tf.tensor2d(val.x, [val.rows, val.cols]) : null;
  const yValScaled = task === 'regression' ? val.y.map((v) => (v - scale.offset) / scale.scale) : val.y;
  const vars = net.trainableWeights.map((w) => w.read() as tf.Variable);
  const optimizer = createOptimizer(spec.kind === 'mlp' ? spec.optimizer : 'adam', vars);
  const penalty = flatPenalty(spec, net, train.rows);
  // The optimizer's views come in (kernel, bias) pairs, one per dense layer.
  const layersOf = (w: Tensor[]): DenseWeights[] => Array.from({ length: w.length / 2 }, (_, i) => ({ kernel: w[2 * i], bias: w[2 * i + 1] }));
  const activation = spec.kind === 'mlp' ? spec.activation : 'relu'; // unused without hidden layers
  const dropout = spec.kind === 'mlp' ? spec.dropout : 0;
  const patience = spec.kind === 'mlp' && xVal ? spec.earlyStoppingPatience : 0;

  const stopping = createEarlyStopping<Tensor[]>(patience, (weights) => weights.forEach((w) => w.dispose()));
  const history: EpochReport[] = [];
  const started = performance.now();
  let stoppedEarly = false;
  let failure: TrainOutcome | null = null;

  const cleanup = (keepNet: boolean) => {
    xVal?.dispose();
    optimizer.dispose();
    penalty.l1?.dispose();
    penalty.l2?.dispose();
    stopping.best().snapshot?.forEach((w) => w.dispose());
    if (!keepNet) net.dispose();
  };

  try {
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      const epochStart = performance.now();
      const learningRate = learningRateFor(spec, epoch);
      const order = shuffledIndices(train.rows, random);
      let lossSum: Tensor = tf.scalar(0);
      for (let start = 0; start < train.rows; start += spec.batchSize) {
        if (options.signal?.aborted) {
          lossSum.dispose();
          failure = { ok: false, reason: 'cancelled', message: `Training was cancelled during epoch ${epoch}.` };
          break;
        }
        const size = Math.min(spec.batchSize, train.rows - start);
        const dropoutSeed = dropout > 0 ? random.int(2 ** 30) : undefined;
        const next = tf.tidy(() => {
          const b = nextBatch(order, start, size);
          const layers = layersOf(optimizer.views());
          const step = lossAndFlatGradient({ task, activation, layers, x: b.x, xTa: b.xTa, y: b.y, dropout, seed: dropoutSeed, w: b.w });
          optimizer.step(withPenalty(step.grad, optimizer.weights, penalty), learningRate);
          return tf.add(lossSum, step.lossSum);
        });
        lossSum.dispose();
        lossSum = next;
      }
      if (failure) break;
      const trainLoss = (await lossSum.data())[0] / train.rows;
      lossSum.dispose();
      const trainMs = performance.now() - epochStart;
      // The network's variables follow the flat weights once per epoch, for validation and snapshots.
      optimizer.writeBack();

      const v = xVal ? evaluateOutputs(task, await outputsOf(net, xVal), yValScaled, k, scale.scale) : { loss: NaN, metric: NaN };
      if (!Number.isFinite(trainLoss) || (xVal && !Number.isFinite(v.loss))) {
        failure = {
          ok: false,
          reason: 'nan-loss',
          message: `Training diverged: the loss became ${Number.isNaN(trainLoss) ? 'NaN' : 'infinite'} in epoch ${epoch}. Try a lower learning rate (for example ${spec.learningRate / 10}).`,
        };
        break;
      }
      const report: EpochReport = {
        step: epoch,
        trainLoss,
        valLoss: v.loss,
        valMetric: v.metric,
        metricName: metricNameFor(task),
        elapsedMs: performance.now() - started,
        samplesPerSecond: train.rows / Math.max(trainMs / 1000, 1e-9),
      };
      history.push(report);
      options.onEpoch?.(report);

      if (stopping.observe(epoch, v.loss, () => net.getWeights().map((w) => w.clone())) === 'stop') {
        stoppedEarly = true;
        break;
      }
      // Let a cancel message (or any other worker message) in once per epoch.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch (e) {
    cleanup(false);
    throw e;
  }

  if (failure) {
    cleanup(false);
    return failure;
  }
  let bestEpoch = history.length;
  const best = stopping.best();
  if (best.snapshot) {
    net.setWeights(best.snapshot);
    bestEpoch = best.step;
  }
  cleanup(true);
  const model: NetworkModel = { spec, task, classes: task === 'regression' ? 1 : classes, inputCols: train.cols, net };
  return { ok: true, model, history, stoppedEarly, bestEpoch };
}
