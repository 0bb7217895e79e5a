import { expect, test } from '@playwright/test';
import { addFile, csvFile, openStudio, screenshot } from './support';

/**
 * A time-ordered file with a planted drift at row 3,000 of 6,000: from there the relation of x1 to
 * the label flips and x2 moves up by 1.5. The model is trained on the rows before the drift
 * (history.csv); the stream replays all 6,000 (stream.csv) in tumbling windows of 500 rows.
 */
const DRIFT_AT = 3000;
const ROWS = 6000;
const WINDOW = 500;

function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

function driftCsv(rows: number, seed: number, shift = 1.5, flip = true): string {
  const r = seeded(seed);
  const lines = ['time,x1,x2,colour,label'];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++) {
    const after = i >= DRIFT_AT;
    const x1 = r.normal();
    const x2 = r.normal() + (after ? shift : 0);
    const colour = ['red', 'green', 'blue'][Math.floor(r.next() * 3)];
    const z = 2 * x1 + 0.3 * r.normal();
    lines.push(`${new Date(start + i * 60_000).toISOString()},${x1.toFixed(4)},${x2.toFixed(4)},${colour},${(after && flip ? z < 0 : z > 0) ? 1 : 0}`);
  }
  return lines.join('\n') + '\n';
}

test('stream replay: the drift alert fires within a window of the planted drift, the updated model recovers, the frozen one does not; keep it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStudio(page);
  await addFile(page, csvFile('history.csv', driftCsv(ROWS, 7).split('\n').slice(0, DRIFT_AT + 1).join('\n') + '\n'));
  await expect(page.getByRole('button', { name: /^history\.csv/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('label');
  const time = page.getByRole('checkbox', { name: /^time/ });
  if (await time.isChecked()) await time.uncheck();
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished · test AUC 0\.9\d+/ })).toBeVisible({ timeout: 90_000 });

  await addFile(page, csvFile('stream.csv', driftCsv(ROWS, 7)));
  await expect(page.getByRole('button', { name: /^stream\.csv/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Stream' }).click();
  const view = page.getByRole('region', { name: 'Stream replay' });
  await view.getByLabel('Dataset to replay').selectOption({ label: 'stream.csv' });
  await view.getByLabel('Model (run)').selectOption({ index: 1 });
  await view.getByLabel('Timestamp column').selectOption('time');
  // Chromium has the File System Access API, so the live-file button is offered.
  await expect(view.getByRole('button', { name: 'Tail a live file…' })).toBeVisible();
  await view.getByLabel('Window size').fill('abc');
  await view.getByRole('button', { name: 'Play' }).click();
  await expect(view.getByRole('alert')).toContainText('The window size "abc" is not a positive number');
  await expect(view.getByLabel('Window size')).toHaveValue('abc');
  await view.getByLabel('Window size').fill(String(WINDOW));
  await view.getByLabel('Reference (first N windows)').fill('0');
  await view.getByRole('button', { name: 'Play' }).click();
  await expect(view.getByRole('alert')).toContainText('The reference "0" is not a whole number of windows (1 or more)');
  // Two reference windows, PSI-only alerts: the planted drift is large, so it still alerts.
  await view.getByLabel('Reference (first N windows)').fill('2');
  await view.getByLabel('Drift alerts on').selectOption('psi');
  await view.getByLabel('Update the model').selectOption('on-drift');
  await view.getByLabel('Speed (rows/s)').fill('4000');
  await view.getByRole('button', { name: 'Play' }).click();
  await expect(view.getByRole('status', { name: 'Stream status' })).toContainText(/playing|done/);
  // Pause and step while it plays, then let it run to the end.
  await view.getByRole('button', { name: 'Pause' }).click();
  await expect(view.getByRole('status', { name: 'Stream status' })).toContainText('paused');
  await view.getByRole('button', { name: 'Step' }).click();
  await view.getByRole('button', { name: 'Play' }).click();
  await expect(view.getByRole('status', { name: 'Stream status' })).toContainText(`done · window ${ROWS / WINDOW} of ${ROWS / WINDOW}`, { timeout: 60_000 });

  // The first drift alert names the window the drift is planted in (window 7 holds rows 3,000-3,499), or the next.
  const alerts = view.getByRole('region', { name: 'Alerts' });
  const firstWindow = Number((await alerts.getByText(/First drift alert in window \d+/).textContent())!.match(/window (\d+)/)![1]);
  expect(Math.abs(firstWindow - (DRIFT_AT / WINDOW + 1))).toBeLessThanOrEqual(1);
  await expect(alerts.getByText(/x2: PSI/).first()).toBeVisible();
  await expect(view.getByRole('table').filter({ hasText: 'Against the first 2 windows' })).toContainText('only PSI alerts');
  await expect(view.getByText(/DDM \(frozen model\): .* class balance in the last window: 0 \d/)).toBeVisible();
  // After its drift DDM starts over: the status says so beside the (now steady, high) error rate.
  await expect(view.getByText(/rows since it raised a drift in window \d+ and started over/)).toBeVisible();

  // The chart's table: the last windows' AUC, frozen far below the updated model's.
  await view.getByText('Show as table').click();
  const table = view.getByRole('table', { name: /Prequential AUC per window/ });
  const last = table.getByRole('row').last();
  const cells = await last.getByRole('cell').allTextContents();
  const [frozen, updated] = [Number(cells[1]), Number(cells[2])];
  expect(frozen).toBeLessThan(0.3);
  expect(updated).toBeGreaterThan(0.85);
  await view.getByText('Show as table').click();

  await view.getByRole('button', { name: 'Keep updated model' }).click();
  await expect(view.getByText(/Kept as Run 2 · logistic · updated from Run 1/)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'stream');

  // The kept model is version 2 of the same model, child of version 1: promote it and download it as ONNX.
  await page.getByRole('tab', { name: 'Models' }).click();
  const line = page.getByRole('region', { name: /^Versions of / }).first();
  await expect(line.getByRole('row', { name: /v2/ })).toContainText('online update');
  await line.getByRole('button', { name: 'Promote version 2' }).click();
  await expect(line.getByRole('heading')).toContainText('current: version 2');
  await line.getByRole('button', { name: 'Open version 2 in Evaluate' }).click();
  await page.getByRole('button', { name: 'Download ONNX' }).click();
  const onnx = page.getByRole('region', { name: 'ONNX export' });
  await expect(onnx.getByRole('table', { name: 'ONNX precisions' })).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), onnx.getByRole('button', { name: 'Download float32 ONNX' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.onnx$/);
});

test('a small shift in large windows: the alert list says only the test raised it, and PSI-only stays quiet', async ({ page }) => {
  test.setTimeout(120_000);
  await openStudio(page);
  // x2 moves by 0.15 standard deviations at row 3,000: two windows of 3,000 rows, so KS calls it
  // significant while PSI stays far under 0.1.
  await addFile(page, csvFile('calm.csv', driftCsv(ROWS, 9, 0.15, false)));
  await expect(page.getByRole('button', { name: /^calm\.csv/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('label');
  const time = page.getByRole('checkbox', { name: /^time/ });
  if (await time.isChecked()) await time.uncheck();
  await page.getByRole('button', { name: 'Train model' }).click();
  await expect(page.getByRole('heading', { name: /Run 1 · logistic finished/ })).toBeVisible({ timeout: 90_000 });
  await page.getByRole('tab', { name: 'Stream' }).click();
  const view = page.getByRole('region', { name: 'Stream replay' });
  await view.getByLabel('Dataset to replay').selectOption({ label: 'calm.csv' });
  await view.getByLabel('Model (run)').selectOption({ index: 1 });
  await view.getByLabel('Window size').fill('3000');
  await view.getByLabel('Update the model').selectOption('never');
  await view.getByRole('button', { name: 'Play' }).click();
  await expect(view.getByRole('status', { name: 'Stream status' })).toContainText('done · window 2 of 2', { timeout: 60_000 });
  const alerts = view.getByRole('region', { name: 'Alerts' });
  await expect(alerts.getByText(/window 2: x2: PSI 0\.0\d, KS p/)).toBeVisible();
  await expect(alerts).toContainText('1 of these was raised by the test alone on a shift PSI calls small');
  await alerts.scrollIntoViewIfNeeded();
  await screenshot(page, 'stream-test-only-alert');
  await view.getByLabel('Drift alerts on').selectOption('psi');
  await view.getByRole('button', { name: 'Play' }).click();
  await expect(view.getByRole('status', { name: 'Stream status' })).toContainText('done · window 2 of 2', { timeout: 60_000 });
  await expect(alerts.getByRole('heading')).toHaveText('Alerts (0)');
});
