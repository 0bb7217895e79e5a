import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addFile, csvFile, openStudio, screenshot } from './support';

async function trainRun(page: Page, label: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: label })).toBeVisible({ timeout: 90_000 });
}

/** Recall of a run, read from the comparison table's Recall row (column order = ticked runs). */
async function recallRow(page: Page): Promise<number[]> {
  const cells = page.getByRole('table', { name: 'Metrics side by side' }).getByRole('row', { name: /^Recall/ }).getByRole('cell');
  return (await cells.allTextContents()).map(Number);
}

test('balanced class weights vs none on demo-customers: recall rises in the comparison', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  await page.getByLabel('Epochs').fill('15');
  await trainRun(page, /Run 1 · logistic finished/);
  await page.getByLabel('Class imbalance').selectOption('balanced-weights');
  await expect(page.getByText(/training split only/)).toBeVisible();
  await trainRun(page, /Run 2 · logistic · balanced-weights finished/);
  await screenshot(page, 'model-depth-train-imbalance');

  await page.getByRole('button', { name: 'Open evaluation →' }).click();
  const compare = page.getByRole('region', { name: 'Compare runs' });
  await compare.getByRole('checkbox', { name: /Run 1 · logistic/ }).check();
  await compare.getByRole('checkbox', { name: /Run 2 · logistic · balanced-weights/ }).check();
  const [none, balanced] = await recallRow(page);
  expect(balanced).toBeGreaterThan(none + 0.1);
  await expect(compare.getByRole('img', { name: 'Overlaid ROC curves' })).toBeVisible();
  await expect(compare.getByRole('img', { name: 'Overlaid precision-recall curves' })).toBeVisible();
  await expect(compare.getByRole('table', { name: 'Configuration differences' })).toContainText('imbalance.method');
  await compare.scrollIntoViewIfNeeded();
  await screenshot(page, 'model-depth-compare');

  // Error analysis: slice the selected run's test metrics by country, and its confident mistakes.
  const analysis = page.getByRole('region', { name: 'Error analysis' });
  await analysis.getByLabel('Slice by column').selectOption('country');
  const byCountry = analysis.getByRole('table', { name: 'Metrics by country' });
  await expect(byCountry).toBeVisible();
  await expect(byCountry.getByRole('columnheader', { name: 'recall' })).toBeVisible();
  expect(await byCountry.getByRole('row').count()).toBeGreaterThan(3);
  const counts = await byCountry.locator('tbody tr td:nth-of-type(1)').allTextContents();
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(757);
  const wrong = analysis.getByRole('table', { name: 'Most confident wrong predictions' });
  await expect(wrong.getByRole('columnheader', { name: 'country' })).toBeVisible();
  await analysis.scrollIntoViewIfNeeded();
  await screenshot(page, 'model-depth-slices');
});

/** A small 3-class file with a numeric and a categorical signal. */
function threeClassCsv(): string {
  const lines = ['x1,x2,colour,species'];
  let s = 7;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 600; i++) {
    const c = i % 3;
    lines.push(`${(c * 2 + rand() * 2.5).toFixed(3)},${(rand() * 3 - c).toFixed(3)},${['red', 'green', 'blue'][(c + (rand() < 0.2 ? 1 : 0)) % 3]},${['setosa', 'versicolor', 'virginica'][c]}`);
  }
  return lines.join('\n') + '\n';
}

test('a multiclass run on a small generated 3-class file: per-class table, OvR ROC, normalized confusion', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await addFile(page, csvFile('three-class.csv', threeClassCsv()));
  await expect(page.getByRole('button', { name: /^three-class\.csv/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('species');
  await expect(page.getByLabel('Task')).toHaveValue('multiclass');
  await page.getByLabel('Epochs').fill('20');
  await trainRun(page, /Run 1 · logistic finished/);
  await page.getByRole('button', { name: 'Open evaluation →' }).click();
  await expect(page.getByRole('table', { name: 'Per-class metrics' })).toContainText('versicolor');
  await expect(page.getByRole('img', { name: 'One-vs-rest ROC curves' })).toBeVisible();
  await expect(page.getByText('Macro AUC (one-vs-rest)')).toBeVisible();
  await page.getByRole('button', { name: 'normalized by true class' }).click();
  await expect(page.getByRole('table', { name: /rows sum to 1/ })).toBeVisible();
  await screenshot(page, 'model-depth-multiclass');
});

test('a regression run shows residual plot and histogram', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('spend');
  await expect(page.getByLabel('Task')).toHaveValue('regression');
  await expect(page.getByLabel('Class imbalance')).toHaveCount(0);
  await page.getByLabel('Epochs').fill('10');
  await trainRun(page, /Run 1 · linear finished/);
  await page.getByRole('button', { name: 'Open evaluation →' }).click();
  await expect(page.getByRole('img', { name: 'Predicted versus actual scatter plot' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Residual plot' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Residual histogram' })).toBeVisible();
  await screenshot(page, 'model-depth-regression');
});

test('a 2-fold random search of 4 configs fills a sortable table, then trains the best config', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  await page.getByLabel('Epochs').fill('4');
  const search = page.getByRole('region', { name: 'Cross-validation and search' });
  await search.getByLabel('Search mode').selectOption('random');
  await search.getByLabel('Folds (k)').fill('2');
  await search.getByLabel('Candidates').fill('4');
  await search.getByLabel('L2 strength (1/C) values').fill('0.1, 1, 10, 100, 1000');
  await search.getByLabel('Learning rate values').fill('0.05');
  await search.getByRole('button', { name: 'Run search' }).click();
  await expect(search.getByRole('progressbar', { name: 'Search progress' })).toBeVisible();
  const table = search.getByRole('table', { name: 'Search results' });
  await expect(table.locator('tbody tr')).toHaveCount(4, { timeout: 90_000 });
  await expect(search.getByRole('progressbar', { name: 'Search progress' })).toHaveCount(0);
  await expect(table).toContainText('±');
  // Sort by log loss: lowest first.
  await table.getByRole('button', { name: 'Log loss' }).click();
  const logLossCol = (await table.locator('thead th').allTextContents()).findIndex((t) => t.startsWith('Log loss'));
  const means = (await table.locator(`tbody tr > :nth-child(${logLossCol + 1})`).allTextContents()).map((t) => Number(t.split(' ± ')[0]));
  expect(means).toEqual([...means].sort((a, b) => a - b));
  await screenshot(page, 'model-depth-search');
  await table.getByRole('button', { name: 'Train best config' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished/ })).toBeVisible({ timeout: 60_000 });
});

test('reload a downloaded model and score a file: same scores as the run', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Epochs').fill('5');
  await trainRun(page, /Run 1 · logistic finished/);
  await page.getByRole('button', { name: 'Open evaluation →' }).click();
  const [predictionsDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download predictions (CSV)' }).click()]);
  const original = readFileSync((await predictionsDownload.path())!, 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[4]));
  const saved: { name: string; mimeType: string; buffer: Buffer }[] = [];
  const downloads: Promise<void>[] = [];
  page.on('download', (d) => downloads.push(d.path().then((p) => void saved.push({ name: d.suggestedFilename(), mimeType: 'application/octet-stream', buffer: readFileSync(p!) }))));
  await page.getByRole('button', { name: 'Download model' }).click();
  await expect.poll(() => downloads.length).toBe(3);
  await Promise.all(downloads);
  expect(saved.map((f) => f.name).sort()).toEqual(expect.arrayContaining(['model.json', 'weights.bin']));

  const reload = page.getByRole('region', { name: 'Score with a saved model' });
  await reload.getByLabel('Model files').setInputFiles(saved);
  await expect(reload.getByText(/Loaded a binary model predicting churned/)).toBeVisible();
  await reload.getByLabel('File to score').selectOption({ label: 'demo-customers.csv' });
  await reload.getByRole('button', { name: 'Score file' }).click();
  await expect(reload.getByRole('status')).toContainText('Scored 5,050 rows');
  const [scoresDownload] = await Promise.all([page.waitForEvent('download'), reload.getByRole('button', { name: 'Download scores (CSV)' }).click()]);
  const lines = readFileSync((await scoresDownload.path())!, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('row_index,y_pred,score');
  const rescored = lines.slice(1).map((l) => Number(l.split(',')[2]));
  expect(rescored.length).toBe(original.length);
  let worst = 0;
  rescored.forEach((s, i) => (worst = Math.max(worst, Math.abs(s - original[i]))));
  expect(worst).toBeLessThanOrEqual(1e-5);
  await reload.scrollIntoViewIfNeeded();
  await screenshot(page, 'model-depth-reload');
});

test('a configuration round-trips through the URL (never data)', async ({ page, context }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  await page.getByRole('combobox', { name: /^Model/ }).selectOption('mlp');
  await page.getByLabel('Hidden layers').fill('16, 8');
  await page.getByLabel('Epochs').fill('7');
  await page.getByLabel('Seed').fill('1234');
  await page.getByLabel('Class imbalance').selectOption('smote');
  await page.getByRole('checkbox', { name: /^age/ }).uncheck();
  await page.getByRole('button', { name: 'Share configuration' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toContain('#loupe=');
  const decoded = decodeURIComponent(link);
  expect(decoded).not.toMatch(/U0\d{4}|@/); // no user ids or emails from the file
  await screenshot(page, 'model-depth-share');

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('button', { name: /^demo-customers\.csv/ })).toBeVisible({ timeout: 60_000 });
  await other.getByRole('tab', { name: 'Train' }).click();
  await expect(other.getByLabel('Target column')).toHaveValue('churned');
  await expect(other.getByLabel('Epochs')).toHaveValue('7');
  await expect(other.getByRole('combobox', { name: /^Model/ })).toHaveValue('mlp');
  await expect(other.getByLabel('Hidden layers')).toHaveValue('16, 8');
  await expect(other.getByLabel('Seed')).toHaveValue('1234');
  await expect(other.getByLabel('Class imbalance')).toHaveValue('smote');
  await expect(other.getByRole('checkbox', { name: /^age/ })).not.toBeChecked();
  await expect(other.getByRole('checkbox', { name: /^country/ })).toBeChecked();
});

test('a grid search runs its fits in parallel fold workers, counts fits, and stops at once when cancelled', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  await page.getByLabel('Epochs').fill('150');
  const search = page.getByRole('region', { name: 'Cross-validation and search' });
  await search.getByLabel('Search mode').selectOption('grid');
  await search.getByLabel('Folds (k)').fill('5');
  await search.getByLabel('L2 strength (1/C) values').fill('0.01, 0.1, 1, 10, 100, 1000');
  await search.getByLabel('Learning rate values').fill('0.05');
  await search.getByRole('button', { name: 'Run search' }).click();
  // After a fit has finished the worker count is what ran it: a pool that could not start its
  // workers reports 1 and the line says nothing about workers.
  const status = search.getByText(/ of 30 fits · /);
  await expect(status).toContainText(/^[1-9]\d* of 30 fits · .* · \d+ workers$/, { timeout: 90_000 });
  await screenshot(page, 'model-depth-search-workers');
  await search.getByRole('button', { name: 'Cancel search' }).click();
  const stopped = search.getByRole('status');
  await expect(stopped).toContainText(/Search cancelled after \d of 6 candidates/);
  await expect(search.getByRole('progressbar', { name: 'Search progress' })).toHaveCount(0);
  // Stopped where it was, not run to the end: counted in candidates, not timed (the machine's speed varies).
  const finished = Number((await stopped.textContent())?.match(/after (\d) of 6/)?.[1]);
  expect(finished).toBeLessThan(6);
});
