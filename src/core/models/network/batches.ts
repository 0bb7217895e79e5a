/**
 * Minibatches cut on the host. The training matrix stays in the Float32Array it came in; each
 * step copies its shuffled rows into fresh tensors. On tfjs-wasm that is the cheap way in: its
 * Gather kernel costs ~70 ns an element (1 ms for 256 x 50 rows) and its Slice copies the whole
 * source tensor to JS before cutting, while a 256 x 50 upload is a memcpy of a few microseconds.
 * On wasm the batch also carries x transposed with a row of ones, which the first layer's
 * gradient needs there and which is cheaper to write here than to transpose on the backend.
 *
 * The host buffers are allocated once per run and reused: in Chromium each fresh 50 KB
 * typed array costs 30-170 us. Reuse is safe because every backend has taken the values
 * (copied to the wasm heap, uploaded, or consumed by the cpu kernels) by the time the step's
 * tidy has disposed the batch, before the next batch overwrites them.
 */
import { tf, type Tensor } from '../../compute/tf';
import type { TargetScale } from './network';
import type { TaskKind, TrainingData } from './types';

/** Training rows as the loss reads them, on the host. */
export interface HostRows {
  x: Float32Array;
  cols: number;
  /** Row-major targets, `width` per row: one-hot for multiclass, the (standardized) value otherwise. */
  targets: Float32Array;
  width: number;
  weights?: Float32Array;
}

export interface Batch {
  x: Tensor;
  /** x transposed, with a row of ones below: [cols + 1, n]; only when the batcher was asked for it. */
  xTa?: Tensor;
  y: Tensor;
  w?: Tensor;
}

/** Targets as the loss wants them: one-hot for multiclass, standardized for regression. */
export function hostRows(task: TaskKind, data: TrainingData, k: number, scale: TargetScale): HostRows {
  const width = task === 'multiclass' ? k : 1;
  const targets = new Float32Array(data.rows * width);
  for (let i = 0; i < data.rows; i++) {
    if (task === 'multiclass') targets[i * k + data.y[i]] = 1;
    else targets[i] = task === 'regression' ? (data.y[i] - scale.offset) / scale.scale : data.y[i];
  }
  return { x: data.x, cols: data.cols, targets, width, weights: data.weights };
}

/** Cuts batches of at most `maxRows` rows into buffers it reuses; `transposed` adds xTa (for wasm). */
export function createBatcher(rows: HostRows, maxRows: number, transposed: boolean): (order: Int32Array, start: number, n: number) => Batch {
  const { cols, width } = rows;
  const xBuf = new Float32Array(maxRows * cols);
  const xtBuf = transposed ? new Float32Array((cols + 1) * maxRows) : null;
  const yBuf = new Float32Array(maxRows * width);
  const wBuf = rows.weights ? new Float32Array(maxRows) : null;
  /** Rows order[start .. start + n) as tensors; call inside a tidy that ends before the next call. */
  return (order, start, n) => {
    const x = xBuf.subarray(0, n * cols);
    const y = yBuf.subarray(0, n * width);
    const w = wBuf?.subarray(0, n);
    for (let i = 0; i < n; i++) {
      const r = order[start + i];
      x.set(rows.x.subarray(r * cols, (r + 1) * cols), i * cols);
      if (width === 1) y[i] = rows.targets[r];
      else y.set(rows.targets.subarray(r * width, (r + 1) * width), i * width);
      if (w) w[i] = rows.weights![r];
    }
    const xt = xtBuf?.subarray(0, (cols + 1) * n);
    if (xt) {
      for (let j = 0, out = 0; j < cols; j++) for (let i = 0; i < n; i++) xt[out++] = x[i * cols + j];
      xt.fill(1, cols * n);
    }
    return {
      x: tf.tensor2d(x, [n, cols]),
      xTa: xt ? tf.tensor2d(xt, [cols + 1, n]) : undefined,
      y: tf.tensor2d(y, [n, width]),
      w: w ? tf.tensor2d(w, [n, 1]) : undefined,
    };
  };
}
