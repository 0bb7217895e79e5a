/**
 * Histograms cut into parts for helper threads sum to the one-thread histogram, so a forest grown
 * with helpers is the forest grown without. The helpers here run in this thread (the parts are
 * built at join), which is the arithmetic the workers do; the workers themselves run in Chromium
 * (npm run bench -- gbdt, with ?histogramWorkers=N).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random';
import { boost } from './boost';
import { forestMargins } from './forest';
import { gbdtKind } from '.';
import { buildHistogramPart, STATS, type HistogramHelpers, type SharedFitArrays } from './parallel';

function inThreadHelpers(count: number): HistogramHelpers & { builds: number } {
  let arrays: SharedFitArrays | null = null;
  let pending: { ranges: Int32Array; use: Int32Array } | null = null;
  const helpers = {
    count,
    builds: 0,
    allocate: (bytes: number) => new ArrayBuffer(bytes),
    attach: (a: SharedFitArrays) => void (arrays = a),
    start: (ranges: Int32Array, use: Int32Array) => void (pending = { ranges: ranges.slice(), use: use.slice() }),
    join() {
      const a = arrays!;
      const { ranges, use } = pending!;
      helpers.builds++;
      return Array.from({ length: count }, (_, i) => {
        const hist = new Float64Array(a.slots[a.features] * STATS);
        buildHistogramPart(hist, a, ranges[2 * i], ranges[2 * i + 1], use, use.length);
        return hist;
      });
    },
    detach: () => void (arrays = null),
  };
  return helpers;
}

describe('histograms across helper threads', () => {
  it('grow the same forest as one thread, with the big nodes handed off', async () => {
    const rows = 40_000;
    const cols = 8;
    const r = createRandom(3);
    const x = new Float32Array(rows * cols);
    const y = new Float32Array(rows);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) x[i * cols + j] = j === 7 && r.next() < 0.1 ? NaN : r.normal();
      y[i] = r.next() < 1 / (1 + Math.exp(-(x[i * cols] - x[i * cols + 1] + 0.5 * x[i * cols + 2] * x[i * cols + 3]))) ? 1 : 0;
    }
    const empty = { x: new Float32Array(0), y: new Float32Array(0), rows: 0, cols };
    const data = { task: 'binary' as const, classes: 2, train: { x, y, rows, cols }, val: empty, seed: 1 };
    const settings = { ...gbdtKind.defaults('binary'), rounds: 5, colsample: 0.75, maxCategoriesPerSplit: 32 };
    const one = await boost(data, settings, new Array<boolean>(cols).fill(false), {});
    const helpers = inThreadHelpers(2);
    const three = await boost(data, settings, new Array<boolean>(cols).fill(false), {}, helpers);
    if (!one.ok || !three.ok) throw new Error('fit failed');
    expect(helpers.builds).toBeGreaterThan(5);
    const a = forestMargins(one.forest, x, rows);
    const b = forestMargins(three.forest, x, rows);
    // Sums in another order: float64 rounding at most.
    let worst = 0;
    a.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b[i]))));
    expect(worst).toBeLessThan(1e-9);
    expect(three.forest.trees.map((t) => t.left.length)).toEqual(one.forest.trees.map((t) => t.left.length));
  });
});
