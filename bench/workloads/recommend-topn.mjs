// Implicit-feedback top-N on MovieLens 100K with Microsoft Recommenders' protocol (stratified 75/25
// split per user, k = 10, every held-out item relevant, seen items removed), in the engine worker of
// the built app: one JSON line per algorithm with map, ndcg10, precision10, recall10, fit_s.
// npm run bench -- recommend-topn [--ratings FILE] [--seed 42] [--algorithms popular,sar,als,bpr,content,hybrid] [--diversity 0.7]
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openStudio } from '../browser.mjs';
import { defaultRatingsFile } from './recommend.mjs';

export const name = 'recommend-topn';
// About a minute on two cores (BPR and the content scoring dominate): run it by name.
export const onlyOnRequest = true;

const ALL = ['popular', 'sar', 'als', 'bpr', 'content', 'hybrid'];

function flag(args, key, fallback) {
  const i = args.indexOf(`--${key}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export async function run({ browser, url, args }) {
  const file = flag(args, 'ratings', null) ?? defaultRatingsFile();
  if (!existsSync(file)) {
    throw new Error(`[bench recommend-topn] ratings file not found: ${file}. Put MovieLens 100K in $LOUPE_DATA_DIR/ml-100k (default ../shared/data beside the repository), or pass --ratings FILE.`);
  }
  const seed = Number(flag(args, 'seed', '42'));
  const diversity = Number(flag(args, 'diversity', '1'));
  const algorithms = flag(args, 'algorithms', ALL.join(',')).split(',');
  for (const a of algorithms) if (!ALL.includes(a)) throw new Error(`[bench recommend-topn] unknown algorithm "${a}"; known: ${ALL.join(', ')}`);
  // MovieLens u.item beside u.data gives titles and genres for content-based and hybrid.
  const itemFile = join(dirname(file), 'u.item');
  const page = await openStudio(browser, url, '?demo=0&bench=1&backend=wasm');
  await page.waitForFunction(() => window.loupeEngine !== undefined, null, { timeout: 60_000 });
  const fileName = basename(file);
  await page.getByLabel('Add data file').setInputFiles(file);
  await page.getByRole('heading', { level: 1, name: fileName }).waitFor({ timeout: 120_000 });
  const withItems = existsSync(itemFile) && basename(file) === 'u.data';
  if (withItems) {
    await page.getByLabel('Add data file').setInputFiles(itemFile);
    await page.getByRole('heading', { level: 1, name: 'u.item' }).waitFor({ timeout: 60_000 });
  }
  const mapping = await page.evaluate(async ({ fileName }) => {
    const engine = window.loupeEngine;
    const ds = (await engine.data.listDatasets()).find((d) => d.name === fileName);
    const suggested = await engine.events.suggestEventsMapping(ds.id);
    if (!suggested.ok) throw new Error(suggested.message);
    // The Recommenders' protocol treats every rating as an interaction: no threshold, no decay.
    const m = { ...suggested.value.mapping, threshold: null, halfLifeDays: null };
    const summary = await engine.events.summarizeEvents(m);
    if (!summary.ok) throw new Error(summary.message);
    return { m, summary: summary.value };
  }, { fileName });
  const lines = [];
  for (const algorithm of algorithms) {
    if ((algorithm === 'content' || algorithm === 'hybrid') && !mapping.m.details) {
      console.error(`[bench recommend-topn] ${algorithm}: skipped, no item titles (u.item) beside ${fileName}`);
      continue;
    }
    console.error(`[bench recommend-topn] ${algorithm} on ${fileName}…`);
    const out = await page.evaluate(async ({ m, algorithm, seed, diversity }) => {
      const t0 = performance.now();
      const r = await window.loupeEngine.events.compareImplicit(m, { algorithms: [algorithm], seed, diversity }, `bench-topn-${algorithm}`, null);
      if (!r.ok) throw new Error(r.message);
      await window.loupeEngine.events.removeComparison(r.value.comparisonId);
      return { row: r.value.rows[0], jobSeconds: (performance.now() - t0) / 1000 };
    }, { m: mapping.m, algorithm, seed, diversity });
    const r = out.row;
    const round = (x, d = 4) => (x === null || x === undefined ? null : +x.toFixed(d));
    lines.push({
      workload: 'recommend-topn',
      dataset: fileName,
      algorithm,
      k: 10,
      map: round(r.map),
      ndcg10: round(r.ndcg),
      precision10: round(r.precision),
      recall10: round(r.recall),
      novelty: round(r.novelty, 3),
      diversity: round(r.diversity, 3),
      fit_s: round(r.fitSeconds, 2),
      ...(r.reranked ? { mmr_lambda: diversity, mmr_ndcg10: round(r.reranked.ndcg), mmr_precision10: round(r.reranked.precision), mmr_diversity: round(r.reranked.diversity, 3), mmr_novelty: round(r.reranked.novelty, 3) } : {}),
      job_s: round(out.jobSeconds, 2),
      users: mapping.summary.users,
      items: mapping.summary.items,
      interactions: mapping.summary.interactions,
      seed,
    });
  }
  await page.close();
  return lines;
}
