// Model search, in the engine worker of the production build, driven through window.loupeEngine (?bench=1):
//   npm run bench -- search [--rows N] [--k N] [--epochs N] [--backend wasm]
// A 5-fold CV grid of 8 MLP configs (hidden x learning rate x dropout) on a generated 20,000 x 20
// binary set, exactly as the Train view's "Run search" does (searchModels: stratified folds of the
// training split, each fold an ordinary run). Prints wall time, fits, and the time per fit.
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

export async function run({ browser, url, args }) {
  const f = flags(args);
  const rows = Number(f.rows ?? 20_000);
  const k = Number(f.k ?? 5);
  const epochs = Number(f.epochs ?? 5);
  const backend = f.backend ?? 'wasm';
  const csv = await throughputCsv(resolve(`bench/data/search-${rows}x20.csv`), rows, 20);
  const page = await openBenchPage(browser, url, backend);
  try {
    const datasetId = await upload(page, csv);
    const result = await page.evaluate(
      async ({ datasetId, grid, k, epochs }) => {
        const engine = window.loupeEngine;
        const setup = await engine.setupTask(datasetId, 'label', null);
        if (!setup.ok) return { error: setup.error.message };
        const s = setup.value;
        const model = { ...(await engine.defaultModel('mlp', s.task)), epochs, earlyStoppingPatience: 0 };
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
        const foldStarts = [];
        const progress = (p) => foldStarts.push({ t: performance.now(), done: p.done, fold: p.fold });
        progress[window.__loupeProxyMarker] = true;
        const started = performance.now();
        const out = await engine.searchModels(datasetId, config, { mode: 'grid', space: grid, samples: 0, k }, `bench-search-${Date.now()}`, progress);
        const wallMs = performance.now() - started;
        if (!out.ok) return { error: out.error.message };
        const best = [...out.value].sort((a, b) => b.cv.metrics[0].mean - a.cv.metrics[0].mean)[0];
        return {
          wallMs,
          candidates: out.value.length,
          trainRowsPerFold: out.value[0].cv.foldSizes[0].train,
          best: { settings: best.settings, auc: best.cv.metrics[0].mean, aucStd: best.cv.metrics[0].std },
        };
      },
      { datasetId, grid: GRID, k, epochs },
    );
    if (result.error) return [{ workload: 'search', backend, error: result.error }];
    const fits = result.candidates * k;
    return [
      {
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
        // The search runs its fits one after another in the one engine worker: no parallel workers yet.
        workers: 1,
        best: result.best,
      },
    ];
  } finally {
    await page.context().close();
  }
}
