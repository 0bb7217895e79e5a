// Explanations, in the engine worker of the production build, driven through window.loupeEngine (?bench=1):
//   npm run bench -- explain                 MLP (64, 32) on 20 numeric features: one row (2,048 coalitions,
//                                            50-row k-means background) and 500 rows (512 coalitions, 20-row
//                                            background) on wasm and cpu, 50 rows on webgpu; model evaluations/s.
//   npm run bench -- explain --csv FILE --target COLUMN [--model logistic|mlp] [--rows N] [--seed N] [--backends ...]
//                                            trains as `bench -- train` does, explains N test rows, writes
//                                            bench/results/shap.csv and prints {"workload":"explain","space",...}.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openBenchPage, throughputCsv, upload } from './train.mjs';

export const name = 'explain';

function flags(args) {
  const out = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) out[args[i].slice(2)] = args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[++i] : 'true';
  }
  return out;
}

/** Train as the Train view does and keep the run (bench -- train removes it). */
async function trainKept(page, { datasetId, target, model, seed, overrides }) {
  return page.evaluate(async ({ datasetId, target, model, seed, overrides }) => {
    const engine = window.loupeEngine;
    const setup = await engine.runs.setupTask(datasetId, target, null);
    if (!setup.ok) return { error: setup.message };
    const s = setup.value;
    // The explain workloads train classification targets, which every kind they name can learn.
    const spec = { ...(await engine.runs.defaultModel(model, s.task)), ...overrides };
    const config = { target, task: s.task, positiveClass: s.positiveClass, features: s.features.filter((f) => f.include).map((f) => f.name), model: spec, seed, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5 };
    const progress = () => {};
    progress[window.__loupeProxyMarker] = true;
    const run = await engine.runs.train(datasetId, config, `bench-${Date.now()}`, progress);
    return run.ok ? { runId: run.value.id, task: s.task } : { error: `${run.reason}: ${run.message}` };
  }, { datasetId, target, model, seed, overrides });
}

/** Local and global timings for one backend, all inside the page. */
async function timeExplain(page, runId, { oneRowRepeats, globalRows }) {
  return page.evaluate(async ({ runId, oneRowRepeats, globalRows }) => {
    const engine = window.loupeEngine;
    const worst = await engine.explain.worstErrors(runId, Math.max(oneRowRepeats + 1, 10));
    if (!worst.ok) return { error: worst.message };
    const rows = worst.value.map((w) => w.rowIndex);
    const local = { space: 'probability', method: 'kernel', samples: 2048, backgroundSize: 50, backgroundKind: 'kmeans' };
    // The first call builds the background (k-means over 2,000 training rows) and warms kernels.
    const warm = await engine.explain.explainRow(runId, rows[0], local);
    if (!warm.ok) return { error: warm.message };
    let ms = 0;
    let evaluations = 0;
    for (let i = 1; i <= oneRowRepeats; i++) {
      const t = performance.now();
      const r = await engine.explain.explainRow(runId, rows[i % rows.length], local);
      ms += performance.now() - t;
      if (!r.ok) return { error: r.message };
      evaluations += r.value.evaluations;
    }
    const global = { space: 'probability', method: 'kernel', samples: 512, backgroundSize: 20, backgroundKind: 'kmeans', rows: globalRows };
    await engine.explain.explainRow(runId, rows[0], global); // background for the global settings
    const t = performance.now();
    const g = await engine.explain.explainGlobal(runId, global, `bench-explain-${Date.now()}`, null);
    const globalMs = performance.now() - t;
    if (!g.ok) return { error: g.message };
    return { oneRowMs: ms / oneRowRepeats, oneRowEvalsPerSec: evaluations / (ms / 1000), globalRows: g.value.rows, globalMs, globalEvalsPerSec: g.value.evaluations / (globalMs / 1000), firstRowMs: warm.value.ms };
  }, { runId, oneRowRepeats, globalRows });
}

async function grid(browser, url, f) {
  const csv = await throughputCsv('bench/data/explain-5k.csv', 5000, 20);
  const wanted = new Set((f.backends ?? 'wasm,cpu,webgpu').split(','));
  const plan = [
    { backend: 'wasm', globalRows: 500 },
    { backend: 'cpu', globalRows: Number(f['cpu-rows'] ?? 500) },
    { backend: 'webgpu', globalRows: 50 },
  ].filter((p) => wanted.has(p.backend));
  const lines = [];
  for (const p of plan) {
    const line = { workload: 'explain-timing', backend: p.backend, model: 'mlp(64,32)', features: 20 };
    let page = null;
    try {
      page = await openBenchPage(browser, url, p.backend);
      const datasetId = await upload(page, csv);
      const trained = await trainKept(page, { datasetId, target: 'label', model: 'mlp', seed: 42, overrides: { hidden: [64, 32], epochs: 3, earlyStoppingPatience: 0 } });
      if (trained.error) throw new Error(trained.error);
      const t = await timeExplain(page, trained.runId, { oneRowRepeats: 5, globalRows: p.globalRows });
      if (t.error) throw new Error(t.error);
      lines.push({
        ...line,
        one_row_ms: +t.oneRowMs.toFixed(1),
        one_row_evals_per_s: Math.round(t.oneRowEvalsPerSec),
        first_row_ms: +t.firstRowMs.toFixed(1),
        rows: t.globalRows,
        rows_s: +(t.globalMs / 1000).toFixed(2),
        ms_per_row: +(t.globalMs / t.globalRows).toFixed(1),
        rows_evals_per_s: Math.round(t.globalEvalsPerSec),
      });
    } catch (error) {
      lines.push({ ...line, error: String(error.message ?? error).split('\n')[0] });
    } finally {
      await page?.context().close();
    }
    console.error(`[bench] ${JSON.stringify(lines.at(-1))}`);
  }
  return lines;
}

async function explainCsv(browser, url, f) {
  if (!f.target) throw new Error('explain: --csv needs --target COLUMN');
  const model = f.model ?? 'logistic';
  if (!['logistic', 'mlp'].includes(model)) throw new Error(`explain: --model is logistic or mlp, not "${model}"`);
  const rows = f.rows !== undefined ? Number(f.rows) : 100;
  const seed = f.seed !== undefined ? Number(f.seed) : 42;
  const page = await openBenchPage(browser, url, f.backend ?? 'wasm');
  try {
    const datasetId = await upload(page, resolve(f.csv));
    const trained = await trainKept(page, { datasetId, target: f.target, model, seed, overrides: {} });
    if (trained.error) throw new Error(`explain: ${trained.error}`);
    const result = await page.evaluate(async ({ runId, rows }) => {
      const engine = window.loupeEngine;
      const settings = { space: 'probability', method: 'auto', samples: 512, backgroundSize: 20, backgroundKind: 'kmeans', rows };
      const t = performance.now();
      const g = await engine.explain.explainGlobal(runId, settings, `bench-explain-${Date.now()}`, null);
      const ms = performance.now() - t;
      if (!g.ok) return { error: g.message };
      const csv = await engine.explain.exportShapCsv(runId);
      return csv.ok ? { csv: await csv.value.csv.text(), space: csv.value.space, rows: g.value.rows, ms } : { error: csv.message };
    }, { runId: trained.runId, rows });
    if (result.error) throw new Error(`explain: ${result.error}`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/shap.csv', result.csv);
    return [{ workload: 'explain', space: result.space, rows: result.rows, ms_per_row: +(result.ms / result.rows).toFixed(1), model, seed }];
  } finally {
    await page.context().close();
  }
}

export async function run({ browser, url, args }) {
  const f = flags(args);
  return f.csv ? explainCsv(browser, url, f) : grid(browser, url, f);
}
