// `npm run bench -- anomaly`: isolation forest fit + score on 1,000,000 x 10 (generated, seeded)
// in the engine worker of the production build, as the Clean view's anomaly panel runs it (100
// trees, 256 rows each, top 0.1%). Beside it, scikit-learn 1.2.1's IsolationForest on the same
// file with /usr/bin/python3 (n_jobs=1, the browser's one thread), when that Python is there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { normalFrom, random, writeCsvOnce } from '../generate.mjs';
import { openBenchPage, upload } from './train.mjs';

export const name = 'anomaly';
export const onlyOnRequest = false;

const ROWS = 1_000_000;
const COLS = 10;
const PYTHON = '/usr/bin/python3';

/** ROWS x COLS standard normals f0..f9; every 1,000th row shifted by 8 in one feature, in turn (the anomalies). */
async function anomalyCsv(path = 'bench/data/anomaly-1m.csv') {
  const r = random(20261202);
  const normal = normalFrom(r);
  const x = new Float64Array(COLS);
  return writeCsvOnce(path, Array.from({ length: COLS }, (_, j) => `f${j}`).join(','), ROWS, (i) => {
    for (let j = 0; j < COLS; j++) x[j] = normal();
    if (i % 1000 === 0) x[(i / 1000) % COLS] += 8;
    return Array.from(x, (v) => v.toFixed(4)).join(',') + '\n';
  });
}

const SKLEARN = `
import json, sys, time
import numpy as np
from sklearn.ensemble import IsolationForest
X = np.loadtxt(sys.argv[1], delimiter=',', skiprows=1, dtype=np.float32)
t0 = time.perf_counter()
f = IsolationForest(n_estimators=100, max_samples=256, random_state=42, n_jobs=1).fit(X)
t1 = time.perf_counter()
s = f.score_samples(X)
t2 = time.perf_counter()
# score_samples is -s: the lowest are the most anomalous.
top = np.argsort(s)[:100]
print(json.dumps({'fitSeconds': t1 - t0, 'scoreSeconds': t2 - t1, 'totalSeconds': t2 - t0, 'plantedInTop100': int((top % 1000 == 0).sum())}))
`;

function sklearn(path) {
  if (!existsSync(PYTHON)) return { error: `${PYTHON} not found` };
  try {
    return JSON.parse(execFileSync(PYTHON, ['-c', SKLEARN, path], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 600_000 }).trim().split('\n').at(-1));
  } catch (error) {
    return { error: String(error.message ?? error).slice(0, 400) };
  }
}

export async function run({ browser, url, args }) {
  const file = await anomalyCsv();
  const page = await openBenchPage(browser, url, 'wasm');
  const loadStarted = Date.now();
  const datasetId = await upload(page, file);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  const columns = Array.from({ length: COLS }, (_, j) => `f${j}`);
  const measured = await page.evaluate(async ({ datasetId, columns }) => {
    const progress = () => {};
    progress[window.__loupeProxyMarker] = true;
    const started = performance.now();
    const r = await window.loupeEngine.anomaly.score(datasetId, { columns, nTrees: 100, sampleSize: 256, seed: 42, cut: { kind: 'contamination', share: 0.001 }, topN: 100 }, `bench-anomaly-${Date.now()}`, progress);
    const wallMs = performance.now() - started;
    if (!r.ok) return { error: r.message };
    // Planted rows are every 1,000th: how many of the top 100 are planted.
    return { wallMs, timings: r.value.timings, flagged: r.value.flagged, plantedInTop100: r.value.top.filter((t) => t.row % 1000 === 0).length };
  }, { datasetId, columns });
  await page.context().close();
  if (measured.error) throw new Error(`anomaly: ${measured.error}`);
  const t = measured.timings;
  const line = {
    workload: 'anomaly',
    data: `generated ${ROWS.toLocaleString('en-US')} x ${COLS}`,
    nTrees: 100,
    sampleSize: 256,
    loadSeconds,
    loupe: { matrixSeconds: t.matrixMs / 1000, fitSeconds: t.fitMs / 1000, scoreSeconds: t.scoreMs / 1000, fitScoreSeconds: (t.fitMs + t.scoreMs) / 1000, wallSeconds: measured.wallMs / 1000, scoredRowsPerSecond: Math.round(ROWS / (t.scoreMs / 1000)) },
    flagged: measured.flagged,
    plantedInTop100: measured.plantedInTop100,
  };
  if (!args.includes('--no-sklearn')) line.sklearn1 = sklearn(file);
  return [line];
}
