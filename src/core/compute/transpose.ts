/**
 * Transposes and transposed products, each backend on its fast path. tfjs-wasm multiplies
 * transposed operands in a scalar loop (XNNPACK only takes untransposed ones), so there the
 * operand is transposed first; the cpu, WebGL and WebGPU kernels read transposed operands
 * natively, and an explicit transpose would only add work (cpu: 1-2 ms for [256, 64]).
 *
 * Matrix transpose that stays off tfjs-wasm's slow paths. Its 2-D Transpose kernel reads rows in
 * order and writes with a stride of the row count, so with a power-of-two batch every write lands
 * in the same cache set ([1024, 64]: 850 us). Viewed as [2, rows / 2, cols] -> [cols, 2, rows / 2],
 * the 3-D kernel writes in order and reads with a stride of cols instead (75 us); the result is
 * the same matrix. Other backends transpose either form the same way.
 */
import { tf, type Tensor } from './tf';

/** x^T for a 2-D x. */
export function transposeMatrix(x: Tensor): Tensor {
  const [rows, cols] = x.shape as [number, number];
  if (rows % 2 !== 0 || rows * cols < 4096) return tf.transpose(x);
  return tf.reshape(tf.transpose(tf.reshape(x, [2, rows / 2, cols]), [2, 0, 1]), [cols, rows]);
}

/** True where a transposed matmul operand is slow and should be transposed first (wasm). */
export function transposeBeforeMatMul(): boolean {
  return tf.getBackend() === 'wasm';
}

/** a b^T. */
export function matMulTransposedB(a: Tensor, b: Tensor): Tensor {
  return transposeBeforeMatMul() ? tf.matMul(a, transposeMatrix(b)) : tf.matMul(a, b, false, true);
}
