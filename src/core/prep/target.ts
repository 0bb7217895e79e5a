/**
 * The target column as numbers a model can learn: 0/1, class indices or values, plus the
 * class labels and which rows have a target at all.
 */
import type { Column, Dataset, Result } from '../frame/types';
import type { EncodedTarget, TargetSpec, TaskKind } from './types';

/** More classes than this is almost always an identifier or free text picked by mistake. */
export const MAX_CLASSES = 100;
/** Whole-number columns with at most this many distinct values are treated as classes. */
const MAX_INTEGER_CLASSES = 10;

/** Label per row (null when missing), read once per dictionary entry. */
function labelsOf(column: Column): (row: number) => string | null {
  if (column.storage === 'dictionary') {
    return (row) => (column.codes[row] < 0 ? null : column.dictionary[column.codes[row]]);
  }
  // Labels read as in the file: a 0/1 column's classes are "0" and "1", as the data table shows them.
  return (row) => {
    const v = column.values[row];
    if (!Number.isFinite(v)) return null;
    return String(v);
  };
}

function rowCountOf(column: Column): number {
  return column.storage === 'number' ? column.values.length : column.codes.length;
}

/** Counts per label; labels sorted numerically when they all are numbers, else as strings. */
function classCounts(column: Column): Map<string, number> {
  const label = labelsOf(column);
  const counts = new Map<string, number>();
  for (let r = 0; r < rowCountOf(column); r++) {
    const l = label(r);
    if (l !== null) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  const numeric = keys.every((k) => k.trim() !== '' && Number.isFinite(Number(k)));
  keys.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(keys.map((k) => [k, counts.get(k)!]));
}

/** The minority class; on a tie the later label, so 0/1 and false/true pick 1 and true. */
function minorityClass(counts: Map<string, number>): string {
  let best = '';
  let bestCount = Infinity;
  for (const [label, n] of counts) {
    if (n <= bestCount) {
      best = label;
      bestCount = n;
    }
  }
  return best;
}

export function inferTask(column: Column): { task: TaskKind; positiveClass?: string } {
  if (column.storage === 'number' && column.kind !== 'boolean') {
    const counts = classCounts(column);
    if (counts.size === 2) return { task: 'binary', positiveClass: minorityClass(counts) };
    const whole = [...counts.keys()].every((k) => Number.isInteger(Number(k)));
    if (column.kind !== 'datetime' && whole && counts.size > 2 && counts.size <= MAX_INTEGER_CLASSES) {
      return { task: 'multiclass' };
    }
    return { task: 'regression' };
  }
  const counts = classCounts(column);
  if (counts.size === 2) return { task: 'binary', positiveClass: minorityClass(counts) };
  return { task: 'multiclass' };
}

export function encodeTarget(ds: Dataset, spec: TargetSpec): Result<EncodedTarget, { message: string }> {
  const column = ds.columns.find((c) => c.name === spec.column);
  if (!column) return fail(`There is no column named "${spec.column}".`);
  const n = rowCountOf(column);
  const y = new Float32Array(n).fill(NaN);
  const rows: number[] = [];

  if (spec.task === 'regression') {
    if (column.storage !== 'number' || column.kind === 'boolean') {
      return fail(`"${column.name}" is not numeric, so it cannot be a regression target. Choose classification instead.`);
    }
    for (let r = 0; r < n; r++) {
      const v = column.values[r];
      if (Number.isFinite(v)) {
        y[r] = v;
        rows.push(r);
      }
    }
    if (rows.length < 2) return fail(`"${column.name}" has fewer than two rows with a value.`);
    return { ok: true, value: { y, classes: [], rowsWithTarget: Int32Array.from(rows) } };
  }

  const counts = classCounts(column);
  if (counts.size < 2) {
    const only = [...counts.keys()][0];
    return fail(
      counts.size === 0
        ? `"${column.name}" has no values to learn from.`
        : `"${column.name}" has only one class ("${only}") in the rows with a value: there is nothing to tell apart. Pick another target or add rows of another class.`,
    );
  }
  let classes = [...counts.keys()];
  if (spec.task === 'binary') {
    if (counts.size > 2) {
      return fail(`"${column.name}" has ${counts.size} classes; binary needs exactly two. Use multiclass instead.`);
    }
    const positive = spec.positiveClass ?? minorityClass(counts);
    if (!counts.has(positive)) return fail(`"${positive}" is not a class of "${column.name}".`);
    classes = [classes.find((c) => c !== positive)!, positive];
  } else if (counts.size > MAX_CLASSES) {
    return fail(`"${column.name}" has ${counts.size} distinct values, more than ${MAX_CLASSES} classes: is it an identifier or a number?`);
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  const label = labelsOf(column);
  for (let r = 0; r < n; r++) {
    const l = label(r);
    if (l !== null) {
      y[r] = index.get(l)!;
      rows.push(r);
    }
  }
  return { ok: true, value: { y, classes, rowsWithTarget: Int32Array.from(rows) } };
}

function fail(message: string): { ok: false; error: { message: string } } {
  return { ok: false, error: { message } };
}
