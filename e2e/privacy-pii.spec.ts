import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { addFile, csvFile, openStudio, SCREENSHOTS } from './support';

/** A Luhn check digit, so the file's card numbers are valid ones (the detector checks Luhn). */
function withLuhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) (d *= 2), d > 9 && (d -= 9);
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const FIRST = ['Maria', 'James', 'Olivia', 'Noah', 'Sofia', 'Liam', 'Emma', 'Lucas', 'Priya', 'Wei'];
const LAST = ['Garcia', 'Smith', 'Brown', 'Rossi', 'Sharma', 'Zhang', 'Müller', 'Dubois'];

function peopleCsv(rows: number): string {
  const lines = ['customer_name,contact,mobile,card,birth_date,plan,score'];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 3) % LAST.length];
    const card = withLuhn(`4${String(100000000000000 + i * 7919).padStart(14, '0')}`).replace(/(\d{4})(?=\d)/g, '$1 ');
    lines.push([`${first} ${last}`, `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`, `+44 20 7946 ${String(1000 + i).slice(-4)}`, card, `${1950 + ((i * 7) % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, i % 3 ? 'pro' : 'free', String((i * 37) % 100)].join(','));
  }
  return lines.join('\n') + '\n';
}

test('personal data: badges, a pseudonymise step, k on quasi-identifiers, and Train leaves PII out', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  mkdirSync(SCREENSHOTS, { recursive: true });
  await openStudio(page);

  // demo-customers: the email column is flagged on its card.
  await page.getByRole('button', { name: /^demo-customers\.csv/ }).click();
  const emailCard = page.getByRole('article', { name: 'Column email' });
  await expect(emailCard.getByText(/^Personal data\? email · \d+%$/)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column country' }).getByText(/Personal data/)).toHaveCount(0);

  // A file with a name, phone and card: each gets its badge.
  await addFile(page, csvFile('people.csv', peopleCsv(60)));
  await expect(page.getByRole('heading', { name: 'people.csv' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column customer_name' }).getByText(/Personal data\? name · \d+%/)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column contact' }).getByText(/Personal data\? email/)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column mobile' }).getByText(/Personal data\? phone number/)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column card' }).getByText(/Personal data\? card number/)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column birth_date' }).getByText(/Personal data\? date of birth · \d+%/)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Column plan' }).getByText(/Personal data/)).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/privacy-data-view.png` });

  // Train on this file leaves every detected column out, each with its reason.
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('plan');
  for (const [column, kind] of [['customer_name', 'name'], ['contact', 'email'], ['mobile', 'phone number'], ['card', 'card number'], ['birth_date', 'date of birth']]) {
    const box = page.getByRole('checkbox', { name: new RegExp(`^${column}`) });
    await expect(box).not.toBeChecked();
    await expect(page.locator('label.feature', { has: box })).toContainText(`excluded: looks like personal data (${kind} · `);
  }
  await page.getByRole('tab', { name: 'Data' }).click();

  // The privacy panel on demo-customers: pseudonymise the email.
  await page.getByRole('button', { name: /^demo-customers\.csv/ }).click();
  await page.getByRole('tab', { name: 'Clean' }).click();
  const findings = page.getByRole('table', { name: 'Personal data found' });
  await expect(findings.getByRole('rowheader', { name: 'email' })).toBeVisible();
  await expect(page.getByLabel('Action for email')).toHaveValue('pseudonymise');
  await page.getByRole('button', { name: 'Add step for email' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to the recipe: Pseudonymise email' })).toBeVisible();
  await expect(page.getByText('The recipe has a pseudonymise step: type the key here before applying it.')).toBeVisible();
  const key = page.getByLabel('Pseudonymisation key');
  await expect(key).toHaveAttribute('type', 'password');
  await key.fill('correct horse battery staple');
  await expect(page.getByText(/type the key here before applying it/)).toHaveCount(0);

  // k-anonymity on country + device, aiming for k = 5.
  const quasi = page.getByRole('group', { name: 'Quasi-identifiers' });
  await quasi.getByRole('checkbox', { name: 'country' }).check();
  await quasi.getByRole('checkbox', { name: 'device' }).check();
  await page.getByLabel('k to reach').fill('0');
  await expect(page.getByText('Type a whole number of at least 1 for k.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compute k' })).toBeDisabled();
  await page.getByLabel('k to reach').fill('5');
  await page.getByRole('button', { name: 'Compute k' }).click();
  const report = page.getByRole('region', { name: 'k-anonymity report' });
  await expect(report.getByRole('table', { name: 'Smallest groups' })).toBeVisible();
  await expect(report.getByText(/^Rows to suppress for k = 5$/)).toBeVisible();
  const k = Number(await report.locator('.metric-card').first().locator('dd').textContent());
  expect(k).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: `${SCREENSHOTS}/privacy-panel.png`, fullPage: true });

  // Train proposes leaving the email out, with the detector's reason.
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('checkbox', { name: /^email/ })).not.toBeChecked();
  await expect(page.getByText(/excluded: looks like personal data \(email · \d+%\)/)).toBeVisible();
});
