import { expect, test } from '@playwright/test';
import { openStudio, screenshot } from './support';

test('the preview opens for the first fitted algorithm while the comparison still runs, with per-algorithm time left', async ({ page }) => {
  // Test hook: each fold waits 1.5 s first, so the comparison is still running while we look.
  await openStudio(page, '?backend=wasm&recommendFoldDelayMs=1500');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('tab', { name: 'Recommend' }).click();
  await expect(page.getByLabel('Ratings summary')).toContainText('by 1,000 users on 300 items');
  await page.getByLabel('Item kNN', { exact: true }).uncheck();
  await page.getByLabel('Folds').fill('3');
  await page.getByRole('button', { name: 'Compare algorithms' }).click();

  const bar = page.getByRole('progressbar', { name: 'Comparison progress' });
  await expect(bar).toBeVisible();
  const lines = page.getByRole('list', { name: 'Each algorithm' });
  await expect(lines.getByRole('listitem').filter({ hasText: 'Baseline' })).toContainText('ready in the preview');
  // The baseline's list is on screen while the bar still runs; the picker offers only what is ready.
  const top = page.getByRole('list', { name: 'Top 10 from Baseline' });
  await expect(top.getByRole('listitem')).toHaveCount(10);
  await expect(page.getByLabel('Algorithm', { exact: true }).locator('option')).toHaveText(['Baseline']);
  await expect(page.getByRole('status').filter({ hasText: 'Still comparing' })).toContainText('SVD, SVD++ best');
  // SVD's own estimate once its first fold is done.
  await expect(lines.getByRole('listitem').filter({ hasText: /^SVD(?!\+)/ })).toContainText(/fold [23] of 3 · about \d+ s left/);
  await expect(bar).toBeVisible();
  await screenshot(page, 'recommend-live-1280x720');

  // Done: the table, every algorithm in the picker, no "still comparing" note.
  await expect(page.getByRole('table', { name: 'Algorithm comparison' })).toBeVisible({ timeout: 90_000 });
  await expect(bar).toHaveCount(0);
  await expect(page.getByLabel('Algorithm', { exact: true }).locator('option')).toHaveText(['Baseline', 'SVD', 'SVD++ best']);
  await expect(page.getByText('Still comparing')).toHaveCount(0);
  await expect(page.getByRole('list', { name: /^Top 10 from/ }).first().getByRole('listitem')).toHaveCount(10);
  await screenshot(page, 'recommend-live-done-1280x720');
});
