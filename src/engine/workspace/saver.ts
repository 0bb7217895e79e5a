/**
 * Writes the workspace to its record store, sealed: after each change (debounced), one save at
 * a time, one transaction per save. Records whose live object has not changed since it was
 * written are not rewritten (a 1M-row dataset is sealed once, not on every run). A failed save
 * (storage full) changes nothing on disk and leaves everything open; it is tried again on the
 * next change.
 */
import { sealRecord } from '../../core/persist/crypto';
import type { KeyEntry, RecordStore, StoredRecord } from './records';
import { planRecords, type LiveWorkspace } from './snapshot';

export interface SaveResult {
  ok: boolean;
  /** Why not, in words (storage full: what was not saved, and that it is still open). */
  problem: string | null;
  /** Records and ciphertext bytes written. */
  records: number;
  bytes: number;
}

export function createSaver(store: RecordStore, live: () => LiveWorkspace, describe: (recordId: string) => string | null) {
  /** Record id -> the live object it was written from (null: rewritten every save). */
  const written = new Map<string, object | null>();
  const onDisk = new Set<string>();
  let chain: Promise<SaveResult> = Promise.resolve({ ok: true, problem: null, records: 0, bytes: 0 });

  async function save(key: CryptoKey, nextKey?: KeyEntry, rewriteAll = false): Promise<SaveResult> {
    const planned = planRecords(live());
    const puts: StoredRecord[] = [];
    const sources = new Map<string, object | null>();
    for (const p of planned) {
      sources.set(p.id, p.source);
      if (!rewriteAll && p.source !== null && onDisk.has(p.id) && written.get(p.id) === p.source) continue;
      const sealed = await sealRecord(key, p.id, await p.bytes());
      puts.push({ id: p.id, ...sealed });
    }
    const deletes = [...onDisk].filter((id) => !sources.has(id));
    try {
      await store.commit(puts, deletes, nextKey);
    } catch (error) {
      const full = (error as Error)?.name === 'QuotaExceededError';
      const what = [...new Set(puts.map((p) => describe(p.id)).filter((d): d is string => d !== null))];
      const named = what.length ? what.join(', ') : 'the latest changes';
      return {
        ok: false,
        records: 0,
        bytes: 0,
        problem: full
          ? `This browser's storage for Loupe is full: ${named} could not be saved. Everything is still open in this tab; remove a dataset or run you no longer need, or export the project to a file. Loupe tries again on the next change.`
          : `Saving failed (${(error as Error)?.message ?? 'unknown error'}): ${named} could not be saved. Everything is still open in this tab.`,
      };
    }
    for (const id of deletes) (onDisk.delete(id), written.delete(id));
    for (const p of puts) (onDisk.add(p.id), written.set(p.id, sources.get(p.id) ?? null));
    return { ok: true, problem: null, records: puts.length, bytes: puts.reduce((s, p) => s + p.data.length, 0) };
  }

  return {
    /** Saves run one after another: a change during a save is picked up by the next one. */
    save(key: CryptoKey, nextKey?: KeyEntry, rewriteAll = false): Promise<SaveResult> {
      chain = chain.then(() => save(key, nextKey, rewriteAll));
      return chain;
    },
    /** What the store holds now (read at open). */
    know(ids: string[]): void {
      onDisk.clear();
      written.clear();
      for (const id of ids) onDisk.add(id);
    },
    /** The live objects just read back are what these records hold: nothing to rewrite. */
    matches(restored: LiveWorkspace): void {
      for (const p of planRecords(restored)) if (onDisk.has(p.id)) written.set(p.id, p.source);
    },
    forgetWritten(): void {
      written.clear();
    },
    cleared(): void {
      onDisk.clear();
      written.clear();
    },
    idle(): Promise<SaveResult> {
      return chain;
    },
  };
}
