// `npm run bench [-- NAME [--flags]]`: workloads in headless Chromium against the production build.
// Prints one JSON object per line and writes them all to bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { ensureBuild, launchBrowser, startPreview } from './browser.mjs';
import * as ingest from './workloads/ingest.mjs';
import * as train from './workloads/train.mjs';
import * as recommend from './workloads/recommend.mjs';
import * as recommendTopn from './workloads/recommend-topn.mjs';
import * as explain from './workloads/explain.mjs';
import * as search from './workloads/search.mjs';
import * as onboarding from './workloads/onboarding.mjs';
import * as gbdt from './workloads/gbdt.mjs';
import * as ui from './workloads/ui.mjs';
import * as anomaly from './workloads/anomaly.mjs';
import * as persist from './workloads/persist.mjs';
import * as stream from './workloads/stream.mjs';
import * as clean from './workloads/clean.mjs';

const WORKLOADS = [ingest, train, recommend, recommendTopn, explain, search, onboarding, gbdt, ui, anomaly, persist, stream, clean];

const args = process.argv.slice(2);
const selected = args[0] && !args[0].startsWith('--') ? args[0] : null;
const chosen = selected ? WORKLOADS.filter((w) => w.name === selected) : WORKLOADS.filter((w) => !w.onlyOnRequest);
if (chosen.length === 0) {
  console.error(`Unknown workload "${selected}". Known: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  process.exit(2);
}

await ensureBuild();
const server = await startPreview();
const browser = await launchBrowser();
const results = [];
try {
  for (const workload of chosen) {
    const lines = await workload.run({ browser, url: server.url, args });
    for (const line of lines) {
      console.log(JSON.stringify(line));
      results.push(line);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
// Lingering handles (a stuck GPU process, a preview child) must not keep the runner alive.
process.exit(0);
