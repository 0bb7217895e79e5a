/**
 * Reading a file another program appends to: each read takes only the bytes after the last
 * offset, keeps a partial last line for the next read, and parses the complete lines with the
 * column schema of the dataset the model was trained on (the frame parser reads them; each column
 * is then converted to the kind it had in training, so "3" stays a category where it was one).
 */
import { convertColumnData } from '../frame/convert';
import { ingestBytes } from '../frame/ingest';
import type { Column, ColumnKind, Dataset } from '../frame/types';

export type TailFormat = 'csv' | 'jsonl';

export interface TailRead {
  /** Complete new lines (the header excluded), as bytes; empty when nothing new ended in a newline. */
  lines: Uint8Array;
  /** Set when the file got shorter than what was read: it was replaced or truncated, and reading started over. */
  restarted: boolean;
}

const NEWLINE = 10;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function createTailReader(format: TailFormat) {
  let offset = 0;
  let pending: Uint8Array = new Uint8Array(0);
  let header: Uint8Array | null = null;
  return {
    /** Reads what was appended since the last call from a fresh snapshot of the file. */
    async read(file: Blob): Promise<TailRead> {
      let restarted = false;
      if (file.size < offset) {
        offset = 0;
        pending = new Uint8Array(0);
        header = null;
        restarted = true;
      }
      const fresh = new Uint8Array(await file.slice(offset).arrayBuffer());
      offset += fresh.length;
      let bytes = concat(pending, fresh);
      const last = bytes.lastIndexOf(NEWLINE);
      if (last < 0) {
        pending = bytes;
        return { lines: new Uint8Array(0), restarted };
      }
      pending = bytes.slice(last + 1);
      bytes = bytes.subarray(0, last + 1);
      if (format === 'csv' && header === null) {
        const end = bytes.indexOf(NEWLINE);
        header = bytes.slice(0, end + 1);
        bytes = bytes.subarray(end + 1);
      }
      return { lines: bytes, restarted };
    },
    /** The CSV header line (with its newline), once read. */
    header: () => header,
    /** Bytes read so far, the partial line included. */
    offset: () => offset,
  };
}

export type TailReader = ReturnType<typeof createTailReader>;

/** What a tailed row must look like: the training dataset's columns, by name and kind. */
export type TailSchema = { name: string; kind: ColumnKind }[];

export function schemaOf(ds: Dataset): TailSchema {
  return ds.columns.map((c) => ({ name: c.name, kind: c.kind }));
}

/** An all-missing column of a kind. */
function missingColumn(name: string, kind: ColumnKind, rows: number): Column {
  if (kind === 'categorical' || kind === 'text') return { storage: 'dictionary', kind, name, codes: new Int32Array(rows).fill(-1), dictionary: [] };
  return { storage: 'number', kind: kind === 'identifier' ? 'identifier' : kind, name, values: new Float64Array(rows).fill(NaN) };
}

/**
 * Complete lines -> columns of the schema. CSV needs the header; a column the file lacks is all
 * missing (the pipeline imputes it as it would a missing value); a value that does not parse as the
 * training kind is an error the user sees.
 */
export function parseTailLines(lines: Uint8Array, format: TailFormat, header: Uint8Array | null, schema: TailSchema): { ok: true; rows: number; columns: Column[] } | { ok: false; message: string } {
  if (lines.length === 0) return { ok: true, rows: 0, columns: schema.map((s) => missingColumn(s.name, s.kind, 0)) };
  if (format === 'csv' && !header) return { ok: false, message: 'The file has no header line yet.' };
  const bytes = format === 'csv' ? concat(header!, lines) : lines;
  const parsed = ingestBytes(bytes, { id: 'tail', name: 'tail', settings: format === 'csv' ? { format: 'delimited', hasHeader: true, encoding: 'utf-8' } : { format: 'jsonl', encoding: 'utf-8' } });
  if (!parsed.ok) return { ok: false, message: `The new lines could not be read: ${parsed.error.message}` };
  const ds = parsed.value;
  const byName = new Map(ds.columns.map((c) => [c.name, c]));
  const columns: Column[] = [];
  for (const s of schema) {
    const column = byName.get(s.name);
    if (!column) {
      columns.push(missingColumn(s.name, s.kind, ds.rowCount));
      continue;
    }
    const converted = convertColumnData(column, s.kind);
    if (!converted.ok) return { ok: false, message: `Column "${s.name}" in the new lines: ${converted.error.message}` };
    columns.push(converted.value);
  }
  return { ok: true, rows: ds.rowCount, columns };
}

/** Column chunks of one schema (in order) as one set of columns; dictionaries merged by label. */
export function concatColumns(parts: Column[][]): Column[] {
  if (parts.length === 1) return parts[0];
  return parts[0].map((first, i) => {
    const pieces = parts.map((p) => p[i]);
    if (first.storage === 'number') {
      const total = pieces.reduce((s, c) => s + (c as typeof first).values.length, 0);
      const values = new Float64Array(total);
      let at = 0;
      for (const c of pieces as (typeof first)[]) {
        values.set(c.values, at);
        at += c.values.length;
      }
      return { ...first, values };
    }
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    const total = pieces.reduce((s, c) => s + (c as typeof first).codes.length, 0);
    const codes = new Int32Array(total);
    let at = 0;
    for (const c of pieces as (typeof first)[]) {
      const map = c.dictionary.map((label) => {
        let code = index.get(label);
        if (code === undefined) index.set(label, (code = dictionary.push(label) - 1));
        return code;
      });
      for (let r = 0; r < c.codes.length; r++) codes[at++] = c.codes[r] < 0 ? -1 : map[c.codes[r]];
    }
    return { ...first, codes, dictionary };
  });
}
