import { expect, test } from '@playwright/test';
import { addFile, csvFile, openStudio, recordRequests } from './support';

const SECRET = 'zebra-secret-7731';

test('no request leaves the origin and none carries the dataset', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  await openStudio(page);
  const rows = ['customer,secret_note,value'];
  for (let i = 0; i < 200; i++) rows.push(`c${i},${SECRET}-${i},${i}`);
  await addFile(page, csvFile('private.csv', rows.join('\n')));
  await expect(page.getByRole('heading', { level: 1, name: 'private.csv' })).toBeVisible();
  await expect(page.getByRole('grid')).toContainText(`${SECRET}-0`);
  await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = 28 * 150));
  await expect(page.getByRole('grid')).toContainText(`${SECRET}-150`);
  await page.getByRole('button', { name: /^demo-ratings\.csv/ }).click();
  await page.getByRole('button', { name: /^private\.csv/ }).click();

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
    expect(url.origin, `request to ${r.url()}`).toBe(origin);
    expect(r.postData() ?? '', `body of ${r.url()}`).not.toContain(SECRET);
    expect(r.url()).not.toContain(SECRET);
  }
  // The page declares the policy that makes this hold for code we did not write, too.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self'");
});
