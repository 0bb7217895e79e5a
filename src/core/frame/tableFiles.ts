/**
 * Binary table files (Parquet, Excel .xlsx): recognised by their first bytes, read whole (their
 * layouts need the end of the file first), then assembled and inferred like every other format.
 */
import { assemble, type IngestOptions } from './ingest';
import { readParquet, type ReadTable } from './parquet';
import type { Dataset, LoadError, ParseSettings, Result } from './types';
import { openWorkbook, readSheet } from './xlsx';

export type TableFormat = 'parquet' | 'xlsx';

/** Uncompressed size can be many times the file: refuse early only when it clearly will not fit. */
const MEMORY_FACTOR: Record<TableFormat, number> = { parquet: 8, xlsx: 2 };

export function tableFormatOf(head: Uint8Array): TableFormat | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31) return 'parquet';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  return null;
}

const fail = (code: LoadError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

export async function ingestTableBytes(bytes: Uint8Array, format: TableFormat, options: IngestOptions): Promise<Result<Dataset>> {
  const budget = options.memoryBudgetBytes;
  const estimate = bytes.length * MEMORY_FACTOR[format];
  if (budget !== undefined && estimate > budget) return fail('too-large', `This file would need about ${Math.round(estimate / 1e6)} MB in memory, more than the ${Math.round(budget / 1e6)} MB left of the memory budget.`);
  let table: Result<ReadTable>;
  let settings: ParseSettings;
  if (format === 'parquet') {
    table = await readParquet(bytes, options.signal);
    settings = { format, delimiter: '', hasHeader: true, encoding: 'utf-8' };
  } else {
    const book = openWorkbook(bytes);
    if (!book.ok) return book;
    table = readSheet(book.value, options.settings?.sheet);
    const sheets = book.value.sheets.map((s) => s.name);
    settings = { format, delimiter: '', hasHeader: true, encoding: 'utf-8', sheet: (table.ok ? table.value.sheet : undefined) ?? options.settings?.sheet ?? sheets[0], sheets };
  }
  if (!table.ok) return table;
  if (options.signal?.aborted) return fail('cancelled', 'Loading was cancelled.');
  const notes = table.value.notes.map((message) => ({ kind: 'sheet-choice' as const, message }));
  return assemble(table.value.builders, table.value.rows, settings, notes, options, bytes.length);
}

/** Reads a Blob that tableFormatOf recognised: one read, with progress and cancel around it. */
export async function ingestTableBlob(blob: Blob, format: TableFormat, options: IngestOptions): Promise<Result<Dataset>> {
  options.onProgress?.(0, blob.size);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (options.signal?.aborted) return fail('cancelled', 'Loading was cancelled.');
  options.onProgress?.(blob.size, blob.size);
  return ingestTableBytes(bytes, format, options);
}
