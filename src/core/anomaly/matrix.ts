/**
 * Columns of a dataset as the isolation forest's row-major Float32 matrix. Which columns can be
 * used, and how a missing value is filled, is decided here and reported to the user:
 * - numeric, integer, boolean and datetime (epoch ms) columns are used as numbers; a missing
 *   value takes the column's median (so it sits inside the data and is never isolated for being
 *   missing);
 * - categorical columns (and boolean text columns) are used by their dictionary code, an
 *   arbitrary order the forest only splits on; a missing value is code -1, a category of its own;
 * - text and identifier columns are excluded: a forest on ids isolates nothing meaningful.
 */
import type { Column, Dataset } from '../frame/types';
import type { FeatureMatrix } from './forest';

export interface MatrixColumnNote {
  name: string;
  /** 'number' | 'code' for used columns; why for excluded ones. */
  use: 'number' | 'code';
  /** Missing values filled (with the median for numbers, code -1 for categories). */
  filled: number;
  /** The median used to fill, for number columns with missing values. */
  fill?: number;
}

export interface ExcludedColumn {
  name: string;
  why: string;
}

export interface AnomalyMatrix {
  matrix: FeatureMatrix;
  columns: MatrixColumnNote[];
  excluded: ExcludedColumn[];
}

/** Why a column cannot be used, or null when it can. */
export function unusableReason(column: Column): string | null {
  if (column.kind === 'text') return 'free text: the forest needs numbers or categories';
  if (column.kind === 'identifier') return 'an identifier: every value is different, so it isolates nothing meaningful';
  return null;
}

/** Columns the panel proposes: numeric ones (numbers, integers, datetimes, booleans), not ids. */
export function defaultAnomalyColumns(dataset: Dataset): string[] {
  return dataset.columns.filter((c) => c.storage === 'number' && c.kind !== 'identifier').map((c) => c.name);
}

/** The median of the present values, only computed when some are missing (it is only used to fill them). */
function medianFill(values: Float64Array): { median: number; missing: number } {
  let missing = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
  if (missing === 0) return { median: NaN, missing };
  if (missing === values.length) return { median: 0, missing };
  const present = new Float64Array(values.length - missing);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present[k++] = values[i];
  present.sort();
  const mid = present.length >> 1;
  return { median: present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2, missing };
}

export type MatrixResult = { ok: true; value: AnomalyMatrix } | { ok: false; message: string };

export function anomalyMatrix(dataset: Dataset, names: readonly string[]): MatrixResult {
  const missingNames = names.filter((n) => !dataset.columns.some((c) => c.name === n));
  if (missingNames.length) return { ok: false, message: `No column named ${missingNames.map((m) => `"${m}"`).join(', ')} in ${dataset.name}.` };
  const used: Column[] = [];
  const excluded: ExcludedColumn[] = [];
  for (const name of names) {
    const column = dataset.columns.find((c) => c.name === name)!;
    const why = unusableReason(column);
    if (why) excluded.push({ name, why });
    else used.push(column);
  }
  if (used.length === 0) return { ok: false, message: 'Choose at least one numeric, date, boolean or categorical column to look for anomalies in.' };
  if (dataset.rowCount < 2) return { ok: false, message: `${dataset.name} has ${dataset.rowCount} row${dataset.rowCount === 1 ? '' : 's'}: anomaly detection needs at least 2.` };
  const rows = dataset.rowCount;
  const d = used.length;
  const data = new Float32Array(rows * d);
  const notes: MatrixColumnNote[] = [];
  used.forEach((column, f) => {
    if (column.storage === 'dictionary') {
      let filled = 0;
      const codes = column.codes;
      for (let r = 0; r < rows; r++) {
        if (codes[r] < 0) filled++;
        data[r * d + f] = codes[r];
      }
      notes.push({ name: column.name, use: 'code', filled });
      return;
    }
    const values = column.values;
    const { median: fill, missing } = medianFill(values);
    for (let r = 0, at = f; r < rows; r++, at += d) {
      const v = values[r];
      data[at] = v === v ? v : fill;
    }
    notes.push(missing > 0 ? { name: column.name, use: 'number', filled: missing, fill } : { name: column.name, use: 'number', filled: 0 });
  });
  return { ok: true, value: { matrix: { data, rows, features: d }, columns: notes, excluded } };
}
