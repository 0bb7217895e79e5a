import { expect, test } from '@playwright/test';
import { addFile, csvFile, openStudio, screenshot } from './support';

test('monitoring: train a model, see its fit time, measure latency, see p50/p95 and memory', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished/ })).toBeVisible({ timeout: 90_000 });

  await page.getByRole('tab', { name: 'Models' }).click();
  const monitor = page.getByRole('region', { name: 'Monitoring' });
  const models = monitor.getByRole('table', { name: 'Model timings' });
  const row = models.getByRole('row', { name: /Run 1 · logistic/ });
  // Fit time in ms or s; latency not measured yet.
  await expect(row).toContainText(/\d+(\.\d+)? (ms|s)/);
  await expect(monitor.getByLabel('Backend in use')).toContainText('wasm');
  const jobs = monitor.getByRole('table', { name: 'Jobs' });
  await expect(jobs.getByRole('row', { name: /Train · Run 1 · logistic/ })).toContainText('ok');

  // Bad input gets a specific message and disables the button.
  await monitor.getByLabel('Rows to score').fill('0');
  await expect(monitor.getByText('Rows to score: a whole number from 1 to 2000.')).toBeVisible();
  await expect(row.getByRole('button', { name: /Measure latency/ })).toBeDisabled();
  await monitor.getByLabel('Rows to score').fill('100');

  await row.getByRole('button', { name: 'Measure latency of Run 1 · logistic' }).click();
  const cells = row.getByRole('cell');
  // Cells after the row header: trained on, fit, train rows, p50 / row, p95 / row, batch rows/s.
  await expect(cells.nth(0)).toHaveText('wasm');
  await expect(cells.nth(3)).toHaveText(/^\d+(\.\d+)? ms$/, { timeout: 60_000 });
  await expect(cells.nth(4)).toHaveText(/^\d+(\.\d+)? ms$/);
  await expect(cells.nth(5)).toHaveText(/rows\/s/);
  const p50 = parseFloat((await cells.nth(3).textContent())!);
  const p95 = parseFloat((await cells.nth(4).textContent())!);
  expect(p95).toBeGreaterThanOrEqual(p50);
  await expect(jobs.getByRole('row', { name: /Measure latency · Run 1 · logistic/ })).toContainText('ok');

  const memory = monitor.getByRole('table', { name: 'Memory' });
  await expect(memory.getByRole('row', { name: /tfjs tensors/ })).toContainText(/\d+/);
  await expect(memory.getByRole('row', { name: /tfjs tensor bytes/ })).toContainText(/(B|KB|MB)/);
  await expect(memory.getByRole('row', { name: /Run 1 · logistic/ })).toContainText(/(KB|MB)/);
  await expect(memory.getByRole('row', { name: /demo-customers\.csv/ })).toContainText(/(KB|MB)/);

  // A load with ragged rows: the job is listed and its parse warning lands in the log.
  await addFile(page, csvFile('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n'));
  await expect(page.getByRole('button', { name: /^ragged\.csv/ })).toBeVisible();
  await expect(jobs.getByRole('row', { name: /Load data · ragged\.csv/ })).toContainText('ok', { timeout: 15_000 });
  const log = monitor.getByRole('list', { name: 'Errors and warnings' });
  await expect(log.getByRole('listitem').filter({ hasText: 'Load data · ragged.csv' }).first()).toContainText('warning');
  await screenshot(page, 'monitoring');
});
