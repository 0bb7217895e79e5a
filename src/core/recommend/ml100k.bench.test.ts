/**
 * Benchmark, not a test: 5-fold CV on MovieLens 100K for every algorithm, printed as JSON.
 * Skipped unless LOUPE_BENCH=1 (run: node bench/recommend-node.mjs, or
 * LOUPE_BENCH=1 npx vitest run src/core/recommend/ml100k.bench.test.ts). LOUPE_BENCH_SPECS may hold
 * a JSON array of extra AlgorithmSpecs to measure; LOUPE_BENCH_ONLY=1 measures only those.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPECS, fitAlgorithm } from './algorithms';
import { complementIndices, kFoldSplits, mae, predictAt, rmse } from './evaluate';
import { parseRatingsText } from './ratings';
import { BEST_SPEC } from './best';
import type { AlgorithmSpec } from './types';

const dataFile = join(process.env.LOUPE_DATA_DIR ?? join(__dirname, '../../../../shared/data'), 'ml-100k', 'u.data');
const enabled = process.env.LOUPE_BENCH === '1';

describe.skipIf(!enabled)('ml-100k 5-fold benchmark', () => {
  it('measures RMSE, MAE and fit time per algorithm', () => {
    expect(existsSync(dataFile), `MovieLens 100K not found at ${dataFile}`).toBe(true);
    const parsed = parseRatingsText(readFileSync(dataFile, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const data = parsed.value;
    const folds = kFoldSplits(data.rating.length, 5, 0);
    const extra = JSON.parse(process.env.LOUPE_BENCH_SPECS ?? '[]') as AlgorithmSpec[];
    const specs: AlgorithmSpec[] = process.env.LOUPE_BENCH_ONLY === '1' ? extra : [
      DEFAULT_SPECS.popularity,
      DEFAULT_SPECS.baseline,
      DEFAULT_SPECS.knn,
      DEFAULT_SPECS.svd,
      DEFAULT_SPECS.svdpp,
      BEST_SPEC,
      ...extra,
    ];
    const results = specs.map((spec) => {
      const perFold = folds.map((test) => {
        const train = complementIndices(data.rating.length, test);
        const t0 = performance.now();
        const model = fitAlgorithm(spec, data, train);
        const fitSeconds = (performance.now() - t0) / 1000;
        const predicted = predictAt(model, data, test);
        return { rmse: rmse(data, test, predicted), mae: mae(data, test, predicted), fitSeconds };
      });
      const mean = (f: (x: (typeof perFold)[number]) => number): number =>
        Number((perFold.reduce((s, x) => s + f(x), 0) / perFold.length).toFixed(4));
      return {
        spec,
        rmse: mean((x) => x.rmse),
        mae: mean((x) => x.mae),
        fitSeconds: mean((x) => x.fitSeconds),
        foldRmse: perFold.map((x) => Number(x.rmse.toFixed(4))),
      };
    });
    console.log(JSON.stringify({ dataset: 'ml-100k', folds: 5, seed: 0, results }, null, 1));
  }, 600_000);
});
