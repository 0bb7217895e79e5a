import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../compute/tf';
import { createBatcher, hostRows } from './batches';

describe('host batches', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  // 5 rows x 3 columns: x[i][j] = 10 i + j; classes 0, 2, 1, 2, 0; weights 0.5 .. 2.5.
  const data = {
    x: Float32Array.from({ length: 15 }, (_, k) => 10 * Math.floor(k / 3) + (k % 3)),
    y: Float32Array.from([0, 2, 1, 2, 0]),
    rows: 5,
    cols: 3,
    weights: Float32Array.from([0.5, 1, 1.5, 2, 2.5]),
  };

  it('cuts the shuffled rows, x transposed with a row of ones, one-hot targets and weights', () => {
    const next = createBatcher(hostRows('multiclass', data, 3, { offset: 0, scale: 1 }), 2, true);
    const order = Int32Array.from([3, 0, 4, 1, 2]);
    const seen = [];
    for (let start = 0; start < 5; start += 2) {
      const n = Math.min(2, 5 - start);
      seen.push(
        tf.tidy(() => {
          const b = next(order, start, n);
          return { x: b.x.arraySync(), xTa: b.xTa!.arraySync(), y: b.y.arraySync(), w: b.w!.arraySync() };
        }),
      );
    }
    expect(seen[0]).toEqual({
      x: [[30, 31, 32], [0, 1, 2]],
      xTa: [[30, 0], [31, 1], [32, 2], [1, 1]],
      y: [[0, 0, 1], [1, 0, 0]],
      w: [[2], [0.5]],
    });
    expect(seen[1].x).toEqual([[40, 41, 42], [10, 11, 12]]);
    // The last batch is short: one row, from buffers the first two batches wrote.
    expect(seen[2]).toEqual({ x: [[20, 21, 22]], xTa: [[20], [21], [22], [1]], y: [[0, 1, 0]], w: [[1.5]] });
  });

  it('standardizes regression targets and keeps binary labels', () => {
    const y = Float32Array.from([1, 3, 5, 7, 9]);
    const reg = createBatcher(hostRows('regression', { ...data, y, weights: undefined }, 1, { offset: 5, scale: 2 }), 5, false);
    const bin = createBatcher(hostRows('binary', { ...data, y: Float32Array.from([0, 1, 1, 0, 1]) }, 1, { offset: 0, scale: 1 }), 5, false);
    const order = Int32Array.from([0, 1, 2, 3, 4]);
    expect(tf.tidy(() => reg(order, 0, 5).y.arraySync())).toEqual([[-2], [-1], [0], [1], [2]]);
    expect(tf.tidy(() => bin(order, 0, 5).y.arraySync())).toEqual([[0], [1], [1], [0], [1]]);
    expect(tf.tidy(() => reg(order, 0, 5).w)).toBeUndefined();
    expect(tf.tidy(() => reg(order, 0, 5).xTa)).toBeUndefined();
  });
});
