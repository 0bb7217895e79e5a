/**
 * Hand-built datasets for unit tests: numbers (NaN for missing) become number columns,
 * strings (null for missing) dictionary columns.
 */
import type { Column, ColumnKind, Dataset, DictionaryColumn, NumberColumn } from '../frame/types';

export type TestColumn =
  | number[]
  | (string | null)[]
  | { kind: ColumnKind; values: number[] | (string | null)[] };

export function makeColumn(name: string, spec: TestColumn): Column {
  const { kind, values } = Array.isArray(spec) ? { kind: undefined, values: spec } : spec;
  const isNumbers = values.every((v) => typeof v === 'number');
  if (isNumbers && kind !== 'categorical' && kind !== 'text') {
    return {
      storage: 'number',
      kind: (kind ?? 'numeric') as NumberColumn['kind'],
      name,
      values: Float64Array.from(values as number[]),
    };
  }
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values as (string | number | null)[], (v) => {
    if (v === null) return -1;
    const s = String(v);
    if (!index.has(s)) {
      index.set(s, dictionary.length);
      dictionary.push(s);
    }
    return index.get(s)!;
  });
  return { storage: 'dictionary', kind: (kind ?? 'categorical') as DictionaryColumn['kind'], name, codes, dictionary };
}

export function makeDataset(columns: Record<string, TestColumn>): Dataset {
  const cols = Object.entries(columns).map(([name, spec]) => makeColumn(name, spec));
  const first = cols[0];
  const rowCount = !first ? 0 : first.storage === 'number' ? first.values.length : first.codes.length;
  return {
    id: 'test',
    name: 'test.csv',
    rowCount,
    columns: cols,
    settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' },
    warnings: [],
    sourceBytes: 0,
  };
}

export function range(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
