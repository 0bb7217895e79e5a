import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addFile, csvFile, openStudio, screenshot } from './support';

const rows = ['member,city,spend'];
for (let i = 0; i < 60; i++) rows.push(`m${i},${['Oslo', 'Lima', 'Kyiv'][i % 3]},${(i * 7.25).toFixed(2)}`);
const MEMBERS = csvFile('members.csv', rows.join('\n'));

const status = (page: Page) => page.getByTestId('workspace-status');

async function openPanel(page: Page) {
  await page.getByRole('button', { name: /^Workspace/ }).click();
  await expect(page.getByRole('dialog', { name: 'Workspace' })).toBeVisible();
}

async function trainQuick(page: Page) {
  await page.getByRole('button', { name: /^demo-customers\.csv/ }).click();
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByLabel('Target column')).toHaveValue('churned');
  await page.getByLabel('Epochs').fill('3');
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished/ })).toBeVisible({ timeout: 90_000 });
}

async function setPassphrase(page: Page, passphrase: string) {
  await openPanel(page);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat it').fill(passphrase);
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(page.getByText(/now protected by your passphrase/)).toBeVisible({ timeout: 30_000 });
  await expect(status(page)).toHaveText('Saved');
  await expect(status(page)).toHaveAttribute('data-protection', 'passphrase');
}

test('a reload finds the datasets and runs again, the demo datasets once', async ({ page }) => {
  await openStudio(page);
  await addFile(page, MEMBERS);
  await expect(page.getByRole('heading', { level: 1, name: 'members.csv' })).toBeVisible();
  await trainQuick(page);
  await expect(status(page)).toHaveText('Saved');

  await page.reload();
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^demo-customers\.csv/ })).toHaveCount(1);
  await page.getByRole('tab', { name: 'Evaluate' }).click();
  await expect(page.getByRole('img', { name: 'ROC curve' })).toBeVisible();
  await expect(page.getByText(/Run 1 · logistic/).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: /^members\.csv/ }).click();
  await expect(page.getByRole('grid')).toContainText('Kyiv');
  await openPanel(page);
  const log = page.getByRole('region', { name: 'Audit log entries' }).or(page.getByLabel('Audit log entries'));
  await expect(log).toContainText('restore');
  await expect(log).toContainText('train');
  await expect(log).toContainText('members.csv');
});

test('a passphrase: asked for on reload, a wrong one refused, Lock closes everything', async ({ page }) => {
  await openStudio(page);
  await addFile(page, MEMBERS);
  await expect(status(page)).toHaveText('Saved');
  await setPassphrase(page, 'harbour lights 42');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toHaveCount(0);
  await page.getByLabel('Passphrase').fill('harbour lights 41');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open this workspace');
  await page.getByLabel('Passphrase').fill('harbour lights 42');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toBeVisible({ timeout: 30_000 });

  await openPanel(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(status(page)).toHaveText('Saved');
  await page.screenshot({ path: 'test-output/screenshots/workspace-panel.png' });
  await page.getByLabel('Audit log entries').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('Audit log entries')).toContainText('unlock');
  await page.screenshot({ path: 'test-output/screenshots/workspace-panel-audit.png' });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible();
  await expect(status(page)).toHaveText('Locked');
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toHaveCount(0);
  await screenshot(page, 'workspace-locked');
});

test('export the project, delete everything, import it back; a wrong passphrase and a changed file are refused', async ({ page }) => {
  await openStudio(page);
  await addFile(page, MEMBERS);
  await trainQuick(page);
  await openPanel(page);
  await page.getByLabel('Export passphrase').fill('short');
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await page.getByLabel('Export passphrase').fill('granite fox 9');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export project' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.loupe$/);
  const project = readFileSync((await download.path())!);
  expect(project.subarray(0, 8).toString('latin1')).toBe('LOUPEPRJ');
  expect(project.includes(Buffer.from('Kyiv'))).toBe(false);

  await page.getByRole('button', { name: 'Delete saved workspace…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByText('The saved workspace is deleted')).toBeVisible();
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^demo-customers\.csv/ })).toHaveCount(0);

  const input = page.getByLabel('Project file to import');
  await input.setInputFiles({ name: 'project.loupe', mimeType: 'application/octet-stream', buffer: project });
  await page.getByLabel('Its passphrase').fill('granite fox 8');
  await page.getByRole('button', { name: 'Import project' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open "project.loupe"');
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toHaveCount(0);

  const changed = Buffer.from(project);
  changed[changed.length - 100] ^= 0x01;
  await input.setInputFiles({ name: 'changed.loupe', mimeType: 'application/octet-stream', buffer: changed });
  await page.getByLabel('Its passphrase').fill('granite fox 9');
  await page.getByRole('button', { name: 'Import project' }).click();
  await expect(page.getByRole('alert')).toContainText('"changed.loupe" is damaged or was changed after it was exported');
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toHaveCount(0);

  await input.setInputFiles({ name: 'project.loupe', mimeType: 'application/octet-stream', buffer: project });
  await page.getByLabel('Its passphrase').fill('granite fox 9');
  await page.getByRole('button', { name: 'Import project' }).click();
  await expect(page.getByText(/Imported "project\.loupe": \d+ datasets and 1 runs/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^demo-customers\.csv/ })).toHaveCount(1);
  await page.getByRole('button', { name: 'Close the workspace panel' }).click();
  await page.getByRole('tab', { name: 'Evaluate' }).click();
  await expect(page.getByRole('img', { name: 'ROC curve' })).toBeVisible();
  // And it is saved again: a reload brings the imported project back.
  await expect(status(page)).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('button', { name: /^members\.csv/ })).toBeVisible({ timeout: 60_000 });
});

test('a second tab does not save over the first: it says so', async ({ page, context }) => {
  await openStudio(page);
  await expect(status(page)).toHaveText('Saved');
  const second = await context.newPage();
  await openStudio(second);
  await expect(second.getByTestId('workspace-status')).toHaveText('Not saved');
  await second.getByRole('button', { name: /^Workspace/ }).click();
  await expect(second.getByText(/open in another tab of this browser/)).toBeVisible();
});
