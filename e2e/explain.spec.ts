import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openStudio, screenshot } from './support';

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

/** Minimal RFC 4180 split: feature names may be quoted. */
function fields(line: string): string[] {
  return line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, ''));
}

test('explain the demo churn model: waterfall, what-if, global summary and an additive SHAP CSV', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished/ })).toBeVisible({ timeout: 90_000 });

  await page.getByRole('tab', { name: 'Explain' }).click();
  // The most confident mistake opens first; its waterfall says which space it is in.
  const waterfall = page.getByRole('figure', { name: 'Why this prediction' });
  await expect(waterfall).toBeVisible({ timeout: 30_000 });
  await expect(waterfall).toContainText('P(churned = 1)');
  await expect(page.getByRole('img', { name: /^Waterfall: base/ })).toBeVisible();

  // Pick another row from the worst-errors table, then one by search.
  const table = page.getByRole('table', { name: 'Worst errors' });
  await table.getByRole('button').nth(1).click();
  await page.getByLabel('Find a row').fill('12');
  await page.getByRole('list', { name: 'Matching rows' }).getByRole('button', { name: /Row 12/ }).click();
  await expect(page.getByRole('heading', { name: /^Row 12: predicted/ })).toBeVisible();

  // What-if: change a number and see the prediction move.
  const before = await page.getByTestId('waterfall-prediction').textContent();
  const sessions = page.getByLabel('sessions', { exact: true });
  await sessions.fill('400');
  await expect(page.getByTestId('what-if-prediction')).toBeVisible();
  await expect(page.getByRole('figure', { name: 'What-if waterfall' })).toBeVisible();
  await expect(page.getByTestId('waterfall-prediction')).not.toHaveText(before!);
  await page.getByRole('button', { name: /Reset to row 12/ }).click();
  await expect(page.getByTestId('waterfall-prediction')).toHaveText(before!);

  // Log-odds view for the logistic model.
  await page.getByRole('radio', { name: 'Log-odds' }).click();
  await expect(page.getByRole('figure', { name: 'Why this prediction' })).toContainText('log-odds of churned = 1');
  await page.getByRole('radio', { name: 'Probability' }).click();
  await expect(page.getByRole('figure', { name: 'Why this prediction' })).toContainText('P(churned = 1)');

  // Global summary over 50 test rows, with progress.
  await page.getByLabel('Rows to explain').selectOption('50');
  await page.getByRole('button', { name: 'Explain 50 test rows' }).click();
  await expect(page.getByRole('img', { name: 'Mean absolute SHAP value per feature' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: /Beeswarm summary/ })).toBeVisible();

  await page.getByRole('button', { name: 'Compute' }).click();
  await expect(page.getByRole('img', { name: 'Permutation importance per feature' })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Partial dependence feature').selectOption('sessions');
  await expect(page.getByRole('img', { name: 'Partial dependence of sessions' })).toBeVisible();
  await screenshot(page, 'explain');

  // The CSV: header as documented, and base + sum of attributions = prediction for every row.
  const lines = (await download(page, 'Download SHAP values (CSV)')).trim().split('\n');
  const header = fields(lines[0]);
  expect(header.slice(0, 3)).toEqual(['row_index', 'base_value', 'prediction']);
  expect(header).toContain('sessions');
  expect(lines.length - 1).toBeGreaterThanOrEqual(50);
  for (const line of lines.slice(1)) {
    const v = line.split(',').map(Number);
    const sum = v.slice(3).reduce((a, b) => a + b, 0);
    expect(Math.abs(v[1] + sum - v[2])).toBeLessThan(1e-4);
    expect(v[2]).toBeGreaterThanOrEqual(0);
    expect(v[2]).toBeLessThanOrEqual(1);
  }
});
