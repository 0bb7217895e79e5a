// `npm run bench -- stream`: replay throughput (rows/s through window + drift + prequential +
// update) on 1,000,000 generated rows (seeded; 10 numeric features and a category, a drift planted
// at row 500,000), in the engine worker on wasm. The model is a logistic regression trained on a
// 50,000-row history file from the same generator; windows are tumbling, 10,000 rows. Then three
// replays without updates count the false alarms before the drift under quieter alert settings.
import { normalFrom, random, writeCsvOnce } from '../generate.mjs';
import { openBenchPage, upload } from './train.mjs';

export const name = 'stream';
export const onlyOnRequest = true;

const ROWS = 1_000_000;
const HISTORY = 50_000;
const DRIFT_AT = 500_000;
const WINDOW = 10_000;


async function driftCsv(path, rows) {
  const r = random(20261202);
  const normal = normalFrom(r);
  const start = Date.UTC(2026, 0, 1);
  return writeCsvOnce(path, `time,${Array.from({ length: 10 }, (_, j) => `x${j}`).join(',')},colour,label`, rows, (i) => {
    const after = i >= DRIFT_AT;
    const x = Array.from({ length: 10 }, (_, j) => normal() + (after && j === 1 ? 1 : 0));
    let z = 0;
    for (let j = 0; j < 10; j++) z += (j % 2 ? -0.5 : 0.6) * x[j];
    const label = r() < 1 / (1 + Math.exp(after ? z : -z)) ? 1 : 0;
    return `${new Date(start + i * 1000).toISOString()},${x.map((v) => v.toFixed(3)).join(',')},${['a', 'b', 'c', 'd'][Math.floor(r() * 4)]},${label}\n`;
  });
}

async function trainHistory(page, datasetId) {
  return page.evaluate(async (datasetId) => {
    const engine = window.loupeEngine;
    const features = [...Array.from({ length: 10 }, (_, j) => `x${j}`), 'colour'];
    const model = { ...(await engine.runs.defaultModel('logistic', 'binary')), epochs: 10 };
    const config = { target: 'label', task: 'binary', positiveClass: '1', features, model, seed: 1, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5 };
    const progress = () => {};
    progress[window.__loupeProxyMarker] = true;
    const run = await engine.runs.train(datasetId, config, `bench-stream-train-${Date.now()}`, progress);
    return run.ok ? run.value.id : { error: run.message };
  }, datasetId);
}

async function replay(page, runId, datasetId, update, alerting = {}) {
  return page.evaluate(async ({ runId, datasetId, update, window: size, plantedAt, alerting }) => {
    const engine = window.loupeEngine;
    let messages = 0;
    let firstAlert = null;
    // Alerts before the planted drift are false alarms: counted by what raised them.
    const falseAlarms = {};
    const progress = (p) => {
      messages++;
      for (const w of p.windows) {
        if (firstAlert === null && w.alerts.some((a) => a.kind !== 'ddm-warning')) firstAlert = w.index;
        if (w.index < plantedAt) for (const a of w.alerts) falseAlarms[a.feature ?? a.kind] = (falseAlarms[a.feature ?? a.kind] ?? 0) + 1;
      }
    };
    progress[window.__loupeProxyMarker] = true;
    const id = `bench-stream-${update}-${Date.now()}`;
    const started = performance.now();
    const r = await engine.stream.start({ runId, source: { kind: 'dataset', datasetId, timeColumn: 'time' }, window: { kind: 'tumbling', unit: 'rows', size }, ...alerting, rowsPerSecond: 0, update, partialFit: { epochs: 1 }, seed: 1 }, id, progress);
    const wallMs = performance.now() - started;
    await engine.stream.close(id);
    return r.ok ? { ...r.value, wallMs, messages, firstAlertWindow: firstAlert, alarmsBeforeDrift: falseAlarms } : { error: r.message };
  }, { runId, datasetId, update, window: WINDOW, plantedAt: DRIFT_AT / WINDOW, alerting });
}

export async function run({ browser, url }) {
  const big = await driftCsv('bench/data/stream-1m.csv', ROWS);
  const history = await driftCsv('bench/data/stream-history-50k.csv', HISTORY);
  const page = await openBenchPage(browser, url, 'wasm');
  const lines = [];
  try {
    const historyId = await upload(page, history);
    const runId = await trainHistory(page, historyId);
    if (typeof runId !== 'string') return [{ workload: name, error: runId.error }];
    const datasetId = await upload(page, big);
    for (const update of ['never', 'every-window']) {
      const r = await replay(page, runId, datasetId, update);
      lines.push({ workload: name, data: `stream-1m (${ROWS.toLocaleString('en')} rows x 12 columns)`, window: WINDOW, update, backend: 'wasm', ...r, plantedDriftWindow: DRIFT_AT / WINDOW });
    }
    // False alarms before the planted drift under the quieter settings (a longer reference, PSI only).
    for (const alerting of [{ referenceWindows: 5 }, { driftRule: 'psi' }, { referenceWindows: 5, driftRule: 'psi' }]) {
      const r = await replay(page, runId, datasetId, 'never', alerting);
      lines.push({ workload: name, data: `stream-1m (${ROWS.toLocaleString('en')} rows x 12 columns)`, window: WINDOW, update: 'never', ...alerting, backend: 'wasm', ...r, plantedDriftWindow: DRIFT_AT / WINDOW });
    }
  } finally {
    await page.context().close();
  }
  return lines;
}
