import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openStudio, screenshot } from './support';

test('recommend from events on demo-ratings: map purchases, train ALS, onboard a new user, similar items for a new item', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Recommend' }).click();
  await page.getByRole('radio', { name: /Events/ }).check();

  // demo-ratings as events: a rating of 4 or more is a purchase.
  await expect(page.getByLabel('User column')).toHaveValue('user_id');
  await expect(page.getByLabel('Item column')).toHaveValue('product_id');
  await expect(page.getByLabel('Count a row as an event when column')).toHaveValue('rating');
  await expect(page.getByLabel('… is at least')).toHaveValue('4');
  await expect(page.getByLabel('Events summary')).toContainText(/[\d,]+ users · 300 items/);

  // Bad input: a half-life without sense gets a message, and undoing it loses nothing.
  await page.getByLabel('Time decay half-life (days, empty for none)').fill('-3');
  await expect(page.getByRole('alert')).toContainText('half-life must be a positive');
  await page.getByLabel('Time decay half-life (days, empty for none)').fill('');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Train SAR, ALS and content-based (BPR and hybrid off to keep it short), with MMR re-ranking.
  await page.getByLabel('BPR', { exact: true }).uncheck();
  await page.getByLabel('Hybrid (ALS + content)', { exact: true }).uncheck();
  await page.getByLabel('Diversity trade-off').fill('0.7');
  await page.getByRole('button', { name: 'Compare algorithms' }).click();
  const table = page.getByRole('table', { name: 'Events algorithm comparison' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  for (const name of ['Most popular', 'SAR (item co-occurrence)', 'Implicit ALS', 'Content-based']) await expect(table.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Novelty', exact: true })).toBeVisible();

  // An existing user's preview, as in ratings mode: history, top-10 with reasons (SAR), the CSV.
  const user = page.getByLabel('Events user');
  await user.fill('U0000');
  await user.press('Enter');
  await expect(user).toHaveValue(/^U0000\d$/);
  await page.getByLabel('Events algorithm', { exact: true }).selectOption({ label: 'SAR (item co-occurrence)' });
  await expect(page.getByRole('list', { name: 'Events history' }).getByRole('listitem').first()).toBeVisible();
  const eventsTop = page.getByRole('list', { name: 'Events top 10' });
  await expect(eventsTop.getByRole('listitem')).toHaveCount(10);
  await expect(eventsTop).toContainText('because of');
  const download = page.waitForEvent('download');
  await page.getByLabel('Existing user preview').getByRole('button', { name: 'Download top-N (CSV)' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
  expect(lines[0]).toBe('user,rank,item,score');
  expect(lines[1]).toMatch(/^U\d+,1,[^,]+,-?\d+\.\d{4}$/);
  await expect(table.getByRole('columnheader', { name: 'Diversity', exact: true })).toBeVisible();
  await expect(page.getByText(/Re-ranked at λ = 0.7/)).toBeVisible();

  // Onboarding: cold start is popularity; three picks fold the user into ALS and the list changes.
  await page.getByLabel('Fold the new user into').selectOption('als');
  const list = page.getByRole('list', { name: 'Recommendations for the new user' });
  await expect(page.getByLabel('Onboarding source')).toContainText('most popular');
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const before = await list.innerText();
  await page.getByLabel('Search items').fill('poetry');
  const picks = page.getByRole('list', { name: 'Item search results' }).getByRole('button', { name: /^Pick / });
  await expect(picks.first()).toBeVisible();
  for (let n = 1; n <= 3; n++) {
    await picks.nth(n - 1).click();
    await expect(page.getByLabel('Onboarding source')).toContainText(`from ${n} pick(s)`);
  }
  await expect(page.getByLabel('Onboarding source')).toContainText('Folded into ALS');
  await expect(list.getByRole('listitem')).toHaveCount(10);
  expect(await list.innerText()).not.toBe(before);
  const ms = Number((await page.getByLabel('Onboarding source').innerText()).match(/([\d.]+) ms/)![1]);
  expect(ms).toBeLessThan(100);

  // A new item by name and category gets content-based neighbours.
  await page.getByLabel('New item name').fill('Poetry Collection Deluxe');
  await page.getByLabel('New item category').fill('Books');
  await page.getByRole('button', { name: 'Find similar items' }).click();
  const similar = page.getByRole('list', { name: 'Items similar to the new item' });
  await expect(similar.getByRole('listitem').first()).toContainText('Poetry Collection');
  await expect(similar.getByRole('listitem').first()).toContainText('Books');

  await screenshot(page, 'recommend-events');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'recommend-events-1280x720');
});
