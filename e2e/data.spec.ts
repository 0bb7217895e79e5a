import { expect, test } from '@playwright/test';
import { addFile, csvFile, openStudio, screenshot } from './support';

const SALES = [
  'order_id,region,amount,ordered_at,note',
  '1,North,12.5,2024-01-03,"first order, paid"',
  '2,South,7.25,2024-01-04,NA',
  '3,North,,2024-01-09,"multi',
  'line note"',
  '4,East,30,2024-02-01,?',
  '5,South,18.75,2024-02-11,',
].join('\r\n');

test('the studio opens with the demo datasets profiled', async ({ page }) => {
  await openStudio(page);
  await expect(page.getByRole('button', { name: /^demo-ratings\.csv/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'demo-customers.csv' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column churned' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column email' }).getByLabel('Type of email')).toHaveValue('identifier');
  await expect(page.getByRole('article', { name: 'Column review' }).getByLabel('Type of review')).toHaveValue('text');
  await screenshot(page, 'data-demo-customers');
});

test('a CSV with quotes, CRLF and missing markers is parsed, profiled and paged', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('sales.csv', SALES));
  await expect(page.getByRole('heading', { level: 1, name: 'sales.csv' })).toBeVisible();
  const stats = page.locator('.stats');
  await expect(stats).toContainText('Rows5');
  await expect(stats).toContainText('Columns5');
  // What the engine holds in all, against its budget: the two demo datasets and this file.
  await expect(page.getByLabel('Memory held by Loupe')).toHaveText(/^Loupe holds [\d.]+ [KM]B of its [\d.]+ [MG]B memory budget \(3 datasets\)\.$/);
  const amount = page.getByRole('article', { name: 'Column amount' });
  await expect(amount.getByLabel('Type of amount')).toHaveValue('numeric');
  await expect(amount).toContainText('Missing1');
  // Each card draws its chart: a histogram for numbers (4 values in 20 bins: 4 non-empty bars, each with its count on hover), top values for text.
  const histogram = amount.getByRole('img', { name: 'Histogram of amount' });
  await expect(histogram.locator('.mini-bars-bar[height]:not([height="0"])')).toHaveCount(4);
  await expect(histogram.locator('title').first()).toHaveText(/^7\.25 – .*: 1 row$/);
  await expect(page.getByRole('img', { name: 'Most frequent values of region' }).locator('text')).toHaveText(['North', 'South', 'East']);
  await expect(page.getByRole('article', { name: 'Column ordered_at' }).getByLabel('Type of ordered_at')).toHaveValue('datetime');
  const grid = page.getByRole('grid');
  await expect(grid).toContainText('first order, paid');
  await expect(grid).toContainText('multi');
  // Override a type: region becomes text, and back.
  await page.getByLabel('Type of region').selectOption('text');
  await expect(page.getByLabel('Type of region')).toHaveValue('text');
  await screenshot(page, 'data-sales');
});

test('header detection can be overridden, datasets switched and removed', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('u.data', '196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n', 'text/plain'));
  await expect(page.getByRole('heading', { level: 1, name: 'u.data' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column column_1' })).toBeVisible();
  await expect(page.getByLabel('Delimiter')).toHaveValue('\t');
  await page.getByLabel('First row is a header').check();
  await expect(page.getByRole('article', { name: 'Column 196' })).toBeVisible();
  await page.getByLabel('First row is a header').uncheck();
  await expect(page.getByRole('article', { name: 'Column column_1' })).toBeVisible();
  await page.getByRole('button', { name: /^demo-ratings\.csv/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'demo-ratings.csv' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove u.data' }).click();
  await expect(page.getByRole('button', { name: /^u\.data/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^demo-customers\.csv/ })).toBeVisible();
});

test('Latin-1 text is decoded as Windows-1252, and the user can switch the encoding', async ({ page }) => {
  await openStudio(page);
  // "Café" and "Señor" in Windows-1252 bytes: not valid UTF-8.
  const bytes = Buffer.from('1|Caf\xe9 (1995)|01-Jan-1995\n2|Se\xf1or (1996)|01-Jan-1996\n', 'latin1');
  await addFile(page, csvFile('u.item', bytes, 'text/plain'));
  await expect(page.getByRole('heading', { level: 1, name: 'u.item' })).toBeVisible();
  await expect(page.getByLabel('Text encoding')).toHaveValue('windows-1252');
  await expect(page.getByRole('grid')).toContainText('Café (1995)');
  await page.getByLabel('Text encoding').selectOption('utf-8');
  await expect(page.getByLabel('Text encoding')).toHaveValue('utf-8');
  await expect(page.getByRole('grid')).toContainText('Caf\ufffd (1995)');
  await screenshot(page, 'data-latin1');
});

test('JSON and JSON Lines load', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('people.json', JSON.stringify([{ name: 'Ada', age: 36 }, { name: 'Alan', age: 41 }, { name: 'Grace', age: null }]), 'application/json'));
  await expect(page.getByRole('heading', { level: 1, name: 'people.json' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column age' })).toContainText('Missing1');
  await addFile(page, csvFile('events.jsonl', '{"user":"a","n":1}\n{"user":"b","n":2}\n\n{"user":"c","n":3}\n', 'application/x-ndjson'));
  await expect(page.getByRole('heading', { level: 1, name: 'events.jsonl' })).toBeVisible();
  await expect(page.locator('.stats')).toContainText('Rows3');
});

test('the table pages rows from the worker as the user scrolls', async ({ page }) => {
  await openStudio(page);
  const lines = ['id,value'];
  for (let i = 0; i < 3000; i++) lines.push(`${i},${(i * 7) % 13}`);
  await addFile(page, csvFile('long.csv', lines.join('\n')));
  await expect(page.getByRole('heading', { level: 1, name: 'long.csv' })).toBeVisible();
  const scroller = page.locator('.table-scroll');
  await scroller.evaluate((el) => (el.scrollTop = 28 * 2500));
  await expect(page.getByRole('grid')).toContainText('2500');
  await expect(page.locator('.table-wrap')).toContainText('of 3,000');
  // Only the visible rows are in the DOM.
  expect(await page.locator('tbody tr').count()).toBeLessThan(40);
});

test('a file read in ranges by parse helpers profiles exactly as one pass does', async ({ browser }) => {
  // Quoted newlines, missing cells, categories and dates, split into 16 KB ranges (?ingestRangeKB=16).
  const lines = ['id,city,amount,note,day'];
  for (let i = 0; i < 6000; i++) {
    const note = i % 97 === 0 ? `"line one\nline two ${i}"` : i % 5 === 0 ? '' : `n${i % 13}`;
    lines.push(`${i},${['Paris', 'Lyon', 'Nice', 'Köln'][i % 4]},${i % 11 === 0 ? 'NA' : ((i * 7.5) % 1000).toFixed(2)},${note},2024-0${1 + (i % 9)}-1${i % 10}`);
  }
  const file = csvFile('ranges.csv', lines.join('\r\n'));
  const profiles: string[] = [];
  for (const query of ['?backend=wasm&ingestRangeKB=0', '?backend=wasm&ingestRangeKB=16']) {
    const page = await browser.newPage();
    await openStudio(page, query);
    await addFile(page, file);
    await expect(page.getByRole('heading', { level: 1, name: 'ranges.csv' })).toBeVisible();
    await expect(page.locator('.stats')).toContainText('Rows6,000');
    await expect(page.getByRole('grid')).toContainText('line two 0');
    profiles.push(await page.locator('main').innerText());
    if (query.endsWith('16')) await screenshot(page, 'data-ranges');
    await page.close();
  }
  expect(profiles[1]).toBe(profiles[0]);
});
