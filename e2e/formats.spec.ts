import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addFile, csvFile, openStudio, screenshot } from './support';

test.use({ viewport: { width: 1280, height: 720 } });
const fixture = (name: string) => readFileSync(`src/core/frame/fixtures/tables/${name}`);

test('Parquet and Excel files load through the file input, profiled like CSV; a sheet can be chosen', async ({ page }) => {
  await openStudio(page);
  await addFile(page, csvFile('customers.parquet', fixture('customers.parquet'), 'application/octet-stream'));
  await expect(page.getByRole('heading', { name: 'customers.parquet' })).toBeVisible();
  await expect(page.getByText('Read as Parquet')).toBeVisible();
  await expect(page.getByRole('button', { name: /^customers\.parquet/ })).toContainText('5 rows · 6 columns');
  await screenshot(page, 'formats-parquet');

  await addFile(page, csvFile('people.xlsx', fixture('people.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  await expect(page.getByRole('heading', { name: 'people.xlsx' })).toBeVisible();
  await expect(page.getByText('Read as an Excel workbook')).toBeVisible();
  await expect(page.getByRole('button', { name: /^people\.xlsx/ })).toContainText('4 rows · 6 columns');
  await page.getByLabel('Sheet').selectOption('Regions');
  await expect(page.getByRole('button', { name: /^people\.xlsx/ })).toContainText('2 rows · 2 columns');

  // A zip that is not a workbook is refused with its reason; what was loaded stays.
  await addFile(page, csvFile('archive.zip', fixture('not-a-workbook.zip'), 'application/zip'));
  await expect(page.getByRole('alert')).toContainText('This is a ZIP archive but not an Excel workbook');
  await expect(page.getByRole('button', { name: /^people\.xlsx/ })).toBeVisible();
});
