// Drive the built app like a user and save screenshots: node scripts/ui-tour.mjs URL OUTDIR
import { openTour } from './tour.mjs';
const [url = 'http://localhost:4317/', out = '/tmp/tour'] = process.argv.slice(2);
const { browser: b, page: p } = await openTour(url);
await p.getByRole('tab', { name: 'Train' }).click();
await p.waitForTimeout(1500);
await p.screenshot({ path: `${out}-train.png`, fullPage: true });
await p.getByRole('button', { name: 'Train model' }).click();
await p.waitForTimeout(2500);
await p.screenshot({ path: `${out}-training.png`, fullPage: true });
await p.getByRole('button', { name: 'Open evaluation →' }).waitFor({ timeout: 120000 });
await p.screenshot({ path: `${out}-trained.png`, fullPage: true });
await p.getByRole('button', { name: 'Open evaluation →' }).click();
await p.waitForTimeout(1000);
await p.getByLabel('Decision threshold').fill('0.3');
await p.waitForTimeout(800);
await p.screenshot({ path: `${out}-evaluate.png`, fullPage: true });
await b.close();
