/** Reading a trained model: predictions, its linear weights, and disposal. */
import { tf } from '../../compute/tf';
import type { NetworkModel } from './types';

/** Rows per forward pass: bounds memory, and each batch's tensors are freed by its tidy. */
const PREDICT_BATCH = 8192;

/** Output buffer for n rows: n values, or n x k probabilities for multiclass. */
function outputFor(model: NetworkModel, x: Float32Array, rows: number): Float64Array {
  const cols = model.inputCols;
  if (x.length !== rows * cols) throw new Error(`predict: expected ${rows} x ${cols} values, got ${x.length}.`);
  return new Float64Array(rows * (model.task === 'multiclass' ? model.classes : 1));
}

/** One chunk's forward pass; the caller reads and disposes the result. */
function forwardChunk(model: NetworkModel, x: Float32Array, start: number, n: number): tf.Tensor {
  const cols = model.inputCols;
  return tf.tidy(() => {
    const xb = tf.tensor2d(x.subarray(start * cols, (start + n) * cols), [n, cols]);
    // tfjs splits predict into 32-row batches by default: 72x slower on wasm for 20k rows.
    return model.net.predict(xb, { batchSize: n }) as tf.Tensor;
  });
}

/**
 * binary: P(positive), length n; multiclass: n x k probabilities, row-major; regression: values.
 * Synchronous: for cpu and wasm only (see predictAsync).
 */
export function predict(model: NetworkModel, x: Float32Array, rows: number): Float64Array {
  const out = outputFor(model, x, rows);
  const width = out.length / Math.max(rows, 1);
  for (let start = 0; start < rows; start += PREDICT_BATCH) {
    const result = forwardChunk(model, x, start, Math.min(PREDICT_BATCH, rows - start));
    out.set(result.dataSync(), start * width);
    result.dispose();
  }
  return out;
}

/**
 * The same predictions, read back asynchronously. Use this wherever the backend may be WebGPU:
 * its synchronous read goes through an OffscreenCanvas copy that returns wrong values on some
 * adapters (SwiftShader in a worker gave AUC 0.5), while the async read maps the buffer.
 */
export async function predictAsync(model: NetworkModel, x: Float32Array, rows: number): Promise<Float64Array> {
  const out = outputFor(model, x, rows);
  const width = out.length / Math.max(rows, 1);
  for (let start = 0; start < rows; start += PREDICT_BATCH) {
    const result = forwardChunk(model, x, start, Math.min(PREDICT_BATCH, rows - start));
    out.set(await result.data(), start * width);
    result.dispose();
  }
  return out;
}

/**
 * For logistic and linear models: f(x) = x W + b with W cols x outputs (row-major). In
 * log-odds for logistic (softmax logits for multiclass), in target units for linear.
 * null for an MLP.
 */
export function linearWeights(model: NetworkModel): { weights: Float64Array; bias: Float64Array } | null {
  const layers = model.net.layers;
  // A linear model is one dense layer and its head; anything deeper has no weights to read off.
  if (layers.length !== 2) return null;
  const [kernel, bias] = layers[layers.length - 2].getWeights();
  const weights = Float64Array.from(kernel.dataSync());
  const b = Float64Array.from(bias.dataSync());
  if (model.task === 'regression') {
    // Undo the target standardization of the head: y = z * scale + offset.
    const head = layers[layers.length - 1].getConfig() as { scale: number; offset: number };
    for (let i = 0; i < weights.length; i++) weights[i] *= head.scale;
    for (let i = 0; i < b.length; i++) b[i] = b[i] * head.scale + head.offset;
  }
  return { weights, bias: b };
}

/** Frees the model's weights on the backend; the model cannot be used afterwards. */
export function disposeModel(model: NetworkModel): void {
  model.net.dispose();
}
