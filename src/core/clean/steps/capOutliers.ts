/**
 * Cap outliers in a number column at fences: Tukey's IQR fences (Q1 − k·IQR, Q3 + k·IQR) or two
 * percentiles; quartiles and percentiles are numpy's linear ones. Missing values stay missing.
 */
import { withColumn } from '../../frame/select';
import type { Dataset } from '../../frame/types';
import type { StepDefinition } from '../types';
import { checkColumns, count, formatValue, num, numberColumn, percentileOfSorted, report, sortedPresent, str } from './stepParts';

export interface CapOutliersStep {
  op: 'cap-outliers';
  column: string;
  method: 'iqr' | 'percentile';
  /** IQR factor, 1.5 by default. */
  k?: number;
  /** Percentiles, 1 and 99 by default. */
  low?: number;
  high?: number;
}

export function capFences(values: Float64Array, step: { method: string; k?: number; low?: number; high?: number }): [number, number] {
  const sorted = sortedPresent(values);
  if (step.method === 'percentile') return [percentileOfSorted(sorted, step.low ?? 1), percentileOfSorted(sorted, step.high ?? 99)];
  const q1 = percentileOfSorted(sorted, 25);
  const q3 = percentileOfSorted(sorted, 75);
  const k = step.k ?? 1.5;
  return [q1 - k * (q3 - q1), q3 + k * (q3 - q1)];
}

export const capOutliers: StepDefinition = {
  op: 'cap-outliers',
  label: 'Cap outliers',
  check(step, dataset) {
    const problem = checkColumns(dataset, [str(step, 'column')], true);
    if (problem) return problem;
    if (str(step, 'method') === 'percentile') {
      const low = num(step, 'low', 1);
      const high = num(step, 'high', 99);
      return low >= 0 && high <= 100 && low < high ? null : 'Percentiles must satisfy 0 ≤ low < high ≤ 100.';
    }
    return num(step, 'k', 1.5) > 0 ? null : 'The IQR factor must be above 0.';
  },
  describe(step) {
    return str(step, 'method') === 'percentile'
      ? `Cap ${str(step, 'column')} at its ${num(step, 'low', 1)}th and ${num(step, 'high', 99)}th percentiles`
      : `Cap ${str(step, 'column')} at ${num(step, 'k', 1.5)} × IQR beyond the quartiles`;
  },
  apply(dataset: Dataset, step) {
    const column = numberColumn(dataset, str(step, 'column'));
    const [low, high] = capFences(column.values, { method: str(step, 'method'), k: num(step, 'k', 1.5), low: num(step, 'low', 1), high: num(step, 'high', 99) });
    const values = column.values.slice();
    let changed = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < low) (values[i] = low), changed++;
      else if (v > high) (values[i] = high), changed++;
    }
    const kind = column.kind === 'integer' && changed > 0 && !(Number.isInteger(low) && Number.isInteger(high)) ? 'numeric' : column.kind;
    const next = withColumn(dataset, { ...column, kind, values });
    return { ok: true, dataset: next, report: report('cap-outliers', dataset, next, changed, `Capped ${count(changed, 'value')} of ${column.name} to [${formatValue(low)}, ${formatValue(high)}]`) };
  },
};
