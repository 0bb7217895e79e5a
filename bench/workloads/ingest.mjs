// Ingest throughput: File -> parsed columns -> profile ready, in the engine worker, timed in the page.
import { statSync } from 'node:fs';
import { ingestCsv } from '../generate.mjs';
import { openStudio, rendererRssMB, samplePeak } from '../browser.mjs';

export const name = 'ingest';

export async function run({ browser, url }) {
  const path = await ingestCsv();
  const bytes = statSync(path).size;
  const page = await openStudio(browser, url, '?demo=0&backend=wasm');
  const pid = browser.loupePid;
  const baseline = pid ? rendererRssMB(pid) : 0;
  const sampler = pid ? samplePeak(() => rendererRssMB(pid)) : null;
  await page.getByLabel('Add data file').setInputFiles(path);
  await page.getByRole('heading', { level: 1, name: 'ingest-1m.csv' }).waitFor({ timeout: 300_000 });
  const peak = sampler ? sampler.stop() : null;
  const ms = await page.evaluate(() => performance.getEntriesByName('loupe:load:ingest-1m.csv').at(-1)?.duration ?? null);
  const rows = await page.locator('.stats dd').first().textContent();
  await page.close();
  return [
    {
      workload: 'ingest',
      backend: 'n/a (parsing is plain TypeScript in the engine worker)',
      value: ms ? +(bytes / 1e6 / (ms / 1000)).toFixed(1) : null,
      unit: 'MB/s',
      file_mb: +(bytes / 1e6).toFixed(1),
      rows: rows?.trim(),
      seconds: ms ? +(ms / 1000).toFixed(2) : null,
      renderer_rss_baseline_mb: Math.round(baseline),
      renderer_rss_peak_mb: peak ? Math.round(peak) : null,
    },
  ];
}
