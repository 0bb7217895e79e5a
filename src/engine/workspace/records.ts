/**
 * Where sealed records live. IndexedDB (docs/ARCHITECTURE.md, "Workspace", says why not OPFS):
 * one database, two object stores: `records` (id, IV, ciphertext: never plaintext) and `meta`
 * (the device CryptoKey, or the passphrase's salt, iteration count and key-check value).
 * A commit is one transaction, so a save lands whole or not at all. Tests use the memory store.
 */
import type { SealedRecord } from '../../core/persist/crypto';

export interface StoredRecord extends SealedRecord {
  id: string;
}

export type KeyEntry =
  | { mode: 'device'; key: CryptoKey }
  | { mode: 'passphrase'; salt: Uint8Array; iterations: number; verifier: Uint8Array };

export interface RecordStore {
  readKey(): Promise<KeyEntry | null>;
  ids(): Promise<string[]>;
  get(id: string): Promise<StoredRecord | null>;
  /** Puts and deletes records, and sets (or, with null, removes) the key entry, in one transaction. */
  commit(puts: StoredRecord[], deletes: string[], key?: KeyEntry | null): Promise<void>;
  clear(): Promise<void>;
}

export const DB_NAME = 'loupe-workspace';
const DB_VERSION = 1;

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('The save was aborted.', 'AbortError'));
  });

/** The IndexedDB store, or null (with why) when this context has no IndexedDB. */
export async function openIndexedDbStore(): Promise<{ ok: true; store: RecordStore } | { ok: false; reason: string }> {
  if (typeof indexedDB === 'undefined') return { ok: false, reason: 'This browser gives Loupe no storage (IndexedDB is unavailable), so work stays in this tab only.' };
  if (!(await holdWorkspaceLock())) return { ok: false, reason: 'Loupe is open in another tab of this browser, and that tab saves the workspace: work in this tab is not saved. Close the other tab and reload this one to open the saved workspace here.' };
  let db: IDBDatabase;
  try {
    const open = indexedDB.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('records', { keyPath: 'id' });
      open.result.createObjectStore('meta');
    };
    db = await request(open);
  } catch (error) {
    return { ok: false, reason: `The browser refused Loupe its storage (${(error as Error).message || 'private window?'}), so work stays in this tab only.` };
  }
  const store: RecordStore = {
    async readKey() {
      const tx = db.transaction('meta', 'readonly');
      return ((await request(tx.objectStore('meta').get('key'))) as KeyEntry | undefined) ?? null;
    },
    async ids() {
      const tx = db.transaction('records', 'readonly');
      return ((await request(tx.objectStore('records').getAllKeys())) as string[]).map(String);
    },
    async get(id) {
      const tx = db.transaction('records', 'readonly');
      return ((await request(tx.objectStore('records').get(id))) as StoredRecord | undefined) ?? null;
    },
    async commit(puts, deletes, key) {
      const tx = db.transaction(['records', 'meta'], 'readwrite');
      const records = tx.objectStore('records');
      for (const id of deletes) records.delete(id);
      for (const r of puts) records.put({ id: r.id, iv: r.iv, data: r.data });
      if (key === null) tx.objectStore('meta').delete('key');
      else if (key) tx.objectStore('meta').put(key, 'key');
      await done(tx);
    },
    async clear() {
      const tx = db.transaction(['records', 'meta'], 'readwrite');
      tx.objectStore('records').clear();
      tx.objectStore('meta').clear();
      await done(tx);
    },
  };
  return { ok: true, store };
}

/**
 * One tab saves the workspace: two writing the same records would delete each other's. The lock
 * (Web Locks) is held until the worker goes; a reload waits a moment for the old page to let go.
 */
async function holdWorkspaceLock(): Promise<boolean> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (!locks) return true;
  return new Promise<boolean>((resolve) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 4000);
    locks
      .request('loupe-workspace', { signal: controller.signal }, () => {
        clearTimeout(timer);
        resolve(true);
        return new Promise<never>(() => undefined);
      })
      .catch(() => resolve(false));
  });
}

/** In memory, for tests; `failWith` makes the next commits throw (a full disk). */
export function createMemoryStore() {
  const records = new Map<string, StoredRecord>();
  let key: KeyEntry | null = null;
  const state = { failWith: null as Error | null, commits: 0 };
  const store: RecordStore = {
    readKey: async () => key,
    ids: async () => [...records.keys()],
    get: async (id) => records.get(id) ?? null,
    async commit(puts, deletes, nextKey) {
      if (state.failWith) throw state.failWith;
      state.commits++;
      for (const id of deletes) records.delete(id);
      for (const r of puts) records.set(r.id, { id: r.id, iv: r.iv.slice(), data: r.data.slice() });
      if (nextKey !== undefined) key = nextKey;
    },
    async clear() {
      records.clear();
      key = null;
    },
  };
  return { store, records, state };
}
