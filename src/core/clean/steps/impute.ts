/**
 * Fill missing values in one column: mean, median (numpy's), mode (the most frequent; ties go to
 * the smallest value, as pandas' mode()[0] does) or a constant. Categories take mode or constant.
 */
import { withColumn } from '../../frame/select';
import type { Column, Dataset } from '../../frame/types';
import type { StepDefinition } from '../types';
import { checkColumns, count, findColumn, formatValue, percentileOfSorted, report, sortedPresent, str } from './stepParts';

export type ImputeMethod = 'mean' | 'median' | 'mode' | 'constant';

export interface ImputeStep {
  op: 'impute';
  column: string;
  method: ImputeMethod;
  /** For 'constant': a number for number columns, text for categories. */
  value?: number | string;
}

function numberFill(values: Float64Array, method: ImputeMethod, constant: unknown): number {
  if (method === 'constant') return typeof constant === 'number' ? constant : Number(constant);
  const sorted = sortedPresent(values);
  if (sorted.length === 0) return NaN;
  if (method === 'median') return percentileOfSorted(sorted, 50);
  if (method === 'mean') {
    let sum = 0;
    for (let i = 0; i < sorted.length; i++) sum += sorted[i];
    return sum / sorted.length;
  }
  // Mode over the sorted run lengths: the first (smallest) of the longest runs wins.
  let best = sorted[0];
  let bestRun = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestRun) {
      bestRun = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

function fillColumn(column: Column, method: ImputeMethod, constant: unknown): { column: Column; filled: number; fill: string } | string {
  if (column.storage === 'number') {
    if (method === 'constant' && !Number.isFinite(Number(constant))) return `"${column.name}" holds numbers: give a number to fill with.`;
    const fill = numberFill(column.values, method, constant);
    if (Number.isNaN(fill)) return `"${column.name}" has no values to take a ${method} from.`;
    const values = column.values.slice();
    let filled = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) (values[i] = fill), filled++;
    // A mean of integers is not an integer: the column becomes numeric rather than lying.
    const kind = column.kind === 'integer' && !Number.isInteger(fill) ? 'numeric' : column.kind;
    return { column: { ...column, kind, values }, filled, fill: column.kind === 'datetime' ? new Date(fill).toISOString().slice(0, 10) : formatValue(fill) };
  }
  if (method === 'mean' || method === 'median') return `"${column.name}" holds ${column.kind} values: use the most frequent value or a constant.`;
  let code: number;
  let dictionary = column.dictionary;
  if (method === 'constant') {
    const text = String(constant ?? '');
    if (!text) return 'Give the text to fill with.';
    code = dictionary.indexOf(text);
    if (code < 0) ((dictionary = [...dictionary, text]), (code = dictionary.length - 1));
  } else {
    const counts = new Int32Array(dictionary.length);
    for (let i = 0; i < column.codes.length; i++) if (column.codes[i] >= 0) counts[column.codes[i]]++;
    code = -1;
    // Ties go to the label that sorts first, as pandas' mode() sorts its result.
    for (let c = 0; c < counts.length; c++) if (counts[c] > 0 && (code < 0 || counts[c] > counts[code] || (counts[c] === counts[code] && dictionary[c] < dictionary[code]))) code = c;
    if (code < 0) return `"${column.name}" has no values to take the most frequent from.`;
  }
  const codes = column.codes.slice();
  let filled = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0) (codes[i] = code), filled++;
  return { column: { ...column, codes, dictionary }, filled, fill: `"${dictionary[code]}"` };
}

export const impute: StepDefinition = {
  op: 'impute',
  label: 'Fill missing values',
  check(step, dataset) {
    const problem = checkColumns(dataset, [str(step, 'column')]);
    if (problem) return problem;
    return ['mean', 'median', 'mode', 'constant'].includes(str(step, 'method')) ? null : 'Choose mean, median, most frequent or a constant.';
  },
  describe(step) {
    const method = str(step, 'method');
    return `Fill missing ${str(step, 'column')} with ${method === 'constant' ? `"${String(step.value ?? '')}"` : method === 'mode' ? 'the most frequent value' : `the ${method}`}`;
  },
  apply(dataset: Dataset, step) {
    const column = findColumn(dataset, str(step, 'column'))!;
    const out = fillColumn(column, str(step, 'method') as ImputeMethod, step.value);
    if (typeof out === 'string') return { ok: false, message: out };
    const next = withColumn(dataset, out.column);
    return { ok: true, dataset: next, report: report('impute', dataset, next, out.filled, `Filled ${count(out.filled, 'missing value')} in ${column.name} with ${out.fill}`) };
  },
};
