// Workspace persistence: the 1M-row ingest file saved in the browser (columnar records, AES-GCM
// with the device key, IndexedDB) and restored on reload, timed in the page. Persist is the first
// save after the load (the engine's own timing, WorkspaceState.lastSave); restore is
// workspace.open after a reload up to the restored profiles shown (performance measure).
import { statSync } from 'node:fs';
import { ingestCsv } from '../generate.mjs';
import { openStudio } from '../browser.mjs';

export const name = 'persist';
export const onlyOnRequest = false;

export async function run({ browser, url }) {
  const path = await ingestCsv();
  const bytes = statSync(path).size;
  const page = await openStudio(browser, url, '?demo=0&backend=wasm&bench=1&persist=1');
  await page.getByLabel('Add data file').setInputFiles(path);
  await page.getByRole('heading', { level: 1, name: 'ingest-1m.csv' }).waitFor({ timeout: 300_000 });
  const saved = await page.evaluate(async () => {
    const engine = window.loupeEngine;
    for (;;) {
      const s = await engine.workspace.state();
      if (!s.pending && s.lastSave && s.lastSave.bytes > 1e6) return { ...s.lastSave, quota: await engine.workspace.quota() };
      if (s.problem) return { error: s.problem };
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'ingest-1m.csv' }).waitFor({ timeout: 300_000 });
  const restoreMs = await page.evaluate(async () => {
    for (;;) {
      const m = performance.getEntriesByName('loupe:workspace-open').at(-1);
      if (m) return m.duration;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  const rows = await page.locator('.stats dd').first().textContent();
  await page.close();
  return [
    {
      workload: 'persist',
      backend: 'n/a (IndexedDB, AES-GCM-256 via WebCrypto, device key)',
      value: saved.ms ? +(saved.ms / 1000).toFixed(2) : null,
      unit: 's to save',
      restore_s: +(restoreMs / 1000).toFixed(2),
      rows: rows?.trim(),
      file_mb: +(bytes / 1e6).toFixed(1),
      records: saved.records,
      ciphertext_mb: saved.bytes ? +(saved.bytes / 1e6).toFixed(1) : null,
      storage_used_mb: saved.quota ? +(saved.quota.usedBytes / 1e6).toFixed(1) : null,
      ...(saved.error ? { error: saved.error } : {}),
    },
  ];
}
