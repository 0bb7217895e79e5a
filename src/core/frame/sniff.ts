/**
 * Reading the first KBs of a delimited file to choose the delimiter, whether the first row is a
 * header, the column names and a row-size estimate, before the real pass.
 */
import { DelimitedScanner, type RecordView } from './scanner';
import { createDecoder } from './text';
import { isMissingText, parseNumberText } from './number';
import { parseIsoDateTime } from './datetime';
import { isBooleanToken } from './infer';
import type { ParseWarning, TextEncodingName } from './types';

export const DELIMITERS = [',', '\t', ';', '|'];
const SAMPLE_RECORDS = 200;

export interface SniffResult {
  delimiter: string;
  hasHeader: boolean;
  names: string[];
  /** Fields of the sampled records (header included), decoded. */
  rows: string[][];
  /** Average bytes per record in the sample, to size arrays and estimate memory. */
  bytesPerRecord: number;
  warnings: ParseWarning[];
}

/** The sample's records as strings, with the given delimiter. */
export function sampleRecords(sample: Uint8Array, delimiter: string, encoding: TextEncodingName): string[][] & { total: number } {
  const decoder = createDecoder(encoding, false);
  const rows = [] as unknown as string[][] & { total: number };
  rows.total = 0;
  const scanner = new DelimitedScanner(delimiter.charCodeAt(0), {
    record(view: RecordView) {
      rows.total++;
      if (rows.length >= SAMPLE_RECORDS) return;
      const fields: string[] = [];
      for (let k = 0; k < view.count; k++) {
        const source = view.inScratch[k] ? view.scratch : view.buffer;
        fields.push(decoder.decode(source, view.starts[k], view.ends[k]));
      }
      rows.push(fields);
    },
  });
  scanner.push(sample, true);
  return rows;
}

function modalCount(rows: string[][]): { mode: number; share: number } {
  const freq = new Map<number, number>();
  for (const row of rows) freq.set(row.length, (freq.get(row.length) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [count, times] of freq) {
    if (times > best || (times === best && count > mode)) {
      mode = count;
      best = times;
    }
  }
  return { mode, share: rows.length ? best / rows.length : 0 };
}

/** The delimiter whose field counts are most consistent over the sample (more than one field required). */
export function detectDelimiter(sample: Uint8Array, encoding: TextEncodingName): string {
  let chosen = ',';
  let bestShare = 0;
  let bestMode = 1;
  for (const delimiter of DELIMITERS) {
    const { mode, share } = modalCount(sampleRecords(sample, delimiter, encoding));
    if (mode < 2) continue;
    if (share > bestShare || (share === bestShare && mode > bestMode)) {
      chosen = delimiter;
      bestShare = share;
      bestMode = mode;
    }
  }
  return chosen;
}

const isNumberLike = (text: string): boolean => !Number.isNaN(parseNumberText(text)) || !Number.isNaN(Number(text.trim()));
const isTyped = (text: string): boolean => isNumberLike(text) || isBooleanToken(text) || !Number.isNaN(parseIsoDateTime(text));

/**
 * A header when the first row's fields are non-empty, distinct and not numbers, and the rows below
 * differ clearly: some column is mostly numbers, booleans or dates below, or no header name
 * reappears in its own column. A lone first field may be empty (pandas writes its index that way).
 */
export function detectHeader(rows: string[][]): boolean {
  if (rows.length === 0) return false;
  const first = rows[0].map((f) => f.trim());
  const names = first[0] === '' && first.length > 1 ? first.slice(1) : first;
  if (names.some((f) => f === '' || isNumberLike(f) || isMissingText(f))) return false;
  if (new Set(names).size !== names.length) return false;
  const below = rows.slice(1);
  if (below.length === 0) return true;
  for (let c = 0; c < first.length; c++) {
    const values = below.map((row) => (row[c] ?? '').trim()).filter((v) => !isMissingText(v));
    const typed = values.filter(isTyped).length;
    if (values.length > 0 && typed > values.length / 2) return true;
  }
  return first.every((name, c) => below.every((row) => (row[c] ?? '').trim() !== name || name === ''));
}

/** Header names made usable: empty -> column_N, duplicates -> name_2, name_3, with a warning. */
export function uniqueNames(raw: string[]): { names: string[]; warning?: ParseWarning } {
  const names: string[] = [];
  const seen = new Set<string>();
  const renamed: string[] = [];
  raw.forEach((field, c) => {
    const base = field.trim() === '' ? `column_${c + 1}` : field.trim();
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    if (name !== field.trim()) renamed.push(field.trim() === '' ? `(empty) -> ${name}` : `${field.trim()} -> ${name}`);
    seen.add(name);
    names.push(name);
  });
  const warning: ParseWarning | undefined = renamed.length
    ? { kind: 'duplicate-column-names', message: `Some column names were empty or repeated and were renamed: ${renamed.join(', ')}.`, count: renamed.length }
    : undefined;
  return { names, warning };
}

export function sniffDelimited(
  sample: Uint8Array,
  encoding: TextEncodingName,
  overrides: { delimiter?: string; hasHeader?: boolean },
): SniffResult {
  const delimiter = overrides.delimiter ?? detectDelimiter(sample, encoding);
  const rows = sampleRecords(sample, delimiter, encoding);
  const hasHeader = overrides.hasHeader ?? detectHeader(rows);
  const warnings: ParseWarning[] = [];
  let names: string[];
  if (hasHeader && rows.length > 0) {
    const unique = uniqueNames(rows[0]);
    names = unique.names;
    if (unique.warning) warnings.push(unique.warning);
  } else {
    const { mode } = modalCount(rows);
    names = Array.from({ length: mode }, (_, c) => `column_${c + 1}`);
  }
  const bytesPerRecord = rows.total ? Math.max(1, sample.length / rows.total) : 1;
  return { delimiter, hasHeader, names, rows, bytesPerRecord, warnings };
}
