import { afterAll, describe, expect, it } from 'vitest';
import { switchBackend } from './backends';
import { tf } from './tf';

/** Every slice and split below, computed on one backend, as plain arrays. */
function cuts(): unknown[] {
  return tf.tidy(() => {
    const m = tf.range(0, 60).reshape([5, 12]);
    const t = tf.range(0, 120, 1, 'int32').reshape([2, 3, 4, 5]);
    const b = tf.tensor1d([1, 0, 1, 1, 0, 0], 'bool');
    const out: tf.Tensor[] = [
      tf.slice(m, [1, 0], [3, 12]), // whole rows: contiguous
      tf.slice(m, [1, 2], [3, 5]), // a block: one run per row
      tf.slice(m, [0, 11], [-1, 1]), // size -1: to the end
      tf.slice(m, [2, 3], [0, 4]), // empty
      tf.slice(t, [1, 1, 1, 2], [1, 2, 3, 2]),
      tf.slice(b, 2, 3),
      ...tf.split(tf.range(0, 17), [5, 1, 11]),
      ...tf.split(m, [4, 8], 1),
      ...tf.split(t, 3, 1),
    ];
    return out.map((x) => ({ shape: x.shape, dtype: x.dtype, values: Array.from(x.dataSync()) }));
  });
}

describe('wasm Slice and SplitV read through the heap', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('give the same tensors as the cpu backend', async () => {
    expect((await switchBackend('cpu')).ok).toBe(true);
    const reference = cuts();
    expect((await switchBackend('wasm')).ok).toBe(true);
    expect((tf.getKernel('Slice', 'wasm') as { loupe?: boolean }).loupe).toBe(true);
    expect(cuts()).toEqual(reference);
  });
});
