// Cleaning recipe throughput: a 5-step recipe on the 1M-row ingest file, in the engine worker.
// Preview gives each step's own time (the step report's ms); Apply is timed from the click to
// the new version's notice (recipe + profiling the new dataset + the UI refresh).
import { writeFileSync } from 'node:fs';
import { ingestCsv } from '../generate.mjs';
import { openStudio } from '../browser.mjs';

export const name = 'clean';

const COLUMNS = ['id', 'score', 'amount', 'visits', 'country', 'plan', 'signup', 'active', 'rating', 'code'];
export const RECIPE = {
  format: 'loupe-recipe/1',
  columns: COLUMNS.map((n) => ({ name: n, kind: 'numeric' })),
  steps: [
    { op: 'drop-duplicates', columns: [] },
    { op: 'impute', column: 'rating', method: 'median' },
    { op: 'cap-outliers', column: 'amount', method: 'iqr', k: 1.5 },
    { op: 'derive', formula: 'divide', a: 'amount', b: 'visits' },
    { op: 'entity-aggregates', key: 'code', value: 'amount', date: 'signup', aggregates: ['count', 'mean', 'std', 'days-since-last', 'is-recurring'] },
  ],
};

export async function run({ browser, url }) {
  const path = await ingestCsv();
  const recipePath = 'bench/data/clean-recipe.json';
  writeFileSync(recipePath, JSON.stringify(RECIPE));
  const page = await openStudio(browser, url, '?demo=0&backend=wasm');
  await page.getByLabel('Add data file').setInputFiles(path);
  await page.getByRole('heading', { level: 1, name: 'ingest-1m.csv' }).waitFor({ timeout: 300_000 });
  await page.getByRole('tab', { name: 'Clean' }).click();
  await page.getByLabel('Recipe file to import').setInputFiles(recipePath);
  await page.getByText(/Read 5 steps from/).waitFor();
  // The Clean view previews the recipe by itself after each change; each step's li carries its time.
  await page.locator('.recipe-step[data-ms]').nth(4).waitFor({ timeout: 300_000 });
  const steps = await page.locator('.recipe-step[data-ms]').evaluateAll((els) => els.map((e) => ({ ms: Number(e.getAttribute('data-ms')), rows: Number(e.getAttribute('data-rows')) })));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Apply recipe' }).click();
  await page.getByRole('status').filter({ hasText: 'Made ingest-1m.csv · cleaned 1' }).waitFor({ timeout: 300_000 });
  const applyS = (Date.now() - t0) / 1000;
  await page.close();
  const lines = steps.map((s, i) => ({
    workload: `clean-step-${i + 1}-${RECIPE.steps[i].op}`,
    backend: 'n/a (plain TypeScript, engine worker)',
    value: Math.round(s.rows / (s.ms / 1000)),
    unit: 'rows/s',
    rows: s.rows,
    seconds: +(s.ms / 1000).toFixed(3),
  }));
  const recipeMs = steps.reduce((a, s) => a + s.ms, 0);
  lines.push({ workload: 'clean-recipe-5-steps', backend: 'n/a (plain TypeScript, engine worker)', value: Math.round(1_000_000 / (recipeMs / 1000)), unit: 'rows/s', seconds: +(recipeMs / 1000).toFixed(2) });
  lines.push({ workload: 'clean-apply-5-steps', backend: 'n/a (recipe + profile of the new version + UI refresh)', value: Math.round(1_000_000 / applyS), unit: 'rows/s', seconds: +applyS.toFixed(2) });
  return lines;
}
