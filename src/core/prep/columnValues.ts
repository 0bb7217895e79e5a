/**
 * Small readers shared by fit and transform, so both see a column's values the same way.
 */
import type { Column } from '../frame/types';
import type { DatetimePart } from './types';

/** A number, or NaN when missing; infinities count as missing so they never reach a model. */
export function numberAt(values: Float64Array, row: number): number {
  const v = values[row];
  return Number.isFinite(v) ? v : NaN;
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', 'on']);

/** Boolean strings as the frame parser writes them; anything not true-like is false. */
export function booleanFromString(text: string): 0 | 1 {
  return TRUE_WORDS.has(text.trim().toLowerCase()) ? 1 : 0;
}

/** Per dictionary entry 0/1, so a boolean dictionary column is read once per entry, not per row. */
export function booleanCodes(column: Column): Float64Array {
  if (column.storage === 'number') return column.values;
  const perEntry = column.dictionary.map(booleanFromString);
  const out = new Float64Array(column.codes.length);
  for (let i = 0; i < out.length; i++) {
    const c = column.codes[i];
    out[i] = c < 0 ? NaN : perEntry[c];
  }
  return out;
}

const DAY_MS = 86_400_000;

/** A calendar part of an epoch-millisecond timestamp, read in UTC. */
export function datetimePart(ms: number, part: DatetimePart): number {
  if (part === 'days') return ms / DAY_MS;
  const d = new Date(ms);
  switch (part) {
    case 'year':
      return d.getUTCFullYear();
    case 'month':
      return d.getUTCMonth() + 1;
    case 'dayOfWeek':
      return d.getUTCDay();
    case 'hour':
      return d.getUTCHours();
  }
}

/** Median of finite values (mean of the two middle ones, as numpy); NaN when empty. */
export function median(values: Float64Array): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Mean and population std (ddof 0, as StandardScaler); a constant column gets std 1, as scikit-learn does. */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, std: 1 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const std = Math.sqrt(ss / n);
  return { mean, std: std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1 };
}
