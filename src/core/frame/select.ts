/**
 * Building new datasets from old ones without touching the original: keep some rows, replace or
 * add columns. Cleaning steps and anything else that makes a dataset version use these.
 */
import type { Column, Dataset } from './types';

/** The rows whose flag is 1, in order. Dictionaries are kept whole (codes still index them). */
export function selectRows(dataset: Dataset, keep: Uint8Array): Dataset {
  let count = 0;
  for (let i = 0; i < dataset.rowCount; i++) count += keep[i] ? 1 : 0;
  if (count === dataset.rowCount) return { ...dataset };
  const rows = new Int32Array(count);
  for (let i = 0, j = 0; i < dataset.rowCount; i++) if (keep[i]) rows[j++] = i;
  return { ...dataset, rowCount: count, columns: dataset.columns.map((c) => takeColumnRows(c, rows)) };
}

export function takeColumnRows(column: Column, rows: Int32Array): Column {
  if (column.storage === 'number') {
    const values = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) values[j] = column.values[rows[j]];
    return { ...column, values };
  }
  const codes = new Int32Array(rows.length);
  for (let j = 0; j < rows.length; j++) codes[j] = column.codes[rows[j]];
  return { ...column, codes };
}

/** The same dataset with one column swapped for another of the same name, or appended when new. */
export function withColumn(dataset: Dataset, column: Column): Dataset {
  const at = dataset.columns.findIndex((c) => c.name === column.name);
  const columns = at < 0 ? [...dataset.columns, column] : dataset.columns.map((c, i) => (i === at ? column : c));
  return { ...dataset, columns };
}

export function withoutColumns(dataset: Dataset, names: readonly string[]): Dataset {
  const drop = new Set(names);
  return { ...dataset, columns: dataset.columns.filter((c) => !drop.has(c.name)) };
}

export function columnNamed(dataset: Dataset, name: string): Column | null {
  return dataset.columns.find((c) => c.name === name) ?? null;
}
