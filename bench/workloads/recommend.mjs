// Recommenders on MovieLens 100K (or --ratings FILE): k-fold RMSE/MAE, fit and predict seconds per
// algorithm, and the time to produce top-10 for every user, all in the engine worker of the built app.
// `--ratings ml-latest-small-shaped` generates (once) a file of ml-latest-small's size: bench/generate.mjs.
// npm run bench -- recommend [--ratings FILE --user COL --item COL --rating COL] [--folds 5] [--seed N] [--algorithms a,b]
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openStudio } from '../browser.mjs';
import { movieLensSmallCsv } from '../generate.mjs';

export const name = 'recommend';
// About 100 s on 2 cores for all six algorithms on ml-100k, so it runs with the default set.
export const onlyOnRequest = false;

const ALL = ['popularity', 'baseline', 'knn-user', 'knn-item', 'svd', 'best'];

function flag(args, key, fallback) {
  const i = args.indexOf(`--${key}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export function defaultRatingsFile() {
  const dir = process.env.LOUPE_DATA_DIR || resolve(process.cwd(), '../shared/data');
  return resolve(dir, 'ml-100k/u.data');
}

export async function run({ browser, url, args }) {
  const asked = flag(args, 'ratings', null);
  const file = asked === 'ml-latest-small-shaped' ? await movieLensSmallCsv() : (asked ?? defaultRatingsFile());
  if (!existsSync(file)) {
    const message = `ratings file not found: ${file}. Put MovieLens 100K in $LOUPE_DATA_DIR/ml-100k (default ../shared/data beside the repository), or pass --ratings FILE.`;
    // Asked for by name: fail loudly. In the default set: say so and skip, so other workloads still run.
    if (args[0] !== 'recommend') {
      console.error(`[bench recommend] skipped: ${message}`);
      return [{ workload: 'recommend', skipped: message }];
    }
    throw new Error(`[bench recommend] ${message}`);
  }
  const folds = Number(flag(args, 'folds', '5'));
  const seed = Number(flag(args, 'seed', '0'));
  const algorithms = flag(args, 'algorithms', ALL.join(',')).split(',');
  const overrides = { user: flag(args, 'user', null), item: flag(args, 'item', null), rating: flag(args, 'rating', null), timestamp: flag(args, 'timestamp', null) };
  const page = await openStudio(browser, url, '?demo=0&bench=1&backend=wasm');
  await page.waitForFunction(() => window.loupeEngine !== undefined, null, { timeout: 60_000 });
  const fileName = basename(file);
  await page.getByLabel('Add data file').setInputFiles(file);
  await page.getByRole('heading', { level: 1, name: fileName }).waitFor({ timeout: 120_000 });
  const mapping = await page.evaluate(
    async ({ fileName, overrides }) => {
      const engine = window.loupeEngine;
      const ds = (await engine.data.listDatasets()).find((d) => d.name === fileName);
      const suggested = await engine.ratings.suggestRatingsMapping(ds.id);
      if (!suggested.ok) throw new Error(suggested.message);
      const m = { ...suggested.value.mapping };
      for (const [k, v] of Object.entries(overrides)) if (v) m[k] = v === 'none' ? null : v;
      const summary = await engine.ratings.summarizeRatings(m);
      if (!summary.ok) throw new Error(summary.message);
      return m;
    },
    { fileName, overrides },
  );
  const lines = [];
  for (const algorithm of algorithms) {
    if (!ALL.includes(algorithm)) throw new Error(`[bench recommend] unknown algorithm "${algorithm}"; known: ${ALL.join(', ')}`);
    console.error(`[bench recommend] ${algorithm}: ${folds}-fold CV on ${fileName}…`);
    const out = await page.evaluate(
      async ({ mapping, algorithm, folds, seed }) => {
        const engine = window.loupeEngine;
        const t0 = performance.now();
        const result = await engine.ratings.compareRecommenders(mapping, { algorithms: [algorithm], split: { kind: 'kfold', folds, seed } }, `bench-${algorithm}`, null);
        const t1 = performance.now();
        if (!result.ok) throw new Error(result.message);
        const csv = await engine.ratings.exportTopN(result.value.comparisonId, algorithm, 10);
        const t2 = performance.now();
        if (!csv.ok) throw new Error(csv.message);
        // Comparisons are kept until removed; the bench needs each only for its table row and CSV.
        await engine.ratings.removeComparison(result.value.comparisonId);
        return { row: result.value.rows[0], summary: result.value.summary, jobSeconds: (t1 - t0) / 1000, topNSeconds: (t2 - t1) / 1000, csvLines: (await csv.value.text()).trim().split('\n').length - 1 };
      },
      { mapping, algorithm, folds, seed },
    );
    const r = out.row;
    const round = (x, d = 4) => +x.toFixed(d);
    lines.push({
      workload: 'recommend',
      dataset: fileName,
      algorithm,
      folds,
      rmse: round(r.rmse),
      mae: round(r.mae),
      fit_s: round(r.fitSeconds, 2),
      predict_s: round(r.predictSeconds, 2),
      precision_at_10: round(r.precision),
      recall_at_10: round(r.recall),
      ndcg_at_10: round(r.ndcg),
      map_at_10: round(r.map),
      hit_rate_at_10: round(r.hitRate),
      coverage_at_10: round(r.coverage),
      top10_all_users_s: round(out.topNSeconds, 2),
      top10_rows: out.csvLines,
      job_s: round(out.jobSeconds, 2),
      users: out.summary.users,
      items: out.summary.items,
      ratings: out.summary.ratings,
      seed,
    });
  }
  await page.close();
  return lines;
}
