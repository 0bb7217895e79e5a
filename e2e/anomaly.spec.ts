import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addFile, csvFile, openStudio, screenshot } from './support';

test.use({ viewport: { width: 1280, height: 720 } });

test('flag anomalies in the demo customers, see why, and exclude them in the recipe draft', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('button', { name: /^demo-customers\.csv/ }).click();
  await page.getByRole('tab', { name: 'Clean' }).click();
  const panel = page.getByRole('region', { name: 'Anomalies' });
  await expect(panel).toBeVisible();
  // Numbers are proposed; text and ids are not offered.
  await expect(panel.getByLabel(/^spend/)).toBeChecked();
  await expect(panel.getByLabel(/^email/)).toHaveCount(0);

  // Bad input is a message and keeps what was typed.
  await panel.getByLabel('Number of trees').fill('0');
  await panel.getByRole('button', { name: 'Find anomalies' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Number of trees: "0" is not a whole number from 1 to 1000.');
  await expect(panel.getByLabel('Number of trees')).toHaveValue('0');
  await panel.getByLabel('Number of trees').fill('100');
  await panel.getByLabel('Contamination %').fill('1');
  await panel.getByRole('button', { name: 'Find anomalies' }).click();

  await expect(panel.getByRole('img', { name: /^Histogram of anomaly scores for 5,\d{3} rows/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(/rows flagged \(top 1%, threshold 0\.\d{3}\)/)).toBeVisible();
  const table = panel.getByRole('table', { name: 'Top anomalies' });
  await expect(table.getByRole('row')).toHaveCount(21);
  await expect(table.getByRole('list', { name: /^Isolated by (sessions|spend|age|days)/ }).first()).toBeVisible();
  // The histogram saves as a standalone SVG with its bars and the threshold line.
  const [svg] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Save anomaly score histogram as SVG' }).click()]);
  expect(svg.suggestedFilename()).toMatch(/anomaly-scores\.svg$/);
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text).toContain('<svg');
  expect(text).toContain('stroke-dasharray="4 3"');
  await panel.getByText('Show as table').click();
  await expect(panel.getByRole('table').filter({ hasText: 'above threshold' })).toBeVisible();
  await panel.getByText('Show as table').click();

  await panel.getByRole('button', { name: 'Exclude from training' }).click();
  await expect(panel.getByRole('status')).toContainText('Added "Exclude anomalies" as step 1 of the recipe');
  await expect(page.getByRole('list', { name: 'Recipe steps' }).getByRole('listitem').locator('strong')).toHaveText([/^Exclude anomalies: top 1% by isolation forest on .*spend.* \(100 trees, seed 42\)$/]);

  await table.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'anomaly');
});

test('a long anomaly run shows progress and can be cancelled, keeping the settings', async ({ page }) => {
  await openStudio(page);
  const lines = ['x,y,z'];
  for (let i = 0; i < 200_000; i++) lines.push(`${i % 997},${(i * 7919) % 1009},${(i * 104729) % 1013}`);
  await addFile(page, csvFile('big-anomaly.csv', lines.join('\n')));
  await expect(page.getByRole('button', { name: /^big-anomaly\.csv/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Clean' }).click();
  const panel = page.getByRole('region', { name: 'Anomalies' });
  await panel.getByLabel('Number of trees').fill('1000');
  await panel.getByRole('button', { name: 'Find anomalies' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Anomaly detection progress' })).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Anomaly detection was cancelled.');
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  await expect(panel.getByLabel('Number of trees')).toHaveValue('1000');
  await expect(panel.getByRole('button', { name: 'Find anomalies' })).toBeEnabled();
});
