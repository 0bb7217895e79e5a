import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { openStudio, screenshot, SCREENSHOTS } from './support';

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test.use({ viewport: { width: 1280, height: 720 } });

test('exports follow the threshold on screen; HTML report; each chart saves as PNG and SVG', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished/ })).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Open evaluation →' }).click();
  const matrix = page.getByRole('table', { name: /Test split/ });
  const before = await matrix.textContent();
  // The operating point moves over the ROC curve (drawn without redrawing the curve).
  const rocMarker = page.getByRole('img', { name: 'ROC curve' }).locator('circle.moving-marker');
  const markerAtHalf = await rocMarker.getAttribute('cx');
  await page.getByLabel('Decision threshold').fill('0.2');
  await expect(page.getByText('Decision threshold: 0.20')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Confusion matrix at 0.20' })).toBeVisible();
  await expect(matrix).not.toHaveText(before!);
  await expect(rocMarker).not.toHaveAttribute('cx', markerAtHalf!);
  // Screen: tn, fp / fn, tp at 0.20.
  const [tn, fp, fn, tp] = (await matrix.locator('td').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  await screenshot(page, 'evaluate-exports');

  const report = JSON.parse((await download(page, 'Download report (JSON)')).bytes.toString('utf8'));
  expect(report.format).toBe('loupe-run-report/3');
  expect(report.threshold).toBe(0.2);
  expect(report.metrics.threshold).toBe(0.2);
  expect(report.confusionMatrix).toMatchObject({ threshold: 0.2, tn, fp, fn, tp });

  const predictions = (await download(page, 'Download predictions (CSV)')).bytes.toString('utf8').trim().split('\n');
  expect(predictions[0]).toBe('row_index,split,y_true,y_pred,score,threshold');
  const rows = predictions.slice(1).map((l) => l.split(','));
  let testPositives = 0;
  for (const r of rows) {
    expect(r[5]).toBe('0.2');
    expect(r[3]).toBe(Number(r[4]) >= 0.2 ? '1' : '0');
    if (r[1] === 'test' && r[3] === '1') testPositives++;
  }
  // The file's predicted positives on the test split are the screen's.
  expect(testPositives).toBe(tp + fp);

  const html = await download(page, 'Download report (HTML)');
  expect(html.name).toMatch(/-report\.html$/);
  const text = html.bytes.toString('utf8');
  expect(text).not.toMatch(/<script/i);
  expect(text).toContain('Metrics (test split, threshold 0.2)');
  expect(text.match(/<svg /g)?.length).toBe(3);
  // The report opens on its own (a file with no network) and draws its charts.
  const report2 = await page.context().newPage();
  await report2.setContent(text);
  await expect(report2.getByRole('img', { name: /ROC curve/ })).toBeVisible();
  await screenshot(report2, 'evaluate-html-report');
  await report2.close();

  const svg = await download(page, 'Save ROC curve as SVG');
  expect(svg.name).toMatch(/roc-curve\.svg$/);
  expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.bytes.toString('utf8')).toContain('<path');
  const png = await download(page, 'Save precision-recall curve as PNG');
  expect(png.name).toMatch(/precision-recall-curve\.png$/);
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.bytes.length).toBeGreaterThan(2000);
  writeFileSync(`${SCREENSHOTS}/evaluate-saved-pr-curve.png`, png.bytes);
  await expect(page.getByRole('button', { name: 'Save training history as PNG' })).toBeVisible();
});
