import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openStudio, screenshot } from './support';

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

test('train logistic on wasm, watch the curve, move the threshold and export', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  await expect(page.getByLabel('Task')).toHaveValue('binary');
  await expect(page.getByLabel('Positive class')).toHaveValue('1');
  // Identifiers and personal data are proposed for exclusion, with the reason.
  await expect(page.getByRole('checkbox', { name: /^email/ })).not.toBeChecked();
  await expect(page.getByText(/excluded: looks like personal data/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^user_id/ })).not.toBeChecked();
  await page.getByLabel('Epochs').fill('15');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Training curve/ }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished · test AUC 0\.\d+/ })).toBeVisible({ timeout: 90_000 });
  await screenshot(page, 'train-logistic');

  await page.getByRole('button', { name: 'Open evaluation →' }).click();
  await expect(page.getByRole('img', { name: 'ROC curve' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Precision-recall curve' })).toBeVisible();
  const matrix = page.getByRole('table', { name: /Test split/ });
  const before = await matrix.textContent();
  await page.getByLabel('Decision threshold').fill('0.2');
  await expect(page.getByText('Decision threshold: 0.20')).toBeVisible();
  await expect(matrix).not.toHaveText(before!);
  await screenshot(page, 'evaluate-binary');

  const report = JSON.parse(await download(page, 'Download report (JSON)'));
  expect(report.format).toBe('loupe-run-report/3');
  expect(report.progress).toBe('epochs');
  expect(report.positiveClass).toBe('1');
  expect(report.metrics.split).toBe('test');
  expect(report.metrics.auc).toBeGreaterThan(0.6);
  expect(report.curves.roc.x.length).toBeGreaterThan(10);
  expect(report.confusionMatrix.labels).toEqual(['0', '1']);

  const predictions = (await download(page, 'Download predictions (CSV)')).trim().split('\n');
  expect(predictions[0]).toBe('row_index,split,y_true,y_pred,score,threshold');
  const rows = predictions.slice(1).map((l) => l.split(','));
  expect(rows.length).toBe(5050);
  expect(rows.map((r) => Number(r[0]))).toEqual(rows.map((_, i) => i));
  expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['train', 'val', 'test']));
  for (const r of rows.slice(0, 50)) {
    const score = Number(r[4]);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    expect(r[3]).toBe(score >= 0.2 ? '1' : '0'); // the slider's threshold, as on screen
    expect(r[5]).toBe('0.2');
  }
});

test('a small MLP trains on WebGPU (software adapter smoke test)', async ({ page }) => {
  await openStudio(page, '?backend=webgpu');
  await expect(page.getByLabel('Compute backend')).toHaveValue('webgpu');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('combobox', { name: /^Model/ }).selectOption('mlp');
  await page.getByLabel('Hidden layers').fill('8');
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · mlp finished · test AUC 0\.\d+/ })).toBeVisible({ timeout: 110_000 });
  // A model that learned nothing scores 0.500: the WebGPU path must actually train.
  const auc = Number((await page.getByRole('heading', { name: /Run 1 · mlp finished/ }).textContent())!.match(/AUC (0\.\d+)/)![1]);
  expect(auc).toBeGreaterThan(0.6);
  await expect(page.getByText(/epochs on webgpu/)).toBeVisible();
  await screenshot(page, 'train-mlp-webgpu');
});

test('bad training configs get a clear message', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Epochs').fill('0');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('alert')).toContainText(/epoch/i);
  await page.getByLabel('Epochs').fill('5');
  for (const box of await page.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
  await expect(page.getByRole('button', { name: 'Train model' })).toBeDisabled();
});

test('training can be cancelled and the app stays usable', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('combobox', { name: /^Model/ }).selectOption('mlp');
  await page.getByLabel('Early stopping patience').fill('0');
  await page.getByLabel('Epochs').fill('5000');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByText(/epoch [1-9]\d* \/ 5000/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await expect(page.getByRole('alert')).toContainText('Training was cancelled');
  await expect(page.getByRole('button', { name: 'Train model' })).toBeEnabled();
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'demo-customers.csv' })).toBeVisible();
});
