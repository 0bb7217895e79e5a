// Ingest throughput: File -> parsed columns -> profile ready, in the engine worker, timed in the page.
// Two lines: the default path for this machine (one pass on 2 cores, ranges across parse helpers
// from 3), and ranges forced with ?ingestRangeKB=8192, so both are tracked on any machine.
import { statSync } from 'node:fs';
import { ingestCsv } from '../generate.mjs';
import { openStudio, rendererRssMB, samplePeak } from '../browser.mjs';

export const name = 'ingest';

const VARIANTS = [
  { workload: 'ingest', query: '', path: 'default for this machine' },
  { workload: 'ingest-ranges', query: '&ingestRangeKB=8192', path: '8 MiB ranges across parse helpers (one per core)' },
];

export async function run({ browser, url }) {
  const path = await ingestCsv();
  const bytes = statSync(path).size;
  const lines = [];
  for (const variant of VARIANTS) {
    const page = await openStudio(browser, url, `?demo=0&backend=wasm${variant.query}`);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const pid = browser.loupePid;
    const baseline = pid ? rendererRssMB(pid) : 0;
    const sampler = pid ? samplePeak(() => rendererRssMB(pid)) : null;
    await page.getByLabel('Add data file').setInputFiles(path);
    await page.getByRole('heading', { level: 1, name: 'ingest-1m.csv' }).waitFor({ timeout: 300_000 });
    const peak = sampler ? sampler.stop() : null;
    const ms = await page.evaluate(() => performance.getEntriesByName('loupe:load:ingest-1m.csv').at(-1)?.duration ?? null);
    const rows = await page.locator('.stats dd').first().textContent();
    await page.close();
    lines.push({
      workload: variant.workload,
      backend: `n/a (plain TypeScript: ${variant.path}; ${cores} cores)`,
      value: ms ? +(bytes / 1e6 / (ms / 1000)).toFixed(1) : null,
      unit: 'MB/s',
      file_mb: +(bytes / 1e6).toFixed(1),
      rows: rows?.trim(),
      seconds: ms ? +(ms / 1000).toFixed(2) : null,
      renderer_rss_baseline_mb: Math.round(baseline),
      renderer_rss_peak_mb: peak ? Math.round(peak) : null,
    });
  }
  return lines;
}
