import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { csvFile, openStudio, screenshot } from './support';

test.use({ viewport: { width: 1280, height: 720 } });

async function addStep(page: Page, operation: string, fill: (form: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined) {
  const form = page.getByRole('form', { name: 'Add a step' });
  await form.getByLabel('Operation').selectOption({ label: operation });
  await fill(form);
  await form.getByRole('button', { name: 'Add step' }).click();
}

test('clean demo-customers: dedupe, impute, per-user aggregates, pseudonymise, apply, train on the cleaned version; recipes in and out', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('button', { name: /^demo-customers\.csv/ }).click();
  await page.getByRole('tab', { name: 'Clean' }).click();
  await expect(page.getByRole('heading', { name: 'Clean demo-customers.csv' })).toBeVisible();

  await addStep(page, 'Drop duplicate rows');
  await addStep(page, 'Fill missing values', async (form) => {
    await form.getByLabel('Column').selectOption('age');
    await form.getByLabel('Fill with').selectOption('median');
  });
  await addStep(page, 'Add per-entity aggregates', async (form) => {
    await form.getByLabel('Group by').selectOption('user_id');
    await form.getByLabel('Of the number column').selectOption('spend');
  });
  // The email is pseudonymised from the personal data panel, with a key only this tab holds.
  await page.getByRole('button', { name: 'Add step for email' }).click();
  await page.getByLabel('Pseudonymisation key').fill('correct horse battery staple');
  // k on two quasi-identifiers.
  const quasi = page.getByRole('group', { name: 'Quasi-identifiers' });
  await quasi.getByRole('checkbox', { name: 'country' }).check();
  await quasi.getByRole('checkbox', { name: 'device' }).check();
  await page.getByRole('button', { name: 'Compute k' }).click();
  await expect(page.getByText(/At least one row is alone on country \+ device/)).toBeVisible();
  // Flag anomalies and exclude them: a fifth step.
  const anomalies = page.getByRole('region', { name: 'Anomalies' });
  await anomalies.getByRole('button', { name: 'Find anomalies' }).click();
  await expect(anomalies.getByRole('table', { name: 'Top anomalies' })).toBeVisible({ timeout: 30_000 });
  await anomalies.getByRole('button', { name: 'Exclude from training' }).click();

  const steps = page.getByRole('list', { name: 'Recipe steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(5);
  // The preview says what each step did.
  await expect(steps.nth(0)).toContainText(/Dropped \d+ duplicate rows? · rows 5,050 → 5,0\d\d/);
  await expect(steps.nth(1)).toContainText(/Filled 1\d\d missing values in age with \d+/);
  await expect(steps.nth(2)).toContainText('Added 3 columns over 5,000 user_id values');
  await expect(steps.nth(4)).toContainText(/Excluded \d+ anomalous rows/);
  await expect(steps.nth(3)).toContainText(/Pseudonymised/i);
  await screenshot(page, 'clean-recipe');

  // Export the recipe; import it back onto the same dataset.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export recipe' }).click()]);
  const recipe = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(recipe).steps.map((s: { op: string }) => s.op)).toEqual(['drop-duplicates', 'impute', 'entity-aggregates', 'pseudonymise', 'exclude-anomalies']);
  expect(recipe).not.toContain('correct horse');
  await page.getByLabel('Recipe file to import').setInputFiles(csvFile('broken-recipe.json', '{"format":"loupe-recipe/1","columns":[],"steps":[{"op":"teleport"}]}', 'application/json'));
  await expect(page.getByRole('alert')).toHaveText('broken-recipe.json: Step 1 uses "teleport", an operation this version of Loupe does not know.');
  await expect(steps).toHaveCount(5);
  await page.getByLabel('Recipe file to import').setInputFiles(csvFile('recipe.json', recipe, 'application/json'));
  await expect(page.getByText('Read 5 steps from recipe.json.')).toBeVisible();

  await page.getByRole('button', { name: 'Apply recipe' }).click();
  await expect(page.getByText(/Made demo-customers\.csv · cleaned 1: 4,9\d\d rows × 14 columns/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^demo-customers\.csv · cleaned 1/ })).toContainText('cleaned from demo-customers.csv · 5 steps');
  await expect(page.getByRole('heading', { name: 'Clean demo-customers.csv · cleaned 1' })).toBeVisible();

  // Train on the cleaned version; the run names it and its recipe.
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('churned');
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished/ })).toBeVisible({ timeout: 90_000 });
  await page.getByRole('tab', { name: 'Evaluate' }).click();
  await expect(page.getByText('demo-customers.csv · cleaned 1 (5 cleaning steps from demo-customers.csv v1)')).toBeVisible();

  // The workspace keeps it all: after a reload the cleaned version and its run are back.
  await expect(page.getByRole('button', { name: /^Workspace/ })).toContainText('Saved', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole('button', { name: /^demo-customers\.csv · cleaned 1/ })).toContainText('cleaned from demo-customers.csv · 5 steps', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Evaluate' }).click();
  await expect(page.getByText('demo-customers.csv · cleaned 1 (5 cleaning steps from demo-customers.csv v1)')).toBeVisible();
});
