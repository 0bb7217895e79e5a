/**
 * The workspace service (api.ts): opens the saved workspace when the engine starts, saves every
 * change in the background (saver.ts), and handles the passphrase, lock and unlock, the project
 * file and the quota. Everything it writes is AES-GCM ciphertext: without a passphrase under a
 * random non-extractable key kept in IndexedDB, with one under a PBKDF2 key held only in memory.
 */
import { derivePassphraseKey, newDeviceKey, openRecord, PBKDF2_ITERATIONS, randomBytes, sameBytes } from '../../core/persist/crypto';
import type { AuditLog } from '../audit/log';
import type { DatasetHost } from '../data/service';
import type { JobRunner } from '../jobs';
import { fail, ok } from '../outcome';
import type { Resources } from '../resources';
import type { RunStore } from '../runs/store';
import type { RestoredWorkspace, StorageQuota, WorkspaceApi, WorkspaceState } from './api';
import { exportProject, importProject } from './project';
import { openIndexedDbStore, type KeyEntry, type RecordStore } from './records';
import { createSaver } from './saver';
import { readWorkspace, WorkspaceReadError, type LiveWorkspace } from './snapshot';

export interface WorkspaceDeps {
  host: DatasetHost;
  runs: RunStore;
  /** Drops what other services keep for a run (explanations). */
  forgetRun(runId: string): void;
  audit: AuditLog;
  jobs: JobRunner;
  resources: Resources;
  openStore?: () => Promise<{ ok: true; store: RecordStore } | { ok: false; reason: string }>;
  debounceMs?: number;
}

export const MIN_PASSPHRASE = 8;
const tooShort = () => fail('too-short', `Use a passphrase of at least ${MIN_PASSPHRASE} characters.`);
const isDemo = (name: string) => /^demo-[\w-]+\.csv$/.test(name);

export function createWorkspaceService(deps: WorkspaceDeps): WorkspaceApi {
  const { host, runs, audit } = deps;
  let store: RecordStore | null = null;
  let key: CryptoKey | null = null;
  let keyEntry: KeyEntry | null = null;
  let drafts: Record<string, unknown[]> = {};
  let saver: ReturnType<typeof createSaver> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Internal moves (restore, lock) change datasets and the log: they are not changes to save. */
  let quiet = false;
  let listener: ((state: WorkspaceState) => void) | null = null;
  const state: WorkspaceState = { status: 'off', protection: 'device-key', pending: false, savedAt: null, lastSave: null, problem: null, offReason: 'The workspace has not been opened yet.' };

  const emit = () => {
    try {
      listener?.({ ...state });
    } catch {
      // A page that went away cannot hear it; the state is still right here.
    }
  };
  const live = (): LiveWorkspace => ({ datasets: host.all().map((dataset) => ({ dataset, version: host.version(dataset.id) })), runs: runs.all(), drafts, audit: audit.list() });
  const describe = (recordId: string) => {
    const [kind, id] = recordId.split(':');
    if (kind === 'dataset') return host.get(id)?.name ?? runs.all().find((r) => r.dataset.id === id)?.dataset.name ?? id;
    if (kind === 'run') return runs.get(id)?.summary.label ?? id;
    return null;
  };

  async function flush(nextKey?: { key: CryptoKey; entry: KeyEntry }): Promise<boolean> {
    if (timer) (clearTimeout(timer), (timer = null));
    if (!saver || !key || state.status !== 'ready') return false;
    state.pending = true;
    emit();
    const started = performance.now();
    const result = await saver.save(nextKey?.key ?? key, nextKey?.entry, nextKey !== undefined);
    if (result.ok) {
      state.lastSave = { ms: performance.now() - started, records: result.records, bytes: result.bytes };
      if (nextKey) ((key = nextKey.key), (keyEntry = nextKey.entry), (state.protection = nextKey.entry.mode === 'passphrase' ? 'passphrase' : 'device-key'));
      state.savedAt = new Date().toISOString();
    }
    state.problem = result.problem;
    state.pending = timer !== null;
    emit();
    return result.ok;
  }

  function schedule(): void {
    if (quiet || state.status !== 'ready') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), deps.debounceMs ?? 400);
    if (!state.pending) ((state.pending = true), emit());
  }

  function closeAll(): void {
    quiet = true;
    for (const r of runs.all()) (deps.forgetRun(r.summary.id), runs.remove(r.summary.id));
    for (const ds of host.all()) host.forget(ds.id);
    drafts = {};
    quiet = false;
  }

  /** Puts a read workspace in place of what is open; returns what the page shows. */
  function putInPlace(restored: LiveWorkspace, replaceLog: boolean): RestoredWorkspace {
    quiet = true;
    const datasets = restored.datasets.map(({ dataset, version }) => (deps.resources.claim(dataset.id), host.add(dataset, undefined, version)));
    for (const r of restored.runs) runs.restore(r);
    const merged = replaceLog ? restored.audit : [...restored.audit, ...audit.list()].sort((a, b) => a.at.localeCompare(b.at));
    audit.replace(merged);
    drafts = restored.drafts;
    quiet = false;
    return { datasets, runs: restored.runs.map((r) => r.summary), drafts };
  }

  async function readSaved(withKey: CryptoKey): Promise<LiveWorkspace | null> {
    return readWorkspace(async (id) => {
      const record = await store!.get(id);
      if (!record) return null;
      const plain = await openRecord(withKey, id, record);
      if (!plain) throw new WorkspaceReadError(`The saved record "${id}" could not be decrypted: it was changed or written with another key.`);
      return plain;
    });
  }

  async function restore(withKey: CryptoKey, action: 'restore' | 'unlock'): Promise<RestoredWorkspace | null> {
    const saved = await readSaved(withKey);
    if (!saved) return null;
    // The demo datasets generated at start are in the saved workspace already (or were removed by the user).
    quiet = true;
    for (const ds of host.all()) if (isDemo(ds.name) && host.version(ds.id) === 1 && !ds.lineage) host.forget(ds.id);
    quiet = false;
    const shown = putInPlace(saved, true);
    saver!.matches(saved);
    quiet = true;
    audit.record(action, 'Workspace', [], `${action === 'unlock' ? 'Unlocked and restored' : 'Restored'} ${saved.datasets.length} datasets and ${saved.runs.length} runs saved in this browser`);
    quiet = false;
    return shown;
  }

  function unreadable(error: unknown) {
    state.status = 'off';
    state.offReason = `The saved workspace could not be read (${(error as Error).message}). It is left as it is and nothing is saved over it; delete the saved workspace to start afresh.`;
    emit();
    return fail('unreadable', state.offReason);
  }

  const api: WorkspaceApi = {
    async open(options, onState) {
      listener = onState;
      if (!options.persist) {
        state.offReason = 'Saving is turned off for this page (?persist=0): work stays in this tab only.';
        return ok({ state: { ...state }, restored: null });
      }
      const opened = await (deps.openStore ?? openIndexedDbStore)();
      if (!opened.ok) {
        state.offReason = opened.reason;
        return ok({ state: { ...state }, restored: null });
      }
      store = opened.store;
      saver = createSaver(store, live, describe);
      const ids = await store.ids();
      saver.know(ids);
      // Record ids name the saved datasets and runs (never their names or contents): claiming them
      // keeps a file loaded while locked from taking an id the workspace brings back on unlock.
      for (const id of ids) {
        const m = /^(?:dataset|run):([a-z]+\d+)/.exec(id);
        if (m) deps.resources.claim(m[1]);
      }
      audit.onRecord(() => schedule());
      host.onChange(() => schedule());
      keyEntry = await store.readKey();
      state.offReason = null;
      if (keyEntry?.mode === 'passphrase') {
        state.status = 'locked';
        state.protection = 'passphrase';
        quiet = true;
        for (const ds of host.all()) if (isDemo(ds.name)) host.forget(ds.id);
        quiet = false;
        return ok({ state: { ...state }, restored: null });
      }
      state.status = 'ready';
      if (keyEntry?.mode === 'device') {
        key = keyEntry.key;
        try {
          const restored = await restore(key, 'restore');
          emit();
          schedule();
          return ok({ state: { ...state }, restored });
        } catch (error) {
          return unreadable(error);
        }
      }
      // A first visit: a device key, and the demo datasets saved like any other.
      const deviceKey = await newDeviceKey();
      key = deviceKey;
      await flush({ key: deviceKey, entry: { mode: 'device', key: deviceKey } });
      return ok({ state: { ...state }, restored: null });
    },

    async state() {
      return { ...state };
    },

    async unlock(passphrase) {
      if (state.status !== 'locked' || keyEntry?.mode !== 'passphrase') return fail('not-locked', 'The workspace is not locked.');
      const derived = await derivePassphraseKey(passphrase, keyEntry.salt, keyEntry.iterations);
      if (!sameBytes(derived.verifier, keyEntry.verifier)) return fail('wrong-passphrase', 'That passphrase does not open this workspace. Check it (capitals count) and try again; nothing was changed.');
      try {
        state.status = 'ready';
        key = derived.key;
        const restored = (await restore(derived.key, 'unlock')) ?? { datasets: [], runs: [], drafts: {} };
        state.problem = null;
        emit();
        schedule();
        return ok(restored);
      } catch (error) {
        key = null;
        state.status = 'locked';
        emit();
        return fail('unreadable', `The workspace opened, but part of it could not be read: ${(error as Error).message}`);
      }
    },

    async lock() {
      if (state.status === 'off') return fail('off', state.offReason ?? 'Nothing is saved here.');
      if (state.status === 'locked') return ok({ ...state });
      if (state.protection !== 'passphrase') return fail('no-passphrase', 'Set a passphrase first: without one the browser itself can open the workspace again, so locking would protect nothing.');
      quiet = true;
      audit.record('lock', 'Workspace', [], 'Locked the workspace: the key was forgotten and everything was closed in this tab');
      quiet = false;
      if (!(await flush())) return fail('save-failed', `The workspace could not be saved, so locking now would lose work: ${state.problem ?? ''}`.trim());
      closeAll();
      saver!.forgetWritten();
      key = null;
      state.status = 'locked';
      state.pending = false;
      emit();
      return ok({ ...state });
    },

    async setPassphrase(passphrase) {
      if (state.status === 'off') return fail('off', state.offReason ?? 'Nothing is saved here.');
      if (state.status === 'locked') return fail('locked', 'Unlock the workspace first.');
      if (passphrase.length < MIN_PASSPHRASE) return tooShort();
      const salt = randomBytes(16);
      const derived = await derivePassphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
      quiet = true;
      audit.record('update', 'Workspace', [], 'Protected the saved workspace with a passphrase (PBKDF2-SHA-256, 600,000 iterations); everything was encrypted again');
      quiet = false;
      const saved = await flush({ key: derived.key, entry: { mode: 'passphrase', salt, iterations: PBKDF2_ITERATIONS, verifier: derived.verifier } });
      return saved ? ok({ ...state }) : fail('save-failed', state.problem ?? 'The workspace could not be saved with the new passphrase; the old protection stays.');
    },

    async removePassphrase() {
      if (state.status === 'off') return fail('off', state.offReason ?? 'Nothing is saved here.');
      if (state.status === 'locked') return fail('locked', 'Unlock the workspace first.');
      const deviceKey = await newDeviceKey();
      quiet = true;
      audit.record('update', 'Workspace', [], 'Removed the passphrase: the saved workspace is encrypted with a key this browser keeps');
      quiet = false;
      const saved = await flush({ key: deviceKey, entry: { mode: 'device', key: deviceKey } });
      return saved ? ok({ ...state }) : fail('save-failed', state.problem ?? 'The workspace could not be saved; the passphrase stays.');
    },

    async saveDrafts(next) {
      drafts = next;
      schedule();
    },

    async saveNow() {
      await flush();
      return { ...state };
    },

    async exportProject(passphrase, jobId, onProgress) {
      if (state.status === 'locked') return fail('locked', 'Unlock the workspace before exporting it.');
      if (passphrase.length < MIN_PASSPHRASE) return tooShort();
      const blob = await exportProject(live(), passphrase, deps.jobs, jobId, onProgress);
      if (blob.ok) audit.record('export', 'Project file', [...host.all().map((d) => d.id), ...runs.all().map((r) => r.summary.id)], `Exported the project: ${host.all().length} datasets, ${runs.all().length} runs, encrypted with its own passphrase`);
      return blob;
    },

    async importProject(file, passphrase, jobId, onProgress) {
      if (state.status === 'locked') return fail('locked', 'Unlock the workspace (or delete it) before importing a project.');
      const read = await importProject(file, passphrase, deps.jobs, jobId, onProgress);
      if (!read.ok) return read;
      closeAll();
      const shown = putInPlace(read.value, false);
      audit.record('import', (file as File).name ?? 'Project file', shown.datasets.map((d) => d.id), `Imported ${shown.datasets.length} datasets and ${shown.runs.length} runs; what was open before was closed`);
      return ok(shown);
    },

    async clear() {
      closeAll();
      if (store && saver) {
        await saver.idle();
        await store.clear();
        saver.cleared();
        const deviceKey = await newDeviceKey();
        keyEntry = null;
        key = deviceKey;
        state.status = 'ready';
        state.protection = 'device-key';
        state.problem = null;
        quiet = true;
        audit.record('delete', 'Workspace', [], 'Deleted the saved workspace and closed everything in this tab');
        quiet = false;
        await flush({ key: deviceKey, entry: { mode: 'device', key: deviceKey } });
      }
      emit();
      return { ...state };
    },

    async quota(): Promise<StorageQuota | null> {
      const storage = (globalThis.navigator as { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } } | undefined)?.storage;
      if (!storage?.estimate) return null;
      const e = await storage.estimate();
      return { usedBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0 };
    },
  };
  return api;
}
