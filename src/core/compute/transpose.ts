/**
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
