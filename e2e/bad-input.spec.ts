import { expect, test, type Page } from '@playwright/test';
import { addFile, csvFile, openStudio, screenshot } from './support';

/** After a bad file: a specific message, the demo datasets intact, the app still usable. */
async function expectProblemAndIntact(page: Page, message: RegExp, shot?: string) {
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(message);
  if (shot) await screenshot(page, shot);
  await expect(page.getByRole('button', { name: /^demo-customers\.csv/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^demo-ratings\.csv/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'demo-customers.csv' })).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(alert).toHaveCount(0);
}

test('an empty file says it is empty', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('empty.csv', ''));
  await expectProblemAndIntact(page, /empty/i);
});

test('a header-only file names the columns it found', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('header.csv', 'alpha,beta,gamma\n'));
  await expectProblemAndIntact(page, /alpha.*beta.*gamma|no data rows|only a header/i);
});

test('a PNG renamed .csv is recognised as binary', async ({ page }) => {
  await openStudio(page);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(64, 0)]);
  await addFile(page, csvFile('photo.csv', png));
  await expectProblemAndIntact(page, /PNG|binary/i, 'bad-input-binary');
});

test('invalid JSON says where it broke', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('broken.json', '[{"a": 1}, {"a": 2,,}]', 'application/json'));
  await expectProblemAndIntact(page, /JSON/);
});

test('a file over the memory budget is refused before parsing', async ({ page }) => {
  await openStudio(page, '?backend=wasm&memoryBudgetMB=1');
  const lines = ['a,b,c'];
  for (let i = 0; i < 120_000; i++) lines.push(`${i},${i % 7},x${i % 3}`);
  await addFile(page, csvFile('big.csv', lines.join('\n')));
  await expectProblemAndIntact(page, /memory|budget|too large/i);
});

test('a column with mixed types loads with a warning', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('mixed.csv', 'id,size\n1,10\n2,12\n3,large\n4,9\n'));
  await expect(page.getByRole('heading', { level: 1, name: 'mixed.csv' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(/size/);
  await expect(page.getByLabel('Type of size')).toHaveValue('categorical');
  // Asking for numbers names the values that are not numbers, and keeps the column as it was.
  await page.getByLabel('Type of size').selectOption('numeric');
  await expect(page.getByRole('alert')).toContainText(/large/);
  await expect(page.getByLabel('Type of size')).toHaveValue('categorical');
  await screenshot(page, 'bad-input-mixed');
});

test('ragged rows are reported, not fatal', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n'));
  await expect(page.getByRole('heading', { level: 1, name: 'ragged.csv' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(/row|field/i);
  await expect(page.locator('.stats')).toContainText('Rows4');
});

test('a long load shows progress and can be cancelled, keeping what was loaded', async ({ page }) => {
  // Test hook: 64 KB chunks with a pause before each, so the load lasts long enough to cancel.
  await openStudio(page, '?backend=wasm&ingestChunkKB=64&ingestDelayMs=300');
  const lines = ['a,b,c'];
  for (let i = 0; i < 60_000; i++) lines.push(`${i},${i % 7},x${i % 3}`);
  await addFile(page, csvFile('slow.csv', lines.join('\n')));
  await expect(page.getByRole('progressbar', { name: 'Loading slow.csv' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel loading' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading slow.csv' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^slow\.csv/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^demo-customers\.csv/ })).toBeVisible();
});

test('a load split across parse helpers can be cancelled too', async ({ page }) => {
  // 64 KB ranges (?ingestRangeKB=64), each read in slow 16 KB chunks: the helpers are stopped mid-range.
  await openStudio(page, '?backend=wasm&ingestChunkKB=16&ingestDelayMs=300&ingestRangeKB=64');
  const lines = ['a,b,c'];
  for (let i = 0; i < 60_000; i++) lines.push(`${i},${i % 7},x${i % 3}`);
  await addFile(page, csvFile('slow-ranges.csv', lines.join('\n')));
  await expect(page.getByRole('progressbar', { name: 'Loading slow-ranges.csv' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel loading' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading slow-ranges.csv' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^slow-ranges\.csv/ })).toHaveCount(0);
  // The studio still loads files afterwards (fresh helpers replace the stopped ones).
  await addFile(page, csvFile('after.csv', 'x,y\n1,2\n3,4\n'));
  await expect(page.getByRole('heading', { level: 1, name: 'after.csv' })).toBeVisible();
});
