/**
 * Steps that rewrite a column's values as text (mask, pseudonymise, generalise) work on its
 * distinct values, not its rows: each distinct value is turned once, and the rows only re-index.
 * This is what keeps a 1M-row column fast when every value needs a hash.
 */
import type { Column, DictionaryColumn } from '../../frame/types';

export interface DistinctTexts {
  /** Each distinct present value as text. */
  texts: string[];
  /** Per row, the index into texts, or -1 when missing. */
  codes: Int32Array;
  present: number;
}

export function numberText(column: Column, v: number): string {
  if (column.kind === 'datetime') return new Date(v).toISOString();
  return String(v);
}

export function distinctTexts(column: Column, rowCount: number): DistinctTexts {
  if (column.storage === 'dictionary') {
    let present = 0;
    for (let r = 0; r < rowCount; r++) if (column.codes[r] >= 0) present++;
    return { texts: column.dictionary, codes: column.codes, present };
  }
  const ids = new Map<number, number>();
  const texts: string[] = [];
  const codes = new Int32Array(rowCount);
  let present = 0;
  for (let r = 0; r < rowCount; r++) {
    const v = column.values[r];
    if (Number.isNaN(v)) {
      codes[r] = -1;
      continue;
    }
    present++;
    let id = ids.get(v);
    if (id === undefined) {
      id = texts.length;
      ids.set(v, id);
      texts.push(numberText(column, v));
    }
    codes[r] = id;
  }
  return { texts, codes, present };
}

/**
 * A dictionary column from distinct texts turned into new ones (null = missing). Equal outputs
 * share one entry, so a band or a prefix is one category. `order` sorts the new dictionary.
 */
export function reencode(name: string, kind: DictionaryColumn['kind'], source: DistinctTexts, mapped: readonly (string | null)[], order?: (a: string, b: string) => number): DictionaryColumn {
  const distinct = [...new Set(mapped.filter((m): m is string => m !== null))];
  if (order) distinct.sort(order);
  const index = new Map(distinct.map((d, i) => [d, i]));
  const remap = Int32Array.from(mapped, (m) => (m === null ? -1 : index.get(m)!));
  const codes = new Int32Array(source.codes.length);
  for (let r = 0; r < codes.length; r++) {
    const c = source.codes[r];
    codes[r] = c < 0 ? -1 : remap[c];
  }
  return { storage: 'dictionary', kind, name, codes, dictionary: distinct };
}

/** The names a step lists under `columns`, as strings. */
export function stepColumns(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function missingColumnProblem(names: readonly string[], dataset: { name: string; columns: { name: string }[] }): string | null {
  if (names.length === 0) return 'Choose at least one column.';
  const missing = names.filter((n) => !dataset.columns.some((c) => c.name === n));
  return missing.length ? `No column named ${missing.map((m) => `"${m}"`).join(', ')} in ${dataset.name}.` : null;
}

export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
