// Long tasks on the page's main thread while the UI does its heaviest drawing (issue 16: no long
// task over 200 ms anywhere). Driven by clicks, as a person would, in the production build:
//   npm run bench -- ui [--rows N]   (default 500,000; issue 16's file had 2.5M)
// 1. load a generated N-row binary CSV; 2. train logistic (2 epochs) on it and open Evaluate;
// 3. a regression run on demo-customers (scatters) and Evaluate; 4. train gbdt on demo-customers, explain 1,000 test rows and draw the beeswarm.
// Each prints {"workload":"ui","step",...,"longTasks":count,"longestMs",...}: a PerformanceObserver
// of 'longtask' entries from the click until the view is drawn and two seconds more.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { random } from '../generate.mjs';
import { openStudio } from '../browser.mjs';

export const name = 'ui';
export const onlyOnRequest = true;

function rowsFlag(args) {
  const i = args.indexOf('--rows');
  return i >= 0 ? Number(args[i + 1]) : 500_000;
}

function bigCsv(rows) {
  const path = `bench/data/ui-${rows}.csv`;
  if (existsSync(path)) return path;
  const rand = random(16);
  const lines = ['x1,x2,x3,group,label'];
  for (let i = 0; i < rows; i++) {
    const x1 = rand() * 2 - 1;
    const x2 = rand() * 2 - 1;
    const x3 = rand();
    const logit = 1.5 * x1 - x2 + 0.5 * x3;
    lines.push(`${x1.toFixed(4)},${x2.toFixed(4)},${x3.toFixed(4)},g${i % 5},${rand() < 1 / (1 + Math.exp(-logit)) ? 1 : 0}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const observe = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: false });
};

/** Long tasks from `act` until `done` resolves, plus two seconds for late drawing. */
async function measure(page, step, act, done, extra = {}) {
  await page.evaluate(() => (window.__longTasks.length = 0));
  const t = Date.now();
  console.error(`[bench ui] ${step}…`);
  await act();
  try {
    await done();
  } catch (e) {
    // A step that never finishes: keep what the page showed, to see why.
    mkdirSync('bench/results', { recursive: true });
    await page.screenshot({ path: 'bench/results/ui-stalled.png' });
    throw e;
  }
  const drawnMs = Date.now() - t;
  await page.waitForTimeout(2000);
  const tasks = await page.evaluate(() => window.__longTasks.slice());
  const line = { workload: name, step, ...extra, drawnMs, longTasks: tasks.length, longestMs: tasks.length ? Math.max(...tasks) : 0 };
  // Printed as it goes: a 2.5M-row run takes many minutes, and a stalled step should show where.
  console.error(`[bench ui] ${JSON.stringify(line)}`);
  return { workload: name, step, ...extra, drawnMs, longTasks: tasks.length, longestMs: tasks.length ? Math.max(...tasks) : 0, over200ms: tasks.filter((d) => d > 200).length, tasksMs: tasks };
}

export async function run({ browser, url, args }) {
  const rows = rowsFlag(args);
  const csv = bigCsv(rows);
  const page = await openStudio(browser, url, '?backend=wasm');
  await page.evaluate(observe);
  await page.getByRole('button', { name: /^demo-customers\.csv/ }).waitFor({ timeout: 120_000 });
  const out = [];
  const file = csv.split('/').pop();

  out.push(await measure(page, 'load file', () => page.getByLabel('Add data file').setInputFiles(csv), () => page.getByRole('button', { name: new RegExp(`^${file.replace('.', '\\.')}`) }).waitFor({ timeout: 600_000 }), { rows }));

  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('label');
  await page.getByLabel('Epochs').fill('2');
  out.push(await measure(page, 'train (live curve)', () => page.getByRole('button', { name: 'Train model' }).click(), () => page.getByRole('heading', { name: /logistic finished/ }).waitFor({ timeout: 600_000 }), { rows }));
  out.push(await measure(page, 'open Evaluate', () => page.getByRole('button', { name: 'Open evaluation →' }).click(), () => page.getByRole('img', { name: 'ROC curve' }).waitFor({ timeout: 120_000 }), { rows }));
  const slider = page.getByLabel('Decision threshold');
  out.push(await measure(page, 'threshold slider, 10 steps', async () => {
    for (let i = 1; i <= 10; i++) await slider.fill(String(i / 20));
  }, () => page.getByText('Decision threshold: 0.50').waitFor(), { rows }));

  // A regression run (demo-customers, spend): predicted-vs-actual and residual scatters of every test row.
  await page.getByRole('button', { name: /^demo-customers\.csv/ }).click();
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('spend');
  await page.getByLabel('Epochs').fill('10');
  await page.getByRole('button', { name: 'Train model' }).click();
  await page.getByRole('heading', { name: /linear finished · test RMSE/ }).waitFor({ timeout: 300_000 });
  out.push(await measure(page, 'open Evaluate (regression scatters)', () => page.getByRole('button', { name: 'Open evaluation →' }).click(), () => page.getByRole('img', { name: 'Residual plot' }).waitFor({ timeout: 120_000 }), { rows: 5050 }));

  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Target column').selectOption('churned');
  await page.getByRole('combobox', { name: /^Model/ }).selectOption('gbdt');
  await page.getByRole('button', { name: 'Train model' }).click();
  await page.getByRole('heading', { name: /gbdt finished/ }).waitFor({ timeout: 300_000 });
  await page.getByRole('tab', { name: 'Explain' }).click();
  await page.getByLabel('Rows to explain').selectOption('1000');
  out.push(await measure(page, 'beeswarm, 1,000 rows', () => page.getByRole('button', { name: /Explain 1000 test rows/ }).click(), () => page.getByRole('img', { name: /Beeswarm summary/ }).waitFor({ timeout: 300_000 }), { rows: 1000 }));
  await page.close();
  return out;
}
