/**
 * Column type inference, run once per column after the whole file is read.
 *
 * Rules, in order (missing values are ignored throughout):
 *  1. Only numbers:  all 0/1 -> boolean; all whole -> integer, or identifier when the name looks like
 *     an id and every value is distinct (stored as numbers); otherwise numeric. No values -> categorical.
 *  2. Numbers and text: numbers are written back as text and the column is read as text (rule 3),
 *     with a 'mixed-types' warning, except when the text values are numbers with leading zeros
 *     ("007", zip codes): those are codes, so no warning.
 *  3. Only text (dictionary):
 *     a. every distinct value is true/false/yes/no/t/f/y/n (any case) -> boolean (labels kept);
 *     b. every distinct value is an ISO date or date-time -> datetime (epoch ms, UTC);
 *     c. at least 95% of values distinct (duplicate rows happen), and the name looks like an id
 *        (x_id, id, userId, uuid, email) or there are at least 20 values with no spaces -> identifier;
 *     d. values with spaces, mean length > 20 characters, and more than half the values distinct
 *        or at least 200 distinct values -> text;
 *     e. otherwise categorical.
 * Dates are parsed from the dictionary, once per distinct value, not once per row.
 */
import { fitted, numberScan, type ColumnBuilder } from './builder';
import { rememberFacts, scanNumbers } from './distinct';
import { parseIsoDateTime } from './datetime';
import { formatNumber } from './number';
import type { Column, ParseWarning } from './types';

const BOOLEAN_TOKENS = new Set(['true', 'false', 'yes', 'no', 't', 'f', 'y', 'n']);
const LEADING_ZERO_NUMBER = /^[+-]?\d+(\.\d*)?$/;
export const TEXT_MIN_MEAN_LENGTH = 20;
export const IDENTIFIER_MIN_COUNT = 20;
/** Share of distinct values among present ones for a string identifier. */
export const IDENTIFIER_MIN_SHARE = 0.95;
/** Distinct long values with spaces from which a column is free text even when values repeat. */
export const TEXT_MIN_DISTINCT = 200;

export function looksLikeIdName(name: string): boolean {
  return /(^|[_\s-])id$/i.test(name) || /[a-z]Id$/.test(name) || /uuid|guid|e-?mail/i.test(name);
}

export function isBooleanToken(label: string): boolean {
  return BOOLEAN_TOKENS.has(label.trim().toLowerCase());
}

/** true/false for a boolean label ("yes" -> true), null when it is not one. */
export function booleanOfLabel(label: string): boolean | null {
  const token = label.trim().toLowerCase();
  if (!BOOLEAN_TOKENS.has(token)) return null;
  return token === 'true' || token === 'yes' || token === 't' || token === 'y';
}

/** Every non-missing value distinct: a bitmap when the integer range is small, else a sort. */
export function allDistinctNumbers(values: Float64Array): boolean {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  if (min > max) return true;
  if (integers && max - min < 8 * values.length + 1024) {
    const seen = new Uint8Array(max - min + 1);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      if (seen[v - min]) return false;
      seen[v - min] = 1;
    }
    return true;
  }
  const sorted = values.filter((v) => v === v).sort();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}

export interface InferredColumn {
  column: Column;
  warning?: ParseWarning;
}

export function finishColumn(builder: ColumnBuilder): InferredColumn {
  const n = builder.length;
  const name = builder.name;
  if (builder.stringCount === 0) {
    if (builder.numberCount === 0) {
      return { column: { storage: 'dictionary', kind: 'categorical', name, codes: new Int32Array(n).fill(-1), dictionary: [] } };
    }
    const kind = builder.allZeroOne
      ? 'boolean'
      : builder.allIntegers
        ? looksLikeIdName(name) && allDistinctNumbers(builder.numbers.subarray(0, n))
          ? 'identifier'
          : 'integer'
        : 'numeric';
    const values = fitted(builder.numbers, n);
    const scan = numberScan(builder);
    if (scan) rememberFacts(values, { scan });
    // An identifier was just proved all distinct: every present value counts once.
    if (kind === 'identifier') rememberFacts(values, { distinct: builder.numberCount });
    return { column: { storage: 'number', kind, name, values } };
  }
  const codes = fitted(builder.codes as Int32Array, n);
  const numbers = builder.numbers;
  let warning: ParseWarning | undefined;
  if (builder.numberCount > 0) {
    const codesOnly = builder.labels.every((label) => LEADING_ZERO_NUMBER.test(label.trim()));
    for (let i = 0; i < n; i++) {
      const v = numbers[i];
      if (codes[i] < 0 && v === v) codes[i] = builder.codeOf(formatNumber(v));
    }
    if (!codesOnly) {
      warning = {
        kind: 'mixed-types',
        message: `"${name}" mixes ${builder.numberCount} numbers with ${builder.stringCount} text values (e.g. "${builder.labels[0]}"); it was read as text.`,
        count: builder.stringCount,
      };
    }
  }
  return { column: inferDictionary(name, codes, builder.labels), warning };
}

/** Rule 3 for a dictionary-encoded column. */
export function inferDictionary(name: string, codes: Int32Array, dictionary: string[]): Column {
  const counts = new Int32Array(dictionary.length);
  let present = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code >= 0) {
      counts[code]++;
      present++;
    }
  }
  let distinct = 0;
  let totalLength = 0;
  let anySpace = false;
  for (let c = 0; c < dictionary.length; c++) {
    if (counts[c] === 0) continue;
    distinct++;
    totalLength += counts[c] * dictionary[c].length;
    if (!anySpace && /\s/.test(dictionary[c])) anySpace = true;
  }
  const used = dictionary.filter((_, c) => counts[c] > 0);
  if (used.length > 0 && used.length <= BOOLEAN_TOKENS.size && used.every(isBooleanToken)) {
    return { storage: 'dictionary', kind: 'boolean', name, codes, dictionary };
  }
  if (used.length > 0) {
    if (used.every((label) => !Number.isNaN(parseIsoDateTime(label)))) {
      const times = dictionary.map(parseIsoDateTime);
      const values = new Float64Array(codes.length);
      // The profile's shared scan, taken in the same row order while the times are written; its
      // scale and the distinct count come from the used labels' times (the same set of values).
      let count = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        if (code < 0) {
          values[i] = NaN;
          continue;
        }
        const t = times[code];
        values[i] = t;
        count++;
        sum += t;
        if (t < min) min = t;
        if (t > max) max = t;
      }
      const usedTimes = Float64Array.from(dictionary.flatMap((_, c) => (counts[c] > 0 ? [times[c]] : [])));
      rememberFacts(values, { scan: { count, min, max, sum, scale: scanNumbers(usedTimes).scale }, distinct: new Set(usedTimes).size });
      return { storage: 'number', kind: 'datetime', name, values };
    }
  }
  // Near-unique rather than unique: real files repeat a few rows (demo-customers has ~1%).
  const nearlyUnique = present > 0 && distinct >= IDENTIFIER_MIN_SHARE * present;
  if (nearlyUnique && (looksLikeIdName(name) || (!anySpace && present >= IDENTIFIER_MIN_COUNT))) {
    return { storage: 'dictionary', kind: 'identifier', name, codes, dictionary };
  }
  // Free text repeats too (canned replies, templates): many distinct sentences with spaces is text.
  if (present > 0 && anySpace && totalLength / present > TEXT_MIN_MEAN_LENGTH && (distinct / present > 0.5 || distinct >= TEXT_MIN_DISTINCT)) {
    return { storage: 'dictionary', kind: 'text', name, codes, dictionary };
  }
  return { storage: 'dictionary', kind: 'categorical', name, codes, dictionary };
}
