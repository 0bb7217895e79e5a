import { expect, test } from '@playwright/test';
import { addFile, csvFile, openStudio, screenshot } from './support';

// Issue 16, "Data and navigation": focus, the live curve in view, a live region, chart tables,
// the same-name choice and the warning before leaving.

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('training brings the live curve into view and focus to it; finishing and opening the evaluation move focus and are announced', async ({ page }) => {
    await openStudio(page, '?backend=wasm');
    await page.getByRole('tab', { name: 'Train' }).click();
    await expect(page.getByLabel('Target column')).toHaveValue('churned');
    // Long enough to look at while it runs; cancelled below.
    await page.getByLabel('Epochs').fill('400');
    await page.getByRole('button', { name: 'Train model' }).click();
    const running = page.getByRole('heading', { name: /^Training on/ });
    await expect(running).toBeFocused();
    await expect(page.getByRole('img', { name: /Training curve/ })).toBeInViewport({ ratio: 0.9 });
    await expect(page.getByText(/epoch [1-9]\d* \//)).toBeVisible();
    await page.screenshot({ path: 'test-output/screenshots/train-during-1280x720.png' });
    await page.getByRole('button', { name: 'Cancel training' }).click();
    await expect(page.getByTestId('announcer')).toHaveText('Training was cancelled.');

    await page.getByLabel('Epochs').fill('15');
    await page.getByRole('button', { name: 'Train model' }).click();
    const finished = page.getByRole('heading', { name: /logistic finished · test AUC/ });
    await expect(finished).toBeFocused({ timeout: 90_000 });
    await expect(page.getByTestId('announcer')).toHaveText(/^Training finished: Run \d+ · logistic, test AUC 0\.\d{3}\.$/);
    await expect(page.getByRole('img', { name: /Training curve/ })).toBeInViewport({ ratio: 0.9 });

    await page.getByRole('button', { name: 'Open evaluation →' }).click();
    await expect(page.getByRole('heading', { name: /^Evaluation of Run \d+ · logistic$/ })).toBeFocused();
    await expect(page.getByRole('img', { name: 'ROC curve' })).toBeVisible();
    await page.screenshot({ path: 'test-output/screenshots/evaluate-1280x720.png' });
    await screenshot(page, 'evaluate-1280x720-full');

    // Every chart has its numbers as a table behind a toggle.
    const toggles = page.getByText('Show as table');
    expect(await toggles.count()).toBeGreaterThanOrEqual(3);
    await toggles.first().click();
    await expect(page.getByRole('table', { name: /ROC curve/ })).toBeVisible();
    expect(await page.getByRole('table', { name: /ROC curve/ }).getByRole('row').count()).toBeGreaterThan(5);
  });
});

test('a file whose name is loaded asks: keep both as "name (2)", or replace', async ({ page }) => {
  await openStudio(page);
  const text = 'a,b\n1,2\n3,4\n';
  await addFile(page, csvFile('twice.csv', text));
  await expect(page.getByRole('button', { name: /^twice\.csv/ })).toBeVisible();
  await addFile(page, csvFile('twice.csv', text + '5,6\n'));
  const question = page.getByRole('alertdialog', { name: '"twice.csv" is already loaded' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Replace' })).toBeFocused();
  await question.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('button', { name: /^twice \(2\)\.csv/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^twice\.csv/ })).toHaveCount(1);

  await addFile(page, csvFile('twice.csv', text + '5,6\n7,8\n'));
  await page.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('button', { name: /^twice\.csv 4 rows/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^twice\.csv/ })).toHaveCount(1);
});

test('leaving asks first once a file is added, and not for the untouched demo datasets alone', async ({ page, context }) => {
  await openStudio(page);
  // Chromium asks only after the user has interacted with the page.
  await page.getByRole('tab', { name: 'Data' }).click();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  expect(dialogs).toEqual([]);

  // Not saving (?persist=0): a file added would be lost, so leaving asks.
  const second = await context.newPage();
  await openStudio(second, '?backend=wasm&persist=0');
  await addFile(second, csvFile('mine.csv', 'a,b\n1,2\n'));
  await expect(second.getByRole('button', { name: /^mine\.csv/ })).toBeVisible();
  await second.getByRole('tab', { name: 'Data' }).click();
  const asked = second.waitForEvent('dialog');
  await second.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();

  // Saving (the default): once the workspace says Saved, nothing is lost by leaving.
  const third = await context.newPage();
  await openStudio(third);
  await addFile(third, csvFile('mine.csv', 'a,b\n1,2\n'));
  await expect(third.getByTestId('workspace-status')).toHaveText('Saved');
  await third.getByRole('tab', { name: 'Data' }).click();
  const thirdDialogs: string[] = [];
  third.on('dialog', (d) => {
    thirdDialogs.push(d.type());
    void d.dismiss();
  });
  await third.close({ runBeforeUnload: true });
  await third.waitForEvent('close');
  expect(thirdDialogs).toEqual([]);
});

// Issue 16: thousands of SVG points froze Evaluate (scatters) and Explain (beeswarm).
test('scatter plots and the beeswarm draw their points on a canvas, with the numbers as a table', async ({ page }) => {
  await openStudio(page, '?backend=wasm');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('spend');
  await expect(page.getByLabel('Task')).toHaveValue('regression');
  await page.getByLabel('Epochs').fill('5');
  await page.getByRole('button', { name: 'Train model' }).click();
  await page.getByRole('button', { name: 'Open evaluation →' }).click({ timeout: 90_000 });
  const scatter = page.getByRole('img', { name: 'Predicted versus actual scatter plot' });
  await expect(scatter).toBeVisible();
  expect(await scatter.evaluate((el) => el.tagName)).toBe('CANVAS');
  expect(await page.getByRole('img', { name: 'Residual plot' }).evaluate((el) => el.tagName)).toBe('CANVAS');
  // Only the few SVG shapes of the other charts remain: no element per test row.
  expect(await page.locator('svg circle, svg path.recharts-symbols').count()).toBeLessThan(100);
  // One bot-like session count makes most of this linear model's squared error: the page says so.
  await expect(page.getByText(/largest errors \(\d+ rows of 737\) make \d+% of the squared error/)).toBeVisible();
  await page.getByText('Show as table').nth(0).click();
  await expect(page.getByRole('table', { name: /Predicted versus actual/ })).toBeVisible();
  await page.screenshot({ path: 'test-output/screenshots/evaluate-regression-1280x720.png' });

  await page.getByRole('tab', { name: 'Explain' }).click();
  await page.getByLabel('Rows to explain').selectOption('50');
  await page.getByRole('button', { name: 'Explain 50 test rows' }).click();
  const swarm = page.getByRole('img', { name: /Beeswarm summary/ });
  await expect(swarm).toBeVisible({ timeout: 90_000 });
  expect(await swarm.evaluate((el) => el.tagName)).toBe('CANVAS');
});
