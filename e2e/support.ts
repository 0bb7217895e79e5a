import { expect, type Page, type Request } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SCREENSHOTS = 'test-output/screenshots';

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Open the studio and wait until the engine is ready and the demo datasets are listed. */
/** Most specs force wasm: it skips measuring every backend at start-up (backend.spec.ts covers the probe). */
export async function openStudio(page: Page, query = '?backend=wasm'): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByRole('button', { name: /^demo-customers\.csv/ })).toBeVisible({ timeout: 60_000 });
}

export function csvFile(name: string, text: string | Buffer, mimeType = 'text/csv') {
  return { name, mimeType, buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text };
}

export async function addFile(page: Page, file: ReturnType<typeof csvFile>): Promise<void> {
  await page.getByLabel('Add data file').setInputFiles(file);
}

/** Records every request the page makes, with its body, to prove nothing leaves the origin. */
export function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}
