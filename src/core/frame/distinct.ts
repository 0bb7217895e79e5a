/** Counting distinct numbers and duplicate rows without a JS Set: typed-array hash tables. */
import type { Column } from './types';

function hashNumber(view: Float64Array, bits: Uint32Array, v: number): number {
  view[0] = v === 0 ? 0 : v; // -0 and 0 are the same value
  let h = Math.imul(bits[0] ^ Math.imul(bits[1], 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return h;
}

/** Decimal scales tried for the bitmap path: whole numbers, then 1 to 4 decimals. */
const SCALES = [1, 10, 100, 1000, 10000];
/** Steps tried for whole numbers spread wide: datetimes of whole days, seconds. */
const STEPS = [86_400_000, 1000];

/** One pass over a number column that the profile's summaries share. */
export interface NumberScan {
  /** Non-missing values. */
  count: number;
  min: number;
  max: number;
  /** Sum in row order (the mean is sum / count, as a separate pass would compute it). */
  sum: number;
  /**
   * A scale s in SCALES with round(v * s) / s === v for every value (Infinity when none): then v
   * is a function of round(v * s), so distinct scaled integers are distinct values. scanNumbers
   * finds the smallest; a scan kept by the parser has 10^(most decimal places written).
   */
  scale: number;
}

/**
 * What reading and inference learned about a number column while building it, so the profile
 * need not pass over it again: the shared scan (builder.ts, numberScan; datetimes from their
 * labels) and the distinct count (an id proved all distinct; datetimes from their labels).
 */
export interface KnownFacts {
  scan?: NumberScan;
  distinct?: number;
}

/** By the column array they describe: a column given new values never carries old facts. */
const knownFacts = new WeakMap<Float64Array, KnownFacts>();

/** Records facts about `values` (never changed after: columns are replaced, not edited). */
export function rememberFacts(values: Float64Array, facts: KnownFacts): void {
  knownFacts.set(values, { ...knownFacts.get(values), ...facts });
}

/** The shared pass over a number column: as it was kept, or scanned now. */
export function numberScanOf(values: Float64Array): NumberScan {
  return knownFacts.get(values)?.scan ?? scanNumbers(values);
}

/** Distinct non-missing values: as they were counted while building the column, or counted now. */
export function distinctNumbersOf(values: Float64Array, scan: NumberScan = numberScanOf(values)): number {
  return knownFacts.get(values)?.distinct ?? countDistinctNumbers(values, scan);
}

export function scanNumbers(values: Float64Array): NumberScan {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let k = 0;
  let scale = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    while (k < SCALES.length && Math.round(v * scale) / scale !== v) {
      k++;
      scale = k < SCALES.length ? SCALES[k] : Infinity;
    }
  }
  return { count, min, max, sum, scale };
}

/**
 * Number of distinct non-missing values: a byte per value when they are integers, or decimals of
 * at most 4 places (prices, scores, ratings), or whole multiples of a day or a second (datetimes),
 * in a small range once scaled; else an open-addressing table of row indices (4 bytes a slot).
 */
export function countDistinctNumbers(values: Float64Array, scan: NumberScan = scanNumbers(values)): number {
  const { min, max, scale } = scan;
  if (scan.count === 0) return 0;
  const limit = 4 * values.length + 1024;
  if (scale !== Infinity && Math.max(-min, max) * scale < 2 ** 52) {
    if ((max - min) * scale <= limit) return countOnBitmap(values, min, max, scale, 1);
    // Whole numbers that are all multiples of a step: v is step * (v / step), exactly.
    if (scale === 1) {
      for (const step of STEPS) {
        if ((max - min) / step <= limit && allMultiples(values, step)) return countOnBitmap(values, min, max, 1, step);
      }
    }
  }
  let distinct = 0;
  let size = 16;
  while (size < values.length * 2) size *= 2;
  const table = new Int32Array(size); // row + 1; 0 is empty
  const mask = size - 1;
  const view = new Float64Array(1);
  const bits = new Uint32Array(view.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    let slot = hashNumber(view, bits, v) & mask;
    for (;;) {
      const other = table[slot] - 1;
      if (other < 0) {
        table[slot] = i + 1;
        distinct++;
        break;
      }
      if (values[other] === v) break;
      slot = (slot + 1) & mask;
    }
  }
  return distinct;
}

function allMultiples(values: Float64Array, step: number): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && v % step !== 0) return false;
  }
  return true;
}

/** Distinct values that are all round(v * scale) / step apart from min on a small grid. */
function countOnBitmap(values: Float64Array, min: number, max: number, scale: number, step: number): number {
  const low = Math.round(min * scale) / step;
  const seen = new Uint8Array(Math.round(max * scale) / step - low + 1);
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const slot = Math.round(v * scale) / step - low;
    if (seen[slot]) continue;
    seen[slot] = 1;
    distinct++;
  }
  return distinct;
}

function sameValue(column: Column, a: number, b: number): boolean {
  if (column.storage === 'dictionary') return column.codes[a] === column.codes[b];
  const x = column.values[a];
  const y = column.values[b];
  return x === y || (x !== x && y !== y);
}

/**
 * Rows equal to an earlier row in every column. Each row gets a hash of its values (column by column,
 * for cache-friendly passes); rows with equal hashes are compared value by value, so a collision
 * never counts as a duplicate.
 */
export function duplicateRowCount(columns: Column[], rowCount: number): number {
  if (columns.length === 0 || rowCount < 2) return 0;
  const hashes = new Int32Array(rowCount).fill(0x2545f491);
  const view = new Float64Array(1);
  const bits = new Uint32Array(view.buffer);
  const mix = (h: number, value: number): number => Math.imul(h ^ value, 0x01000193) ^ (h >>> 13);
  for (const column of columns) {
    if (column.storage === 'dictionary') {
      const codes = column.codes;
      for (let i = 0; i < rowCount; i++) hashes[i] = mix(hashes[i], codes[i]);
    } else {
      const values = column.values;
      for (let i = 0; i < rowCount; i++) {
        const v = values[i];
        hashes[i] = mix(hashes[i], v !== v ? 0x7ff80000 : hashNumber(view, bits, v));
      }
    }
  }
  let size = 16;
  while (size < rowCount * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size); // row + 1; 0 is empty
  let duplicates = 0;
  for (let row = 0; row < rowCount; row++) {
    const h = hashes[row];
    let slot = h & mask;
    for (;;) {
      const other = table[slot] - 1;
      if (other < 0) {
        table[slot] = row + 1;
        break;
      }
      if (hashes[other] === h && columns.every((column) => sameValue(column, row, other))) {
        duplicates++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return duplicates;
}
