#!/usr/bin/env node
// Recommender benchmark: 5-fold CV on MovieLens 100K for every algorithm (RMSE, MAE, fit seconds), as JSON.
// The code is TypeScript, so this runs the LOUPE_BENCH-gated Vitest file that measures it.
// Usage: node bench/recommend-node.mjs ['<JSON array of extra AlgorithmSpecs>']   (LOUPE_DATA_DIR to move the data)
import { spawnSync } from 'node:child_process';

const env = { ...process.env, LOUPE_BENCH: '1' };
if (process.argv[2]) env.LOUPE_BENCH_SPECS = process.argv[2];
const run = spawnSync('npx', ['vitest', 'run', 'src/core/recommend/ml100k.bench.test.ts', '--reporter=dot'], {
  env,
  encoding: 'utf8',
});
const out = run.stdout ?? '';
const start = out.indexOf('{\n');
const end = out.lastIndexOf('\n}');
if (run.status !== 0 || start < 0 || end < 0) {
  process.stderr.write(out + (run.stderr ?? ''));
  process.exit(run.status || 1);
}
process.stdout.write(out.slice(start, end + 2) + '\n');
