/**
 * Windows over a time-ordered stream. Rows are first put in event-time order (a timestamp
 * column, ties and missing times kept in file order, missing times last) or kept in row order;
 * then cut into tumbling windows (each row in one window) or sliding ones (the last `size`,
 * recomputed every `step`), sized in rows or in event time (milliseconds).
 */

export type WindowKind = 'tumbling' | 'sliding';

export interface WindowSpec {
  kind: WindowKind;
  /** 'rows': size and step count rows; 'time': they are milliseconds of event time. */
  unit: 'rows' | 'time';
  size: number;
  /** Sliding only: how far each window moves on; tumbling windows move by their size. */
  step?: number;
}

/** One window: positions [start, end) in the ordered rows, and [newFrom, end) the rows not in an earlier window. */
export interface StreamWindow {
  index: number;
  start: number;
  end: number;
  newFrom: number;
  /** Event time of the window's start and end (ms), when there is a time column. */
  from: number | null;
  to: number | null;
}

/** Row indices in event-time order (stable); without times, 0..n-1. */
export function eventOrder(rows: number, times: Float64Array | null): Int32Array {
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  if (!times) return order;
  const key = (i: number) => (Number.isFinite(times[i]) ? times[i] : Infinity);
  // Int32Array.sort is not guaranteed stable on ties of the key; the index breaks them.
  return order.sort((a, b) => key(a) - key(b) || a - b);
}

/** The problem with a window spec for the user, or null. */
export function windowProblem(spec: WindowSpec, hasTimes: boolean): string | null {
  if (!(spec.size > 0) || !Number.isFinite(spec.size)) return 'The window size must be a positive number.';
  if (spec.unit === 'rows' && !Number.isInteger(spec.size)) return 'A window size in rows must be a whole number.';
  if (spec.unit === 'time' && !hasTimes) return 'A window in time needs a timestamp column; pick one, or size the window in rows.';
  if (spec.kind === 'sliding') {
    const step = spec.step ?? 0;
    if (!(step > 0) || step > spec.size) return 'A sliding window needs a step above zero and no larger than the window.';
    if (spec.unit === 'rows' && !Number.isInteger(step)) return 'A step in rows must be a whole number.';
  }
  return null;
}

/** Cuts the ordered rows (their times in that order, or null) into windows. */
export function planWindows(count: number, orderedTimes: Float64Array | null, spec: WindowSpec): StreamWindow[] {
  const step = spec.kind === 'sliding' ? spec.step ?? spec.size : spec.size;
  const windows: StreamWindow[] = [];
  if (count === 0) return windows;
  if (spec.unit === 'rows' || !orderedTimes) {
    let previousEnd = 0;
    for (let end = Math.min(spec.size, count); ; end = Math.min(end + step, count)) {
      // A tumbling window starts where the last ended (the last one may be short).
      const start = spec.kind === 'tumbling' ? previousEnd : Math.max(0, end - spec.size);
      windows.push({ index: windows.length, start, end, newFrom: previousEnd, from: orderedTimes?.[start] ?? null, to: orderedTimes?.[end - 1] ?? null });
      previousEnd = end;
      if (end >= count) break;
    }
    return windows;
  }
  // Rows with a missing time (sorted last) are left out of time windows.
  let finite = count;
  while (finite > 0 && !Number.isFinite(orderedTimes[finite - 1])) finite--;
  if (finite === 0) return windows;
  const t0 = orderedTimes[0];
  let previousEnd = 0;
  let start = 0;
  let end = 0;
  for (let to = t0 + spec.size; ; to += step) {
    const from = to - spec.size;
    while (start < finite && orderedTimes[start] < from) start++;
    while (end < finite && orderedTimes[end] < to) end++;
    if (end > previousEnd) {
      windows.push({ index: windows.length, start, end, newFrom: previousEnd, from, to });
      previousEnd = end;
    }
    if (end >= finite) break;
  }
  return windows;
}
