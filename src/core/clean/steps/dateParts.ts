/**
 * Split a date column into parts a model can use: year, month (1–12), day of month, weekday
 * (0 = Monday, as pandas' dayofweek) and hour, all in UTC, as Loupe stores dates.
 */
import type { Dataset, NumberColumn } from '../../frame/types';
import type { StepDefinition } from '../types';
import { checkColumns, count, freeName, numberColumn, report, str, strList } from './stepParts';

export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour';

export interface DatePartsStep {
  op: 'date-parts';
  column: string;
  parts: DatePart[];
}

const PARTS: Record<DatePart, (d: Date) => number> = {
  year: (d) => d.getUTCFullYear(),
  month: (d) => d.getUTCMonth() + 1,
  day: (d) => d.getUTCDate(),
  weekday: (d) => (d.getUTCDay() + 6) % 7,
  hour: (d) => d.getUTCHours(),
};

export const dateParts: StepDefinition = {
  op: 'date-parts',
  label: 'Split a date into parts',
  check(step, dataset) {
    const problem = checkColumns(dataset, [str(step, 'column')], true);
    if (problem) return problem;
    if (numberColumn(dataset, str(step, 'column')).kind !== 'datetime') return `"${str(step, 'column')}" is not a date column (change its type to datetime first).`;
    const parts = strList(step, 'parts');
    return parts.length && parts.every((p) => p in PARTS) ? null : 'Choose at least one part.';
  },
  describe(step) {
    return `Split ${str(step, 'column')} into ${strList(step, 'parts').join(', ')}`;
  },
  apply(dataset: Dataset, step) {
    const source = numberColumn(dataset, str(step, 'column'));
    let next = dataset;
    const parts = strList(step, 'parts') as DatePart[];
    const columns: NumberColumn[] = parts.map((part) => ({ storage: 'number', kind: 'integer', name: freeName(next, `${source.name}_${part}`), values: new Float64Array(dataset.rowCount) }));
    const date = new Date(0);
    for (let i = 0; i < dataset.rowCount; i++) {
      const ms = source.values[i];
      if (ms !== ms) {
        for (const c of columns) c.values[i] = NaN;
        continue;
      }
      date.setTime(ms);
      for (let p = 0; p < parts.length; p++) columns[p].values[i] = PARTS[parts[p]](date);
    }
    next = { ...dataset, columns: [...dataset.columns, ...columns] };
    return { ok: true, dataset: next, report: report('date-parts', dataset, next, 0, `Added ${count(columns.length, 'column')}: ${columns.map((c) => c.name).join(', ')}`) };
  },
};
