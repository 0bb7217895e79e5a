import { expect, test } from '@playwright/test';
import { addFile, csvFile, openStudio, recordRequests } from './support';

const SECRET = 'zebra-secret-7731';

test('no request leaves the origin and none carries the dataset', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  await openStudio(page);
  const rows = ['customer,secret_note,value'];
  for (let i = 0; i < 200; i++) rows.push(`c${i},${SECRET}-${i},${i}`);
  await addFile(page, csvFile('private.csv', rows.join('\n')));
  await expect(page.getByRole('heading', { level: 1, name: 'private.csv' })).toBeVisible();
  await expect(page.getByRole('grid')).toContainText(`${SECRET}-0`);
  await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = 28 * 150));
  await expect(page.getByRole('grid')).toContainText(`${SECRET}-150`);
  await page.getByRole('button', { name: /^demo-ratings\.csv/ }).click();
  await page.getByRole('button', { name: /^private\.csv/ }).click();

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
    expect(url.origin, `request to ${r.url()}`).toBe(origin);
    expect(r.postData() ?? '', `body of ${r.url()}`).not.toContain(SECRET);
    expect(r.url()).not.toContain(SECRET);
  }
  // The page declares the policy that makes this hold for code we did not write, too.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self'");
});

/**
 * Every byte this origin keeps in the browser (each IndexedDB database and store, OPFS files,
 * local and session storage), as the page can read it, searched for the given strings and for
 * numbers as text and as their float64 bytes (how the dataset codec stores them).
 */
async function storageHolds(page: import('@playwright/test').Page, strings: string[], numbers: number[]) {
  return page.evaluate(
    async ({ strings, numbers }) => {
      const chunks: Uint8Array[] = [];
      const enc = new TextEncoder();
      const collect = (v: unknown, depth = 0): void => {
        if (depth > 6 || v === null || v === undefined) return;
        if (typeof v === 'string') chunks.push(enc.encode(v));
        else if (typeof v === 'number') chunks.push(enc.encode(String(v)), new Uint8Array(Float64Array.of(v).buffer));
        else if (v instanceof ArrayBuffer) chunks.push(new Uint8Array(v));
        else if (ArrayBuffer.isView(v)) chunks.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
        else if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) return;
        else if (typeof v === 'object') for (const x of Object.values(v as object)) collect(x, depth + 1);
      };
      const req = <T,>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
      const stores: string[] = [];
      for (const info of await indexedDB.databases()) {
        const db = await req(indexedDB.open(info.name!));
        for (const name of Array.from(db.objectStoreNames)) {
          const tx = db.transaction(name, 'readonly');
          const values = await req(tx.objectStore(name).getAll());
          const keys = await req(tx.objectStore(name).getAllKeys());
          stores.push(`${info.name}/${name}:${values.length}`);
          collect(values);
          collect(keys);
        }
        db.close();
      }
      const files: string[] = [];
      const walk = async (dir: FileSystemDirectoryHandle, path: string): Promise<void> => {
        for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
          if (handle.kind === 'file') {
            files.push(`${path}/${name}`);
            chunks.push(new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer()));
          } else await walk(handle as FileSystemDirectoryHandle, `${path}/${name}`);
        }
      };
      await walk(await navigator.storage.getDirectory(), '');
      for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) collect([s.key(i), s.getItem(s.key(i)!)]);
      const needles = [...strings.map((s) => ({ what: s, bytes: enc.encode(s) })), ...numbers.flatMap((n) => [{ what: `${n} (text)`, bytes: enc.encode(String(n)) }, { what: `${n} (float64)`, bytes: new Uint8Array(Float64Array.of(n).buffer) }])];
      const contains = (hay: Uint8Array, needle: Uint8Array) => {
        outer: for (let i = 0; i + needle.length <= hay.length; i++) {
          for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
          return true;
        }
        return false;
      };
      const found = needles.filter((n) => chunks.some((c) => contains(c, n.bytes))).map((n) => n.what);
      // The search itself works: each needle is found in a plaintext copy of itself.
      const selfCheck = needles.every((n) => contains(new Uint8Array([1, ...n.bytes, 2]), n.bytes));
      return { found, stores, files, bytes: chunks.reduce((s, c) => s + c.length, 0), selfCheck };
    },
    { strings, numbers },
  );
}

test('with a passphrase, browser storage holds no plaintext cell value, and the workspace flows send nothing off the origin', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  await openStudio(page);
  const strings = ['quetzal-ledger-5521', 'marisol.okafor@example.net', 'Vindeln Fjällgatan'];
  const numbers = [731942.625, 48213.0625];
  const rows = ['account,email,address,balance,limit'];
  for (let i = 0; i < 300; i++) rows.push(`${strings[0]}-${i},${i === 7 ? strings[1] : `u${i}@x.test`},${strings[2]} ${i},${i === 11 ? numbers[0] : i * 3.5},${i === 12 ? numbers[1] : 100 + i}`);
  await addFile(page, csvFile('accounts.csv', rows.join('\n')));
  await expect(page.getByRole('grid')).toContainText(`${strings[0]}-0`);
  await page.getByRole('button', { name: /^Workspace/ }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('umber kettle 88');
  await page.getByLabel('Repeat it').fill('umber kettle 88');
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(page.getByText(/now protected by your passphrase/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('workspace-status')).toHaveText('Saved');

  const stored = await storageHolds(page, strings, numbers);
  expect(stored.selfCheck).toBe(true);
  expect(stored.stores).toEqual(expect.arrayContaining([expect.stringMatching(/^loupe-workspace\/records:[1-9]/), 'loupe-workspace/meta:1']));
  expect(stored.bytes).toBeGreaterThan(300 * 40);
  expect(stored.found, `plaintext in ${stored.stores.join(', ')} ${stored.files.join(', ')}`).toEqual([]);

  // Export and import the project, then lock and unlock: still nothing leaves the origin.
  await page.getByLabel('Export passphrase').fill('umber kettle 99');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export project' }).click()]);
  const path = (await download.path())!;
  await page.getByLabel('Project file to import').setInputFiles(path);
  await page.getByLabel('Its passphrase').fill('umber kettle 99');
  await page.getByRole('button', { name: 'Import project' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Imported/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'The workspace is locked' })).toBeVisible();
  expect((await storageHolds(page, strings, numbers)).found).toEqual([]);
  await page.getByLabel('Passphrase').fill('umber kettle 88');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: /^accounts\.csv/ })).toBeVisible({ timeout: 30_000 });

  const origin = new URL(baseURL!).origin;
  for (const r of requests) {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
    expect(url.origin, `request to ${r.url()}`).toBe(origin);
    for (const s of strings) {
      expect(r.postData() ?? '', `body of ${r.url()}`).not.toContain(s);
      expect(r.url()).not.toContain(encodeURIComponent(s));
    }
  }
});
