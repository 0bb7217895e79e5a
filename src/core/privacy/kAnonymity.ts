/**
 * k-anonymity on chosen quasi-identifiers: rows sharing every quasi-identifier value form an
 * equivalence class; k is the smallest class. A missing value is a value of its own, as an
 * attacker would see it. The smallest groups carry their values for the page only; nothing here
 * is written to the audit log.
 */
import type { Column, Dataset } from '../frame/types';

export interface EquivalenceGroup {
  size: number;
  /** The quasi-identifier values of the group, in column order ("(missing)" for missing). */
  values: string[];
}

export interface GroupSizeBucket {
  /** "1", "2", "3–4", "5–9", ... */
  label: string;
  groups: number;
  rows: number;
}

export interface KAnonymityReport {
  columns: string[];
  rows: number;
  groups: number;
  /** The smallest equivalence class size (0 for an empty dataset). */
  k: number;
  smallest: EquivalenceGroup[];
  distribution: GroupSizeBucket[];
  targetK: number;
  /** Groups smaller than targetK, and the rows in them: the rows to suppress to reach targetK. */
  groupsBelowTarget: number;
  rowsToSuppress: number;
}

const BUCKETS: [number, number, string][] = [[1, 1, '1'], [2, 2, '2'], [3, 4, '3–4'], [5, 9, '5–9'], [10, 19, '10–19'], [20, 49, '20–49'], [50, 99, '50–99'], [100, Infinity, '100+']];

/** Per column, a small integer per row (0 = missing), and a way back to the value as text. */
function codesOf(column: Column, rows: number): { codes: Int32Array; cardinality: number; label(code: number): string } {
  const codes = new Int32Array(rows);
  if (column.storage === 'dictionary') {
    for (let r = 0; r < rows; r++) codes[r] = column.codes[r] + 1;
    return { codes, cardinality: column.dictionary.length + 1, label: (c) => (c === 0 ? '(missing)' : column.dictionary[c - 1]) };
  }
  const ids = new Map<number, number>();
  const back: number[] = [NaN];
  for (let r = 0; r < rows; r++) {
    const v = column.values[r];
    if (Number.isNaN(v)) continue;
    let id = ids.get(v);
    if (id === undefined) {
      id = back.length;
      ids.set(v, id);
      back.push(v);
    }
    codes[r] = id;
  }
  const text = (v: number) => (column.kind === 'datetime' ? new Date(v).toISOString().slice(0, 10) : String(v));
  return { codes, cardinality: back.length, label: (c) => (c === 0 ? '(missing)' : text(back[c])) };
}

export function kAnonymity(dataset: Dataset, columnNames: readonly string[], targetK: number, smallestCount = 10): KAnonymityReport | string {
  if (columnNames.length === 0) return 'Choose at least one quasi-identifier column.';
  if (!Number.isInteger(targetK) || targetK < 1) return 'The k to reach must be a whole number of at least 1.';
  const columns: Column[] = [];
  for (const name of columnNames) {
    const c = dataset.columns.find((x) => x.name === name);
    if (!c) return `No column named "${name}" in ${dataset.name}.`;
    columns.push(c);
  }
  const n = dataset.rowCount;
  const coded = columns.map((c) => codesOf(c, n));
  // A mixed-radix number keys the combination while it stays exact; strings beyond that.
  const exact = coded.reduce((p, c) => p * c.cardinality, 1) < 2 ** 52;
  const counts = new Map<number | string, number>();
  const firstRow = new Map<number | string, number>();
  for (let r = 0; r < n; r++) {
    let key: number | string;
    if (exact) {
      key = 0;
      for (const c of coded) key = key * c.cardinality + c.codes[r];
    } else key = coded.map((c) => c.codes[r]).join(',');
    const seen = counts.get(key);
    if (seen === undefined) {
      counts.set(key, 1);
      firstRow.set(key, r);
    } else counts.set(key, seen + 1);
  }
  const distribution = BUCKETS.map(([, , label]) => ({ label, groups: 0, rows: 0 }));
  let k = Infinity;
  let groupsBelowTarget = 0;
  let rowsToSuppress = 0;
  const all: { size: number; row: number }[] = [];
  for (const [key, size] of counts) {
    k = Math.min(k, size);
    const b = BUCKETS.findIndex(([lo, hi]) => size >= lo && size <= hi);
    distribution[b].groups++;
    distribution[b].rows += size;
    if (size < targetK) (groupsBelowTarget++, (rowsToSuppress += size));
    all.push({ size, row: firstRow.get(key)! });
  }
  // Smallest first; ties in file order, so the same data gives the same list.
  all.sort((a, b) => a.size - b.size || a.row - b.row);
  const smallest = all.slice(0, smallestCount).map((g) => ({ size: g.size, values: coded.map((c) => c.label(c.codes[g.row])) }));
  return { columns: [...columnNames], rows: n, groups: counts.size, k: counts.size ? k : 0, smallest, distribution: distribution.filter((d) => d.groups > 0), targetK, groupsBelowTarget, rowsToSuppress };
}
