/**
 * What the cleaning steps share: reading a step's parameters safely (steps come from JSON
 * files), finding columns with a message naming the missing one, and sorted-value statistics
 * with numpy's conventions (linear percentiles), so a recipe's numbers match pandas'.
 */
import type { Column, Dataset, NumberColumn } from '../../frame/types';
import type { RecipeStep, StepReport } from '../types';

export const str = (step: RecipeStep, key: string, fallback = ''): string => (typeof step[key] === 'string' ? (step[key] as string) : fallback);
export const num = (step: RecipeStep, key: string, fallback: number): number => (typeof step[key] === 'number' && Number.isFinite(step[key]) ? (step[key] as number) : fallback);
export const strList = (step: RecipeStep, key: string): string[] => (Array.isArray(step[key]) ? (step[key] as unknown[]).filter((v): v is string => typeof v === 'string') : []);

export function findColumn(dataset: Dataset, name: string): Column | null {
  return dataset.columns.find((c) => c.name === name) ?? null;
}

/** null when the columns exist (and are numbers when asked), else the message. */
export function checkColumns(dataset: Dataset, names: string[], needNumbers = false): string | null {
  for (const name of names) {
    if (!name) return 'Choose a column.';
    const column = findColumn(dataset, name);
    if (!column) return `No column named "${name}" in ${dataset.name}.`;
    if (needNumbers && column.storage !== 'number') return `"${name}" holds ${column.kind} values, not numbers.`;
  }
  return null;
}

export function numberColumn(dataset: Dataset, name: string): NumberColumn {
  const column = findColumn(dataset, name);
  if (!column || column.storage !== 'number') throw new Error(`"${name}" is not a number column`);
  return column;
}

/** The present (non-NaN) values, sorted ascending. */
export function sortedPresent(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const out = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i++) if (values[i] === values[i]) out[j++] = values[i];
  return out.sort();
}

/** numpy.percentile's default ('linear'): position (n − 1)·p/100 between the two nearest values. */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const at = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function report(op: string, before: Dataset, after: Dataset, valuesChanged: number, summary: string): StepReport {
  const had = new Set(before.columns.map((c) => c.name));
  const has = new Set(after.columns.map((c) => c.name));
  return {
    op,
    rowsBefore: before.rowCount,
    rowsAfter: after.rowCount,
    valuesChanged,
    columnsAdded: after.columns.filter((c) => !had.has(c.name)).map((c) => c.name),
    columnsRemoved: before.columns.filter((c) => !has.has(c.name)).map((c) => c.name),
    summary,
  };
}

export const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A new column name that does not clash with one the dataset has. */
export function freeName(dataset: Dataset, wanted: string): string {
  const names = new Set(dataset.columns.map((c) => c.name));
  if (!names.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!names.has(`${wanted}_${i}`)) return `${wanted}_${i}`;
}

export function formatValue(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : Number(v.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}
