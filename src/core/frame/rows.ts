/** One page of rows formatted for display: the only row data that ever leaves the worker. */
import { allMidnight, formatDateTime } from './datetime';
import { formatNumber } from './number';
import type { Column, Dataset } from './types';

export interface RowPage {
  offset: number;
  total: number;
  columns: string[];
  /** Cells as text (datetimes ISO, numbers as typed); null is missing. */
  rows: (string | null)[][];
}

/** A formatter for one column; datetime columns of whole days show dates without a time. */
export function cellFormatter(column: Column): (row: number) => string | null {
  if (column.storage === 'dictionary') {
    const { codes, dictionary } = column;
    return (row) => (codes[row] >= 0 ? dictionary[codes[row]] : null);
  }
  const values = column.values;
  if (column.kind === 'datetime') {
    const dateOnly = allMidnight(values);
    return (row) => (values[row] === values[row] ? formatDateTime(values[row], dateOnly) : null);
  }
  return (row) => (values[row] === values[row] ? formatNumber(values[row]) : null);
}

export function rowPage(ds: Dataset, offset: number, limit: number): RowPage {
  const start = Math.max(0, Math.min(Math.floor(offset), ds.rowCount));
  const end = Math.max(start, Math.min(ds.rowCount, start + Math.max(0, Math.floor(limit))));
  const formatters = ds.columns.map(cellFormatter);
  const rows: (string | null)[][] = [];
  for (let row = start; row < end; row++) rows.push(formatters.map((format) => format(row)));
  return { offset: start, total: ds.rowCount, columns: ds.columns.map((c) => c.name), rows };
}
