/**
 * The resource registry: everything the engine holds for the user (datasets, runs, reloaded
 * models, recommender comparisons) has an id here, and says what it holds and what it depends
 * on. Bytes are counted when asked, over the live objects, so the list cannot drift from what
 * is really held; an object two resources share (a dataset a run still reads) is counted once,
 * under the first resource that lists it.
 */
import type { Dataset } from '../core/frame/types';

export type ResourceKind = 'dataset' | 'run' | 'saved-model' | 'ratings-comparison' | 'events-comparison';

export interface ResourceUse {
  id: string;
  kind: ResourceKind;
  /** As the user knows it: a file name, "Run 2 · mlp", "Ratings comparison 1". */
  label: string;
  /** Bytes of typed arrays and strings it holds (an estimate for strings: 2 bytes a character). */
  bytes: number;
  /** Datasets: bumped on every re-read or column type change. */
  version?: number;
  /** Ids of the resources it was made from (a run's dataset, a comparison's datasets). */
  dependsOn: string[];
  /** Why it is still held when that is not obvious ("an earlier version of demo.csv, for run1"). */
  note?: string;
}

/** Counts each shared object once: the first resource to list a dataset is charged for it. */
export interface Ledger {
  dataset(ds: Dataset): number;
  /** Bytes of the typed arrays reachable from value (two levels of plain objects, maps and arrays). */
  arrays(value: unknown): number;
}

export interface ResourceSource {
  list(ledger: Ledger): ResourceUse[];
}

export function createResources() {
  const sources: ResourceSource[] = [];
  const counters = new Map<string, number>();

  function list(): ResourceUse[] {
    const ledger = createLedger();
    return sources.flatMap((s) => s.list(ledger));
  }

  return {
    /** A fresh id: `ds3`, `run2`, `saved1`, `cmp4`. Ids are never reused within an engine. */
    newId(prefix: string): string {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}${n}`;
    },
    /** Marks an id as taken (a restored workspace brings its own ids), so newId never hands it out again. */
    claim(id: string): void {
      const m = /^([a-z]+)(\d+)$/.exec(id);
      if (m) counters.set(m[1], Math.max(counters.get(m[1]) ?? 0, Number(m[2])));
    },
    /** Sources are listed in the order added: datasets first, so they are charged for their own columns. */
    add(source: ResourceSource): void {
      sources.push(source);
    },
    list,
    heldBytes(): number {
      return list().reduce((sum, r) => sum + r.bytes, 0);
    },
    /** Resources made from `id`. */
    dependentsOf(id: string): ResourceUse[] {
      return list().filter((r) => r.dependsOn.includes(id));
    },
  };
}

export type Resources = ReturnType<typeof createResources>;

export function createLedger(): Ledger {
  const seen = new WeakSet<object>();
  const once = (o: object) => (seen.has(o) ? false : (seen.add(o), true));
  const arrays = (value: unknown, depth = 3): number => {
    if (value === null || typeof value !== 'object' || depth < 0) return 0;
    if (ArrayBuffer.isView(value)) return once(value.buffer) ? value.buffer.byteLength : 0;
    if (value instanceof ArrayBuffer) return once(value) ? value.byteLength : 0;
    if (!once(value)) return 0;
    const children = value instanceof Map ? [...value.values()] : Array.isArray(value) ? value : Object.values(value);
    let sum = 0;
    for (const child of children) sum += typeof child === 'string' ? child.length * 2 : arrays(child, depth - 1);
    return sum;
  };
  return {
    dataset(ds) {
      if (!once(ds)) return 0;
      let bytes = 0;
      for (const c of ds.columns) {
        if (c.storage === 'number') bytes += once(c.values.buffer) ? c.values.byteLength : 0;
        else {
          bytes += once(c.codes.buffer) ? c.codes.byteLength : 0;
          if (once(c.dictionary)) for (const s of c.dictionary) bytes += s.length * 2;
        }
      }
      return bytes;
    },
    arrays,
  };
}

const MB = 1024 * 1024;

/** "12.3 MB" (at least one decimal under 10 MB, so a small file does not read as 0 MB). */
export function formatMB(bytes: number): string {
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** "Loupe holds 40 MB: sales.csv 30 MB, Run 2 · mlp 10 MB" — the biggest few, for a budget message. */
export function describeHeld(uses: ResourceUse[]): string {
  const held = uses.filter((u) => u.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  const total = held.reduce((s, u) => s + u.bytes, 0);
  if (held.length === 0) return 'Loupe holds nothing else.';
  const named = held.slice(0, 4).map((u) => `${u.label} ${formatMB(u.bytes)}`);
  const more = held.length > 4 ? ` and ${held.length - 4} more` : '';
  return `Loupe already holds ${formatMB(total)}: ${named.join(', ')}${more}.`;
}
