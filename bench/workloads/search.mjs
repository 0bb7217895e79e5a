// Model search, in the production build, driven through window.loupeEngine (?bench=1):
//   npm run bench -- search [--rows N] [--k N] [--epochs N] [--backend wasm] [--workers 0,auto]
// A 5-fold CV grid of 8 MLP configs (hidden x learning rate x dropout) on a generated 20,000 x 20
// binary set, exactly as the Train view's "Run search" does (searchModels: stratified folds of the
// training split, each fold an ordinary run). Runs once per --workers entry, back to back, each in
// a fresh page: 0 = every fit in the engine worker (the single-thread run), N = a pool of N fold
// workers, auto = the app's default (one per core, navigator.hardwareConcurrency, at most 8).
// Prints one line per run (wall time, fits, workers actually used, load average at the start),
// then one line with the single-thread / parallel wall-time ratio and whether the results agree.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { openBenchPage, throughputCsv, upload } from './train.mjs';

export const name = 'search';
export const onlyOnRequest = false;

const GRID = { hidden: [[32], [64, 32]], learningRate: [0.01, 0.003], dropout: [0, 0.1] };

function flags(args) {
  const out = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) out[args[i].slice(2)] = args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[++i] : 'true';
  }
  return out;
}

/**
 * CPU seconds used so far by the browser's processes (page, workers, GPU, utilities): on a shared
 * machine, CPU seconds / wall seconds says how many cores the run actually got.
 */
function browserCpuSeconds(browserPid) {
  const parents = new Map();
  const ticks = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // Fields after the ")" that closes the command name: state ppid ... utime(12) stime(13).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      parents.set(Number(pid), Number(fields[1]));
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      /* process ended */
    }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p = pid, i = 0; p > 1 && i < 20; p = parents.get(p) ?? 0, i++) {
      if (p === browserPid) {
        total += t;
        break;
      }
    }
  }
  return total / 100; // USER_HZ
}

async function searchOnce(browser, url, { backend, workers, csv, k, epochs }) {
  // openBenchPage puts the backend last in the query string; the fold-worker setting rides along.
  const page = await openBenchPage(browser, url, workers === 'auto' ? backend : `${backend}&foldWorkers=${workers}`);
  try {
    const datasetId = await upload(page, csv);
    const load = loadavg().map((x) => +x.toFixed(2));
    const cpuBefore = browserCpuSeconds(browser.loupePid);
    const result = await page.evaluate(
      async ({ datasetId, grid, k, epochs }) => {
        const engine = window.loupeEngine;
        const setup = await engine.runs.setupTask(datasetId, 'label', null);
        if (!setup.ok) return { error: setup.message };
        const s = setup.value;
        const model = { ...(await engine.runs.defaultModel('mlp', s.task)), epochs, earlyStoppingPatience: 0 };
        const config = {
          target: 'label',
          task: s.task,
          positiveClass: s.positiveClass,
          features: s.features.filter((x) => x.include).map((x) => x.name),
          model,
          seed: 42,
          split: { train: 0.7, val: 0.15, test: 0.15 },
          threshold: 0.5,
        };
        // The last report counts: the pool reports 1 once it has fallen back to the engine worker.
        let workersUsed = 0;
        const progress = (p) => {
          workersUsed = p.workers;
        };
        progress[window.__loupeProxyMarker] = true;
        const started = performance.now();
        const out = await engine.search.searchModels(datasetId, config, { mode: 'grid', space: grid, samples: 0, k }, `bench-search-${Date.now()}`, progress);
        const wallMs = performance.now() - started;
        if (!out.ok) return { error: out.message };
        const best = [...out.value].sort((a, b) => b.cv.metrics[0].mean - a.cv.metrics[0].mean)[0];
        return {
          wallMs,
          workersUsed,
          candidates: out.value.length,
          trainRowsPerFold: out.value[0].cv.foldSizes[0].train,
          best: { settings: best.settings, auc: best.cv.metrics[0].mean, aucStd: best.cv.metrics[0].std },
          // Every metric of every fold, to check that both ways give the same numbers.
          perFold: JSON.stringify(out.value.map((c) => c.cv.metrics.map((m) => m.perFold))),
        };
      },
      { datasetId, grid: GRID, k, epochs },
    );
    return { ...result, load, cpuSeconds: browserCpuSeconds(browser.loupePid) - cpuBefore };
  } finally {
    await page.context().close();
  }
}

export async function run({ browser, url, args }) {
  const f = flags(args);
  const rows = Number(f.rows ?? 20_000);
  const k = Number(f.k ?? 5);
  const epochs = Number(f.epochs ?? 5);
  const backend = f.backend ?? 'wasm';
  const modes = String(f.workers ?? '0,auto').split(',');
  const csv = await throughputCsv(resolve(`bench/data/search-${rows}x20.csv`), rows, 20);
  const lines = [];
  const results = [];
  for (const workers of modes) {
    const result = await searchOnce(browser, url, { backend, workers, csv, k, epochs });
    if (result.error) {
      lines.push({ workload: 'search', backend, foldWorkers: workers, error: result.error });
      continue;
    }
    results.push({ workers, result });
    const fits = result.candidates * k;
    lines.push({
      workload: 'search',
      backend,
      rows,
      cols: 20,
      k,
      candidates: result.candidates,
      epochs,
      fits,
      trainRowsPerFold: result.trainRowsPerFold,
      wallSeconds: +(result.wallMs / 1000).toFixed(2),
      secondsPerFit: +(result.wallMs / 1000 / fits).toFixed(3),
      // foldWorkers: what the page asked for; workers: what ran the fits (1 = the engine worker alone).
      foldWorkers: workers,
      workers: result.workersUsed,
      loadAverage: result.load,
      // Cores the browser actually got during the search (its CPU seconds / wall seconds).
      coresUsed: +(result.cpuSeconds / (result.wallMs / 1000)).toFixed(2),
      best: result.best,
    });
  }
  const single = results.find((r) => r.result.workersUsed === 1);
  const parallel = results.find((r) => r.result.workersUsed > 1);
  if (single && parallel) {
    lines.push({
      workload: 'search-speedup',
      backend,
      singleSeconds: +(single.result.wallMs / 1000).toFixed(2),
      parallelSeconds: +(parallel.result.wallMs / 1000).toFixed(2),
      workers: parallel.result.workersUsed,
      speedup: +(single.result.wallMs / parallel.result.wallMs).toFixed(2),
      sameResults: single.result.perFold === parallel.result.perFold,
    });
  }
  return lines;
}
