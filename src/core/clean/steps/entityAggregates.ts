/**
 * Per-entity aggregates joined back to every row: group by a key (user_id) and add, per row,
 * its group's count, sum / mean / std (ddof = 1, as pandas) / min / max of a number column,
 * first and last date, days since the last date (counted back from the latest date in that
 * column, the dataset's "now"), and is_recurring (the key appears more than once).
 * Rows with a missing key get missing aggregates. One pass to group, one to aggregate.
 */
import type { Column, Dataset, NumberColumn } from '../../frame/types';
import type { StepDefinition } from '../types';
import { checkColumns, count, findColumn, freeName, numberColumn, report, str, strList } from './stepParts';

export type Aggregate = 'count' | 'sum' | 'mean' | 'std' | 'min' | 'max' | 'first-date' | 'last-date' | 'days-since-last' | 'is-recurring';

export interface EntityAggregatesStep {
  op: 'entity-aggregates';
  key: string;
  /** The number column for sum/mean/std/min/max. */
  value?: string;
  /** The date column for first/last date and days since last. */
  date?: string;
  aggregates: Aggregate[];
}

const NEEDS_VALUE: Aggregate[] = ['sum', 'mean', 'std', 'min', 'max'];
const NEEDS_DATE: Aggregate[] = ['first-date', 'last-date', 'days-since-last'];
const ALL: Aggregate[] = ['count', 'sum', 'mean', 'std', 'min', 'max', 'first-date', 'last-date', 'days-since-last', 'is-recurring'];
const DAY_MS = 86_400_000;

/** Group index per row (-1 for a missing key) and the number of groups. */
export function groupOf(key: Column, rowCount: number): { group: Int32Array; groups: number } {
  const group = new Int32Array(rowCount);
  if (key.storage === 'dictionary') {
    // Codes are already groups; renumber densely so unused dictionary entries cost nothing.
    const dense = new Int32Array(key.dictionary.length).fill(-1);
    let groups = 0;
    for (let r = 0; r < rowCount; r++) {
      const c = key.codes[r];
      group[r] = c < 0 ? -1 : dense[c] >= 0 ? dense[c] : (dense[c] = groups++);
    }
    return { group, groups };
  }
  const ids = new Map<number, number>();
  for (let r = 0; r < rowCount; r++) {
    const v = key.values[r];
    if (v !== v) {
      group[r] = -1;
      continue;
    }
    let g = ids.get(v);
    if (g === undefined) ids.set(v, (g = ids.size));
    group[r] = g;
  }
  return { group, groups: ids.size };
}

export const entityAggregates: StepDefinition = {
  op: 'entity-aggregates',
  label: 'Add per-entity aggregates',
  check(step, dataset) {
    const aggregates = strList(step, 'aggregates') as Aggregate[];
    if (!aggregates.length || !aggregates.every((a) => ALL.includes(a))) return 'Choose at least one aggregate.';
    const problem = checkColumns(dataset, [str(step, 'key')]);
    if (problem) return problem;
    if (aggregates.some((a) => NEEDS_VALUE.includes(a))) {
      const p = checkColumns(dataset, [str(step, 'value')], true);
      if (p) return `Sum, mean, std, min and max need a number column: ${p}`;
    }
    if (aggregates.some((a) => NEEDS_DATE.includes(a))) {
      const p = checkColumns(dataset, [str(step, 'date')], true);
      if (p) return `Dates need a date column: ${p}`;
      if (findColumn(dataset, str(step, 'date'))!.kind !== 'datetime') return `"${str(step, 'date')}" is not a date column.`;
    }
    return null;
  },
  describe(step) {
    const a = strList(step, 'aggregates');
    const of = [str(step, 'value'), str(step, 'date')].filter(Boolean);
    return `Per ${str(step, 'key')}: ${a.join(', ')}${of.length ? ` of ${of.join(' / ')}` : ''}`;
  },
  apply(dataset: Dataset, step) {
    const key = findColumn(dataset, str(step, 'key'))!;
    const aggregates = strList(step, 'aggregates') as Aggregate[];
    const n = dataset.rowCount;
    const { group, groups } = groupOf(key, n);
    const counts = new Float64Array(groups);
    for (let r = 0; r < n; r++) if (group[r] >= 0) counts[group[r]]++;
    const per = new Map<Aggregate, Float64Array>();
    const wantValue = aggregates.some((a) => NEEDS_VALUE.includes(a));
    if (wantValue) {
      const values = numberColumn(dataset, str(step, 'value')).values;
      const sum = new Float64Array(groups), present = new Float64Array(groups);
      const min = new Float64Array(groups).fill(Infinity), max = new Float64Array(groups).fill(-Infinity);
      for (let r = 0; r < n; r++) {
        const g = group[r], v = values[r];
        if (g < 0 || v !== v) continue;
        sum[g] += v;
        present[g]++;
        if (v < min[g]) min[g] = v;
        if (v > max[g]) max[g] = v;
      }
      const mean = new Float64Array(groups);
      for (let g = 0; g < groups; g++) mean[g] = present[g] > 0 ? sum[g] / present[g] : NaN;
      // Two-pass variance around the group mean: stable where sum of squares would cancel.
      const squares = new Float64Array(groups);
      for (let r = 0; r < n; r++) {
        const g = group[r], v = values[r];
        if (g >= 0 && v === v) squares[g] += (v - mean[g]) * (v - mean[g]);
      }
      const std = new Float64Array(groups);
      for (let g = 0; g < groups; g++) {
        std[g] = present[g] > 1 ? Math.sqrt(squares[g] / (present[g] - 1)) : NaN;
        if (present[g] === 0) ((min[g] = NaN), (max[g] = NaN));
      }
      // pandas' sum of an all-missing group is 0.
      per.set('sum', sum).set('mean', mean).set('std', std).set('min', min).set('max', max);
    }
    if (aggregates.some((a) => NEEDS_DATE.includes(a))) {
      const dates = numberColumn(dataset, str(step, 'date')).values;
      const first = new Float64Array(groups).fill(NaN), last = new Float64Array(groups).fill(NaN);
      let latest = -Infinity;
      for (let r = 0; r < n; r++) {
        const g = group[r], d = dates[r];
        if (d !== d) continue;
        if (d > latest) latest = d;
        if (g < 0) continue;
        if (!(d >= first[g])) first[g] = d;
        if (!(d <= last[g])) last[g] = d;
      }
      const since = new Float64Array(groups);
      for (let g = 0; g < groups; g++) since[g] = (latest - last[g]) / DAY_MS;
      per.set('first-date', first).set('last-date', last).set('days-since-last', since);
    }
    const recurring = new Float64Array(groups);
    for (let g = 0; g < groups; g++) recurring[g] = counts[g] > 1 ? 1 : 0;
    per.set('count', counts).set('is-recurring', recurring);

    let next = dataset;
    const base = str(step, 'key');
    const added: NumberColumn[] = [];
    for (const aggregate of aggregates) {
      const byGroup = per.get(aggregate)!;
      const suffix = NEEDS_VALUE.includes(aggregate) ? `${aggregate}_${str(step, 'value')}` : aggregate.replace(/-/g, '_');
      const kind: NumberColumn['kind'] = aggregate === 'is-recurring' ? 'boolean' : aggregate === 'first-date' || aggregate === 'last-date' ? 'datetime' : aggregate === 'count' ? 'integer' : 'numeric';
      const values = new Float64Array(n);
      for (let r = 0; r < n; r++) values[r] = group[r] < 0 ? NaN : byGroup[group[r]];
      const column: NumberColumn = { storage: 'number', kind, name: freeName(next, `${base}_${suffix}`), values };
      next = { ...next, columns: [...next.columns, column] };
      added.push(column);
    }
    return { ok: true, dataset: next, report: report('entity-aggregates', dataset, next, 0, `Added ${count(added.length, 'column')} over ${count(groups, `${base} value`)}`) };
  },
};
