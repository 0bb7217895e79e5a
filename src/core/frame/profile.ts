/**
 * Per-column and whole-dataset summaries for the data view: small, plain objects that can cross the
 * worker boundary. A number column takes a shared scan (count, min, max, sum, decimal scale; kept
 * by the parser for a file read in one pass), one pass for deviations and histogram together, and
 * one for distinct values; duplicate rows are hashed only when no column is all distinct.
 */
import { distinctNumbersOf, duplicateRowCount, numberScanOf, scanNumbers, type NumberScan } from './distinct';
import type { Column, ColumnKind, Dataset, DatasetLineage, ParseSettings, ParseWarning } from './types';

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface NumericSummary {
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n - 1), as pandas' describe reports it. */
  std: number;
  /** About 20 equal-width bins; one bin per value for integers spanning fewer than 20 values. */
  histogram: HistogramBin[];
  /**
   * When a few extreme values squeeze nearly everything into one bin of `histogram`: 20 bins over
   * the middle 99% (0.5th to 99.5th percentile, read off a 2,000-bin pass, so to 1/2,000 of the
   * range), and how many values fall below and above it.
   */
  central?: { bins: HistogramBin[]; below: number; above: number };
}

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  missing: number;
  distinct: number;
  /** numeric, integer and datetime columns (datetimes in epoch ms). */
  numeric?: NumericSummary;
  /** Ten most frequent values of dictionary and boolean columns, most frequent first. */
  top?: { value: string; count: number }[];
  /** Mean length in characters, text columns. */
  meanLength?: number;
}

export interface DatasetProfile {
  id: string;
  name: string;
  rowCount: number;
  columnCount: number;
  /** Rows equal to an earlier row in every column (missing equals missing). */
  duplicateRows: number;
  /** Typed arrays plus an estimate for dictionary strings. */
  memoryBytes: number;
  settings: ParseSettings;
  warnings: ParseWarning[];
  columns: ColumnProfile[];
  /** A cleaned version: what it was made from and the recipe (counts of steps shown in the list). */
  lineage?: DatasetLineage;
}

export const HISTOGRAM_BINS = 20;
const TOP_VALUES = 10;
/** V8 stores short strings in about 2 bytes a character plus a header. */
const STRING_OVERHEAD_BYTES = 16;

/** pass: the column's shared scan (distinct.ts), when the caller has it already. */
export function numericSummary(values: Float64Array, integer: boolean, pass: NumberScan = scanNumbers(values)): NumericSummary | undefined {
  const { count: n, min, max, sum } = pass;
  if (n === 0) return undefined;
  const mean = sum / n;
  let histogram: HistogramBin[];
  // One more pass for the squared deviations and the bin counts together.
  let squares = 0;
  if (integer && max - min + 1 < HISTOGRAM_BINS) {
    const counts = new Int32Array(max - min + 1);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      squares += (v - mean) * (v - mean);
      counts[v - min]++;
    }
    histogram = Array.from(counts, (count, k) => ({ x0: min + k - 0.5, x1: min + k + 0.5, count }));
  } else if (min === max) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) squares += (v - mean) * (v - mean);
    }
    histogram = [{ x0: min, x1: max, count: n }];
  } else {
    const width = (max - min) / HISTOGRAM_BINS;
    const counts = new Int32Array(HISTOGRAM_BINS);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      squares += (v - mean) * (v - mean);
      // The last bin is closed on the right so that max falls in it.
      counts[Math.min(HISTOGRAM_BINS - 1, Math.floor((v - min) / width))]++;
    }
    histogram = Array.from(counts, (count, k) => ({ x0: min + k * width, x1: k === HISTOGRAM_BINS - 1 ? max : min + (k + 1) * width, count }));
  }
  const std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const central = squeezed(histogram, n) ? centralHistogram(values, n, min, max, integer) : undefined;
  return { min, max, mean, std, histogram, ...(central ? { central } : {}) };
}

/** One bin of the full-range histogram holds 90% of the values or more. */
function squeezed(histogram: HistogramBin[], n: number): boolean {
  return n >= 50 && histogram.length === HISTOGRAM_BINS && histogram.some((b) => b.count >= 0.9 * n);
}

const FINE_BINS = 2000;

/** The middle 99% in 20 bins, with the counts left outside; undefined when it would change nothing. */
function centralHistogram(values: Float64Array, n: number, min: number, max: number, integer: boolean): NumericSummary['central'] {
  // Percentiles from a fine histogram: the 0.5th and 99.5th percentile bins' edges.
  const fineWidth = (max - min) / FINE_BINS;
  const fine = new Int32Array(FINE_BINS);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) fine[Math.min(FINE_BINS - 1, Math.floor((v - min) / fineWidth))]++;
  }
  const edge = (share: number, fromTop: boolean): number => {
    let seen = 0;
    for (let k = 0; k < FINE_BINS; k++) {
      const b = fromTop ? FINE_BINS - 1 - k : k;
      seen += fine[b];
      if (seen > share * n) return fromTop ? min + (b + 1) * fineWidth : min + b * fineWidth;
    }
    return fromTop ? max : min;
  };
  let lo = Math.max(min, edge(0.005, false));
  let hi = Math.min(max, edge(0.005, true));
  if (integer) {
    lo = Math.floor(lo);
    hi = Math.ceil(hi);
  }
  if (!(hi > lo) || (lo <= min && hi >= max)) return undefined;
  const width = (hi - lo) / HISTOGRAM_BINS;
  const counts = new Int32Array(HISTOGRAM_BINS);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v < lo) below++;
    else if (v > hi) above++;
    else counts[Math.min(HISTOGRAM_BINS - 1, Math.floor((v - lo) / width))]++;
  }
  return { bins: Array.from(counts, (count, k) => ({ x0: lo + k * width, x1: k === HISTOGRAM_BINS - 1 ? hi : lo + (k + 1) * width, count })), below, above };
}

function profileColumn(column: Column, rowCount: number): ColumnProfile {
  if (column.storage === 'number') {
    const values = column.values;
    const pass = numberScanOf(values);
    const missing = values.length - pass.count;
    const profile: ColumnProfile = { name: column.name, kind: column.kind, missing, distinct: distinctNumbersOf(values, pass) };
    if (column.kind === 'numeric' || column.kind === 'integer' || column.kind === 'datetime') {
      profile.numeric = numericSummary(values, column.kind === 'integer', pass);
    }
    if (column.kind === 'boolean') {
      let ones = 0;
      for (let i = 0; i < values.length; i++) if (values[i] === 1) ones++;
      const zeros = rowCount - missing - ones;
      profile.top = [
        { value: '1', count: ones },
        { value: '0', count: zeros },
      ]
        .filter((t) => t.count > 0)
        .sort((a, b) => b.count - a.count);
    }
    return profile;
  }
  const counts = new Int32Array(column.dictionary.length);
  let missing = 0;
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code < 0) missing++;
    else counts[code]++;
  }
  let distinct = 0;
  let characters = 0;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] === 0) continue;
    distinct++;
    characters += counts[c] * column.dictionary[c].length;
  }
  const profile: ColumnProfile = { name: column.name, kind: column.kind, missing, distinct, top: topValues(counts, column.dictionary) };
  if (column.kind === 'text') profile.meanLength = rowCount - missing > 0 ? characters / (rowCount - missing) : 0;
  return profile;
}

/** Most frequent codes first; ties in dictionary (first-seen) order. */
function topValues(counts: Int32Array, dictionary: string[]): { value: string; count: number }[] {
  const best: number[] = [];
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] === 0) continue;
    if (best.length === TOP_VALUES && counts[c] <= counts[best[TOP_VALUES - 1]]) continue;
    let k = best.length < TOP_VALUES ? best.length : TOP_VALUES - 1;
    best[k] = c;
    while (k > 0 && counts[best[k - 1]] < counts[c]) {
      best[k] = best[k - 1];
      best[k - 1] = c;
      k--;
    }
  }
  return best.map((c) => ({ value: dictionary[c], count: counts[c] }));
}

export function memoryBytes(ds: Dataset): number {
  let bytes = 0;
  for (const column of ds.columns) {
    if (column.storage === 'number') bytes += column.values.byteLength;
    else {
      bytes += column.codes.byteLength;
      for (const label of column.dictionary) bytes += label.length * 2 + STRING_OVERHEAD_BYTES;
    }
  }
  return bytes;
}

/** A column whose values all differ (at most one missing) makes every row unique. */
function rowsAllDiffer(columns: ColumnProfile[], rowCount: number): boolean {
  return columns.some((c) => c.missing <= 1 && c.distinct + c.missing === rowCount);
}

export function profileDataset(ds: Dataset): DatasetProfile {
  const columns = ds.columns.map((column) => profileColumn(column, ds.rowCount));
  return {
    ...(ds.lineage ? { lineage: ds.lineage } : {}),
    id: ds.id,
    name: ds.name,
    rowCount: ds.rowCount,
    columnCount: ds.columns.length,
    // Hashing every row is the profile's biggest cost; an id column settles it for free.
    duplicateRows: rowsAllDiffer(columns, ds.rowCount) ? 0 : duplicateRowCount(ds.columns, ds.rowCount),
    memoryBytes: memoryBytes(ds),
    settings: ds.settings,
    warnings: ds.warnings,
    columns,
  };
}

