/**
 * Isolation forest on 1,000,000 x 10 in Node, skipped unless LOUPE_BENCH=1:
 *   LOUPE_BENCH=1 npx vitest run src/core/anomaly/forest.bench.test.ts
 * The same generated rows as bench/workloads/anomaly.mjs (seeded normals, 0.1% shifted by 8 in
 * one feature, in turn), built straight into the matrix (no CSV parse). Prints one JSON line.
 */
import { describe, expect, test } from 'vitest';
import { createRandom } from '../random';
import { fitIsolationForest, scoreRows } from './forest';

const ROWS = Number(process.env.LOUPE_BENCH_ROWS ?? 1_000_000);
const D = 10;

describe.skipIf(!process.env.LOUPE_BENCH)('isolation forest benchmark', () => {
  test(`fit + score ${ROWS} x ${D}`, () => {
    const random = createRandom(20261202);
    const data = new Float32Array(ROWS * D);
    for (let r = 0; r < ROWS; r++) for (let f = 0; f < D; f++) data[r * D + f] = random.normal();
    for (let r = 0; r < ROWS; r += 1000) data[r * D + ((r / 1000) % D)] += 8;
    const matrix = { data, rows: ROWS, features: D };
    const t0 = performance.now();
    const forest = fitIsolationForest(matrix, { nTrees: 100, sampleSize: 256, seed: 42 });
    const t1 = performance.now();
    const scores = new Float64Array(ROWS);
    scoreRows(forest, matrix, scores);
    const t2 = performance.now();
    console.log(JSON.stringify({ workload: 'anomaly-node', rows: ROWS, features: D, nTrees: 100, sampleSize: 256, fitMs: +(t1 - t0).toFixed(1), scoreMs: +(t2 - t1).toFixed(1), totalS: +((t2 - t0) / 1000).toFixed(2), rowsPerS: Math.round(ROWS / ((t2 - t1) / 1000)), node: process.version }));
    expect(scores.every((s) => s > 0 && s < 1)).toBe(true);
  }, 300_000);
});
