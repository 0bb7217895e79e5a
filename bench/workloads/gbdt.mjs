// `npm run bench -- gbdt`: Loupe's gradient-boosted trees beside XGBoost (hist) and scikit-learn's
// HistGradientBoostingClassifier on the same rows, split and settings (100 rounds of XGBoost's hist
// defaults), on the 200k x 50 file the train bench generates and on demo-customers. Loupe trains in
// the engine worker (one thread); the references run with /usr/bin/python3 at 1 thread (what the
// browser uses) and at 2. Also TreeSHAP: the global summary of 1,000 test rows in the engine worker.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { openBenchPage, throughputCsv, upload } from './train.mjs';

export const name = 'gbdt';
export const onlyOnRequest = false;

const ROUNDS = 100;
const PYTHON = '/usr/bin/python3';

/** Train in the page as the Train view does, with the XGBoost preset and early stopping off. */
async function trainGbdt(page, datasetId, target) {
  return page.evaluate(async ({ datasetId, target, rounds }) => {
    const engine = window.loupeEngine;
    const setup = await engine.runs.setupTask(datasetId, target, null);
    if (!setup.ok) return { error: setup.message };
    const s = setup.value;
    const spec = { ...(await engine.runs.defaultModel('gbdt', s.task)), rounds, earlyStoppingRounds: 0 };
    const config = { target, task: s.task, positiveClass: s.positiveClass, features: s.features.filter((f) => f.include).map((f) => f.name), model: spec, seed: 42, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5 };
    const progress = () => {};
    progress[window.__loupeProxyMarker] = true;
    const started = performance.now();
    const run = await engine.runs.train(datasetId, config, `bench-gbdt-${Date.now()}`, progress);
    if (!run.ok) return { error: `${run.reason}: ${run.message}` };
    return { summary: run.value, wallMs: performance.now() - started };
  }, { datasetId, target, rounds: ROUNDS });
}

/** TreeSHAP over 1,000 test rows in the log-odds, as the Explain view's global summary runs it. */
async function treeShapGlobal(page, runId) {
  return page.evaluate(async (runId) => {
    const settings = { space: 'margin', method: 'auto', samples: 512, backgroundSize: 20, backgroundKind: 'kmeans', rows: 1000 };
    const g = await window.loupeEngine.explain.explainGlobal(runId, settings, `bench-shap-${Date.now()}`, null);
    return g.ok ? { ms: g.value.ms, rows: g.value.rows, features: g.value.features.length } : { error: g.message };
  }, runId);
}

/** The run's encoded rows, saved through a download so a 100 MB file never crosses as a string. */
async function saveEncodedRows(page, runId, path) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.evaluate(async (runId) => {
      const r = await window.loupeEngine.runs.exportEncodedRows(runId);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(r.value);
      a.download = 'encoded-rows.csv';
      a.click();
    }, runId),
  ]);
  await download.saveAs(path);
}

function reference(path, threads) {
  if (!existsSync(PYTHON)) return { error: `${PYTHON} not found (apt-get install python3-xgboost python3-sklearn)` };
  try {
    return JSON.parse(execFileSync(PYTHON, ['bench/gbdt_reference.py', path, String(threads), String(ROUNDS)], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').at(-1));
  } catch (error) {
    return { error: String(error.message ?? error).slice(0, 400) };
  }
}

export async function run({ browser, url }) {
  mkdirSync('bench/data', { recursive: true });
  const large = await throughputCsv('bench/data/train-200k.csv', 200_000);
  const cases = [
    { data: 'train-200k (200,000 x 50)', demo: false, file: large, target: 'label', encoded: 'bench/data/gbdt-encoded-200k.csv', helpers: 0 },
    // The same fit with histogram helpers (workers over shared memory), however many cores there are.
    { data: 'train-200k (200,000 x 50)', demo: false, file: large, target: 'label', encoded: null, helpers: Math.max(1, os.availableParallelism() - 1) },
    { data: 'demo-customers', demo: true, file: null, target: 'churned', encoded: 'bench/data/gbdt-encoded-demo.csv', helpers: 0 },
  ];
  const lines = [];
  for (const c of cases) {
    const page = await openBenchPage(browser, url, 'wasm', `&histogramWorkers=${c.helpers}`);
    try {
      let datasetId;
      if (c.file) datasetId = await upload(page, c.file);
      else {
        // The demo datasets load with the page when demo is not turned off; a tiny upload first
        // records comlink's proxy marker, which trainGbdt needs (train.mjs, captureProxyMarker).
        await page.goto(`${url}/?bench=1&backend=wasm&histogramWorkers=${c.helpers}`);
        await page.waitForFunction(() => window.loupeEngine && document.querySelector('#backend-select')?.value, null, { timeout: 240_000 });
        writeFileSync('bench/data/proxy-marker.csv', 'a,b\n1,2\n3,4\n');
        await upload(page, 'bench/data/proxy-marker.csv');
        datasetId = await page.evaluate(async () => (await window.loupeEngine.data.listDatasets()).find((d) => d.name === 'demo-customers.csv')?.id ?? null);
        if (!datasetId) throw new Error('demo-customers.csv did not load');
      }
      const trained = await trainGbdt(page, datasetId, c.target);
      if (trained.error) throw new Error(`gbdt on ${c.data}: ${trained.error}`);
      const { summary } = trained;
      const loupe = { fitSeconds: summary.timings.trainMs / 1000, testAuc: summary.evaluation.metrics.auc, trees: summary.capabilities.trees };
      const shap = await treeShapGlobal(page, summary.id);
      if (!c.encoded) {
        lines.push({ workload: 'gbdt', data: c.data, rounds: ROUNDS, histogramHelpers: c.helpers, trainRows: summary.trainRows, loupe, treeShap: shap });
        continue;
      }
      await saveEncodedRows(page, summary.id, c.encoded);
      const refs = [1, 2].map((t) => reference(c.encoded, t));
      const one = refs[0];
      lines.push({
        workload: 'gbdt',
        data: c.data,
        rounds: ROUNDS,
        histogramHelpers: c.helpers,
        trainRows: summary.trainRows,
        loupe,
        treeShap: shap,
        xgboost1: one.xgboost ?? one,
        xgboost2: refs[1].xgboost ?? refs[1],
        sklearn1: one.sklearn ?? null,
        sklearn2: refs[1].sklearn ?? null,
        ratios: one.xgboost
          ? {
              fitVsXgboost1Thread: loupe.fitSeconds / one.xgboost.fitSeconds,
              fitVsXgboost2Threads: refs[1].xgboost ? loupe.fitSeconds / refs[1].xgboost.fitSeconds : null,
              fitVsSklearn1Thread: loupe.fitSeconds / one.sklearn.fitSeconds,
              aucMinusXgboost: loupe.testAuc - one.xgboost.testAuc,
              aucMinusSklearn: loupe.testAuc - one.sklearn.testAuc,
            }
          : null,
      });
    } finally {
      await page.context().close();
    }
  }
  return lines;
}
