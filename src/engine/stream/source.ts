/**
 * Where a stream's rows come from. A dataset replay orders the rows by event time once and plans
 * every window up front; a live file's rows arrive in appended chunks, parsed with the training
 * dataset's schema, and windows (in rows) are cut as enough of them arrive.
 */
import type { Column } from '../../core/frame/types';
import { takeColumnRows } from '../../core/frame/select';
import { concatColumns, eventOrder, parseTailLines, planWindows, schemaOf, windowProblem, type StreamWindow } from '../../core/stream';
import type { DatasetHost } from '../data/service';
import type { StoredRun } from '../runs/store';
import type { StreamConfig } from './api';

export interface NextWindow {
  columns: Column[];
  /** The window's rows (drift) and its new rows (test, then train), as row indices into columns. */
  rows: Int32Array;
  newRows: Int32Array;
  meta: { index: number; start: number; end: number; from: number | null; to: number | null };
  /** Where the drift reference is read (on the first window only). */
  referenceColumns: Column[];
  referenceRows: Int32Array;
}

export interface RowSource {
  name: string;
  totalWindows: number | null;
  totalRows: number | null;
  /** The next window, waiting for rows (live) while `waiting(true)` is said; null at the end or when stopped. */
  next(stopped: () => boolean, waiting: (on: boolean) => void, sleep: (ms: number) => Promise<void>): Promise<NextWindow | null>;
  append?(lines: Uint8Array, header: Uint8Array | null): { ok: true; rows: number } | { ok: false; message: string };
}

type Made = { ok: true; value: RowSource } | { ok: false; reason: 'not-found' | 'bad-config'; message: string };

/** The reference is the first N windows, N a whole number from 1. */
function referenceProblem(config: StreamConfig): string | null {
  const n = config.referenceWindows ?? 1;
  return Number.isInteger(n) && n >= 1 ? null : `The reference must be a whole number of windows, 1 or more (got ${n}).`;
}

export function datasetSource(datasets: DatasetHost, config: StreamConfig, stored: StoredRun): Made {
  if (config.source.kind !== 'dataset') throw new Error('datasetSource needs a dataset source');
  const refProblem = referenceProblem(config);
  if (refProblem) return { ok: false, reason: 'bad-config', message: refProblem };
  const ds = datasets.get(config.source.datasetId);
  if (!ds) return { ok: false, reason: 'not-found', message: 'That dataset is no longer loaded.' };
  const { timeColumn } = config.source;
  let times: Float64Array | null = null;
  if (timeColumn) {
    const c = ds.columns.find((col) => col.name === timeColumn);
    if (!c) return { ok: false, reason: 'bad-config', message: `There is no column "${timeColumn}" to order the stream by.` };
    if (c.storage !== 'number') return { ok: false, reason: 'bad-config', message: `"${timeColumn}" is not a date or a number, so it cannot order the stream; set its type to datetime on the Data view, or replay in row order.` };
    times = c.values;
  }
  const problem = windowProblem(config.window, times !== null);
  if (problem) return { ok: false, reason: 'bad-config', message: problem };
  if (!ds.columns.some((c) => c.name === stored.run.config.target)) return { ok: false, reason: 'bad-config', message: `"${ds.name}" has no column "${stored.run.config.target}", the target the model predicts.` };
  const order = eventOrder(ds.rowCount, times);
  const ordered = times ? Float64Array.from(order, (r) => times![r]) : null;
  const windows = planWindows(order.length, ordered, config.window);
  if (windows.length === 0) return { ok: false, reason: 'bad-config', message: 'No window has rows: check the timestamp column and the window size.' };
  const refWindows = config.referenceWindows ?? 1;
  if (refWindows >= windows.length && windows.length > 1) return { ok: false, reason: 'bad-config', message: `The reference (the first ${refWindows} windows) would take the whole stream of ${windows.length} windows, leaving nothing to compare; use fewer reference windows or a smaller window.` };
  const refEnd = windows[Math.min(refWindows, windows.length) - 1].end;
  const referenceRows = order.slice(0, refEnd);
  let at = 0;
  return {
    ok: true,
    value: {
      name: ds.name,
      totalWindows: windows.length,
      totalRows: windows[windows.length - 1].end,
      async next(stopped) {
        if (at >= windows.length || stopped()) return null;
        const w: StreamWindow = windows[at++];
        return { columns: ds.columns, rows: order.subarray(w.start, w.end), newRows: order.subarray(w.newFrom, w.end), meta: { index: w.index, start: w.start, end: w.end, from: w.from, to: w.to }, referenceColumns: ds.columns, referenceRows };
      },
    },
  };
}

/** How often a live stream looks again for rows while it waits, besides being woken by an append. */
const LIVE_POLL_MS = 1000;

export function liveSource(config: StreamConfig, stored: StoredRun): Made {
  if (config.source.kind !== 'live') throw new Error('liveSource needs a live source');
  const { format } = config.source;
  if (config.window.unit !== 'rows') return { ok: false, reason: 'bad-config', message: 'A live file is windowed by rows (its lines arrive in order); size the window in rows.' };
  const problem = windowProblem(config.window, false) ?? referenceProblem(config);
  if (problem) return { ok: false, reason: 'bad-config', message: problem };
  const schema = schemaOf(stored.dataset);
  const size = config.window.size;
  const step = config.window.kind === 'sliding' ? config.window.step ?? size : size;
  // The first window waits until the reference's rows (its first N windows) are all in.
  const referenceEnd = size + ((config.referenceWindows ?? 1) - 1) * step;
  // Rows held: positions [base, base + held); older rows are dropped once no window needs them.
  let parts: Column[][] = [];
  let held = 0;
  let base = 0;
  let end = 0;
  let index = 0;
  const columns = () => {
    if (parts.length > 1) parts = [concatColumns(parts)];
    return parts[0];
  };
  return {
    ok: true,
    value: {
      name: 'a live file',
      totalWindows: null,
      totalRows: null,
      async next(stopped, waiting, sleep) {
        const nextEnd = index === 0 ? size : end + step;
        const needed = index === 0 ? referenceEnd : nextEnd;
        let said = false;
        while (base + held < needed) {
          if (stopped()) return null;
          if (!said) waiting((said = true));
          await sleep(LIVE_POLL_MS);
        }
        if (said) waiting(false);
        const start = config.window.kind === 'tumbling' ? end : nextEnd - size;
        const cols = columns();
        const rel = (p: number) => p - base;
        const rows = Int32Array.from({ length: nextEnd - start }, (_, i) => rel(start) + i);
        const newRows = Int32Array.from({ length: nextEnd - end }, (_, i) => rel(end) + i);
        const w: NextWindow = { columns: cols, rows, newRows, meta: { index, start, end: nextEnd, from: null, to: null }, referenceColumns: cols, referenceRows: index === 0 ? Int32Array.from({ length: referenceEnd }, (_, i) => i) : rows };
        index++;
        end = nextEnd;
        // Keep only what the next window reads.
        const keepFrom = config.window.kind === 'tumbling' ? end : end + step - size;
        if (keepFrom > base) {
          const drop = Math.min(keepFrom - base, held);
          const keep = Int32Array.from({ length: held - drop }, (_, i) => drop + i);
          parts = [cols.map((c) => takeColumnRows(c, keep))];
          base += drop;
          held -= drop;
        }
        return w;
      },
      append(lines, header) {
        const parsed = parseTailLines(lines, format, header, schema);
        if (!parsed.ok) return parsed;
        if (parsed.rows > 0) {
          parts.push(parsed.columns);
          held += parsed.rows;
        }
        return { ok: true, rows: parsed.rows };
      },
    },
  };
}
