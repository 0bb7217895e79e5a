/**
 * Parquet files, read with hyparquet (a maintained, dependency-free pure-JS reader that runs in
 * workers): column chunks go straight into column builders, never through row objects. Codecs:
 * uncompressed and Snappy (pyarrow's and DuckDB's default); others give a message naming them.
 */
import { parquetMetadata, parquetRead } from 'hyparquet';
import { ColumnBuilder } from './builder';
import { addCell } from './cellValues';
import type { LoadError, Result } from './types';

export interface ReadTable {
  builders: ColumnBuilder[];
  rows: number;
  notes: string[];
  /** Excel: the sheet read. */
  sheet?: string;
}

const fail = (code: LoadError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

export async function readParquet(bytes: Uint8Array, signal?: { readonly aborted: boolean }): Promise<Result<ReadTable>> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(file);
  } catch (error) {
    return fail('unreadable', `This Parquet file could not be read (${(error as Error).message}); it may be truncated or damaged.`);
  }
  const rows = Number(metadata.num_rows);
  // Top-level leaf columns; nested groups are read as one JSON text column by hyparquet.
  const names = metadata.schema.slice(1).filter((s) => !s.num_children).map((s) => s.name);
  if (names.length === 0) return fail('no-columns', 'This Parquet file has no columns.');
  if (rows === 0) return fail('empty-file', 'This Parquet file holds no rows.');
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
  try {
    await parquetRead({
      file,
      onChunk: ({ columnName, columnData, rowStart }) => {
        if (signal?.aborted) throw new Error('cancelled');
        const list = chunks.get(columnName) ?? [];
        list.push({ rowStart, data: columnData });
        chunks.set(columnName, list);
      },
    });
  } catch (error) {
    if (signal?.aborted) return fail('cancelled', 'Loading was cancelled.');
    const message = (error as Error).message;
    const codec = /compression|codec|unsupported/i.test(message) ? ' Loupe reads uncompressed and Snappy-compressed Parquet; save it with one of those.' : '';
    return fail('unreadable', `This Parquet file could not be read: ${message}.${codec}`);
  }
  const builders: ColumnBuilder[] = [];
  for (const name of chunks.keys()) {
    const builder = new ColumnBuilder(name);
    for (const chunk of chunks.get(name)!.sort((a, b) => a.rowStart - b.rowStart)) for (let i = 0; i < chunk.data.length; i++) addCell(builder, chunk.data[i]);
    builders.push(builder);
  }
  return { ok: true, value: { builders, rows, notes: [] } };
}
