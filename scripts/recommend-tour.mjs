// Drive the Recommend view and save screenshots: node scripts/recommend-tour.mjs URL OUTPREFIX
import { openTour } from './tour.mjs';
const [url = 'http://localhost:4401/', out = '/tmp/rec'] = process.argv.slice(2);
const { browser: b, page: p } = await openTour(url);
await p.getByRole('tab', { name: 'Recommend' }).click();
await p.waitForTimeout(1500);
await p.screenshot({ path: `${out}-mapping.png`, fullPage: true });
await p.getByRole('button', { name: 'Compare algorithms' }).click();
await p.waitForTimeout(1500);
await p.screenshot({ path: `${out}-running.png`, fullPage: true });
await p.getByRole('table', { name: 'Algorithm comparison' }).waitFor({ timeout: 300000 });
await p.getByRole('list', { name: /^Top 10 from/ }).first().waitFor({ timeout: 60000 });
await p.getByLabel('Compare with').selectOption({ index: 1 });
await p.waitForTimeout(1000);
await p.getByRole('list', { name: /^Top 10 from/ }).first().getByRole('button').first().click();
await p.waitForTimeout(1000);
await p.screenshot({ path: `${out}-results.png`, fullPage: true });
await b.close();
