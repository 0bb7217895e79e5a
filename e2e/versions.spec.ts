import { expect, test, type Page } from '@playwright/test';
import { openStudio, screenshot } from './support';

test.use({ viewport: { width: 1280, height: 720 } });

async function train(page: Page, epochs: string, n: number) {
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  // ONNX export writes number, yes/no, category and date features: leave out the free text.
  await page.getByRole('checkbox', { name: /^review/ }).uncheck();
  await page.getByLabel('Epochs').fill(epochs);
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`Run ${n} · logistic finished`) })).toBeVisible({ timeout: 90_000 });
}

test('two versions of one model: compare, promote, roll back, open one in Evaluate, download ONNX', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('button', { name: /^demo-customers\.csv/ }).click();
  await train(page, '2', 1);
  await train(page, '8', 2);

  await page.getByRole('tab', { name: 'Models' }).click();
  const line = page.getByRole('region', { name: 'Versions of churned' });
  await expect(line.getByRole('heading')).toContainText('2 versions');
  await line.getByLabel('Compare version 1').check();
  await line.getByLabel('Compare version 2').check();
  await line.getByRole('button', { name: 'Compare ticked' }).click();
  const comparison = page.getByRole('region', { name: 'Version comparison' });
  await expect(comparison.getByRole('table', { name: 'Metrics of both versions' })).toBeVisible();
  await expect(comparison.getByRole('table', { name: 'Settings of both versions' })).toContainText('epochs');

  await line.getByRole('button', { name: 'Promote version 2' }).click();
  await expect(line.getByRole('heading')).toContainText('current: version 2');
  await line.getByRole('button', { name: 'Promote version 1' }).click();
  await expect(line.getByRole('heading')).toContainText('current: version 1');
  await line.getByRole('button', { name: 'Roll back' }).click();
  await expect(line.getByRole('heading')).toContainText('current: version 2');
  await screenshot(page, 'models-versions');

  await line.getByRole('button', { name: 'Open version 1 in Evaluate' }).click();
  await expect(page.getByRole('tab', { name: 'Evaluate' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Download ONNX' }).click();
  const onnx = page.getByRole('region', { name: 'ONNX export' });
  await expect(onnx.getByRole('table', { name: 'ONNX precisions' })).toBeVisible({ timeout: 30_000 });
  await expect(onnx.getByText('double: the date as epoch milliseconds, UTC (NaN = missing)')).toBeVisible();
  await onnx.getByLabel('int8 weights').check();
  const [download] = await Promise.all([page.waitForEvent('download'), onnx.getByRole('button', { name: 'Download int8 ONNX' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.onnx$/);
  await screenshot(page, 'evaluate-onnx');
});
