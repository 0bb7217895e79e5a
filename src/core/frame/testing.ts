/** Small helpers shared by this folder's tests (not used by the app). */
import { ingestBytes, type IngestOptions } from './ingest';
import type { Column, Dataset, LoadError, Result } from './types';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function load(text: string | Uint8Array, options: Partial<IngestOptions> = {}): Dataset {
  const result = ingestBytes(typeof text === 'string' ? utf8(text) : text, { id: 't', name: 't.csv', ...options });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function loadError(text: string | Uint8Array, options: Partial<IngestOptions> = {}): LoadError {
  const result: Result<Dataset> = ingestBytes(typeof text === 'string' ? utf8(text) : text, { id: 't', name: 't.csv', ...options });
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

/** A column's values as display text (null = missing). */
export function texts(column: Column): (string | null)[] {
  if (column.storage === 'dictionary') return Array.from(column.codes, (c) => (c >= 0 ? column.dictionary[c] : null));
  return Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)));
}

export function col(ds: Dataset, name: string): Column {
  const column = ds.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no column ${name}`);
  return column;
}
