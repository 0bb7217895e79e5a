import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openStudio, screenshot } from './support';

test('recommend on demo-ratings: map, compare, preview with reasons, export top-N', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Recommend' }).click();

  // Suggested mapping.
  await expect(page.getByLabel('User column')).toHaveValue('user_id');
  await expect(page.getByLabel('Item column')).toHaveValue('product_id');
  await expect(page.getByLabel('Rating column')).toHaveValue('rating');
  await expect(page.getByLabel('Timestamp column')).toHaveValue('timestamp');
  await expect(page.getByLabel('Item details dataset').locator('option:checked')).toHaveText('demo-ratings.csv');
  await expect(page.getByLabel('Item title column')).toHaveValue('product_name');
  await expect(page.getByLabel('Ratings summary')).toContainText('by 1,000 users on 300 items');

  // Bad input: a text column as the rating gets a clear message, and the choice can be undone.
  await page.getByLabel('Rating column').selectOption('product_name');
  await expect(page.getByRole('alert')).toContainText('not numbers');
  await expect(page.getByRole('button', { name: 'Compare algorithms' })).toBeDisabled();
  await page.getByLabel('Rating column').selectOption('rating');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Compare baseline and SVD on 3 folds.
  await page.getByLabel('Item kNN', { exact: true }).uncheck();
  await page.getByLabel('SVD++ best', { exact: true }).uncheck();
  await expect(page.getByLabel('Baseline', { exact: true })).toBeChecked();
  await expect(page.getByLabel('SVD', { exact: true })).toBeChecked();
  await page.getByLabel('Folds').fill('3');
  await page.getByRole('button', { name: 'Compare algorithms' }).click();
  const table = page.getByRole('table', { name: 'Algorithm comparison' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('3-fold cross-validation (seed 0)')).toBeVisible();
  for (const name of ['Baseline (user + item bias)', 'SVD (matrix factorization)']) {
    const rmse = await table.getByRole('row', { name: new RegExp(`^${name.replace(/[()+]/g, '\\$&')}`) }).getByRole('cell').first().textContent();
    expect(Number(rmse)).toBeGreaterThan(0.3);
    expect(Number(rmse)).toBeLessThan(1.2);
  }

  // Preview: search a user, see their history and top-10 with reasons.
  const user = page.getByLabel('User', { exact: true });
  await user.fill('U0000');
  await user.press('Enter');
  await expect(user).toHaveValue(/^U0000\d$/);
  await expect(page.getByRole('list', { name: 'History' }).getByRole('listitem').first()).toBeVisible();
  const top = page.getByRole('list', { name: /^Top 10 from/ }).first();
  await expect(top.getByRole('listitem')).toHaveCount(10);
  // The support (how many ratings) beside each score.
  await expect(top.getByRole('listitem').first()).toContainText(/\d+ ratings?/);

  // Side by side with the other algorithm.
  await page.getByLabel('Algorithm', { exact: true }).selectOption('svd');
  await page.getByLabel('Compare with').selectOption('baseline');
  await expect(page.getByRole('list', { name: 'Top 10 from Baseline' }).getByRole('listitem')).toHaveCount(10);
  await expect(page.getByRole('list', { name: 'Top 10 from SVD' }).getByRole('listitem')).toHaveCount(10);
  // Reasons only from a model's own item contributions: SVD's factors give them, the baseline none.
  await expect(page.getByRole('list', { name: 'Top 10 from SVD' })).toContainText('because you liked');
  await expect(page.getByRole('list', { name: 'Top 10 from Baseline' })).not.toContainText('because you liked');

  // Similar items for a picked item.
  await page.getByRole('list', { name: 'Top 10 from SVD' }).getByRole('button').first().click();
  await expect(page.getByRole('list', { name: 'Similar items' }).getByRole('listitem')).toHaveCount(10);
  await screenshot(page, 'recommend');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'recommend-1280x720');

  // Minimum support: only items with at least 150 ratings in the lists, then back to all.
  const minimum = page.getByLabel('Minimum ratings per item');
  await minimum.fill('150');
  await expect(async () => {
    const supports = (await page.getByRole('list', { name: 'Top 10 from SVD' }).getByRole('listitem').allTextContents()).map((t) => Number(/([\d,]+) ratings?/.exec(t)?.[1].replace(/,/g, '')));
    expect(supports.length).toBeGreaterThan(0);
    expect(supports.every((n) => n >= 150)).toBe(true);
  }).toPass();
  await minimum.fill('1');

  // Export top-N for every user.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download top-N (CSV)' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('user,rank,item,score');
  expect(lines).toHaveLength(1 + 10 * 1000);
  expect(lines[1]).toMatch(/^U\d+,1,[^,]+,\d+\.\d{4}$/);
});
