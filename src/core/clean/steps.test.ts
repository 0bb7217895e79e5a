/**
 * The cleaning steps against numpy (fixtures/make_clean_fixture.py: pandas' conventions written
 * with numpy, since pandas is not on the reference machine) and against hand-computed cases.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, DictionaryColumn, NumberColumn } from '../frame/types';
import reference from './fixtures/clean_reference.json';
import { applyRecipe } from './recipe';
import type { RecipeStep } from './types';

const nums = (a: (number | null)[]) => Float64Array.from(a, (v) => (v === null ? NaN : v));

function fixture(): Dataset {
  return {
    id: 'f', name: 'orders.csv', rowCount: reference.amount.length, settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' }, warnings: [], sourceBytes: 0,
    columns: [
      { storage: 'number', kind: 'identifier', name: 'user_id', values: nums(reference.user_id) },
      { storage: 'number', kind: 'numeric', name: 'amount', values: nums(reference.amount) },
      { storage: 'number', kind: 'datetime', name: 'ts', values: nums(reference.ts) },
    ],
  };
}

function small(): Dataset {
  return {
    id: 's', name: 'small.csv', rowCount: 6, settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' }, warnings: [], sourceBytes: 0,
    columns: [
      { storage: 'number', kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, NaN, 4, 100, 2]) },
      { storage: 'number', kind: 'numeric', name: 'y', values: Float64Array.from([2, 0, 1, 4, 5, 2]) },
      { storage: 'dictionary', kind: 'categorical', name: 'plan', codes: Int32Array.from([0, 1, -1, 1, 0, 1]), dictionary: ['free', 'pro'] },
      { storage: 'dictionary', kind: 'text', name: 'note', codes: Int32Array.from([0, 1, 2, -1, 0, 1]), dictionary: ['hi', 'héllo', ''] },
      { storage: 'number', kind: 'datetime', name: 'at', values: Float64Array.from([Date.UTC(2024, 0, 1, 13), Date.UTC(2024, 1, 29), NaN, Date.UTC(2023, 11, 31, 23), Date.UTC(2024, 5, 3), Date.UTC(2024, 5, 4)]) },
    ],
  };
}

async function run(ds: Dataset, ...steps: RecipeStep[]) {
  const out = await applyRecipe(ds, steps, { secrets: {} });
  if (!out.ok) throw new Error(out.message);
  return out;
}
const col = (ds: Dataset, name: string) => ds.columns.find((c) => c.name === name)!;
const values = (ds: Dataset, name: string) => Array.from((col(ds, name) as NumberColumn).values);

describe('impute', () => {
  it('mean and median equal numpy nanmean / nanmedian and count what they filled', async () => {
    for (const method of ['mean', 'median'] as const) {
      const out = await run(fixture(), { op: 'impute', column: 'amount', method });
      const missing = reference.amount.filter((v) => v === null).length;
      expect(out.reports[0].valuesChanged).toBe(missing);
      const at = reference.amount.indexOf(null);
      expect(values(out.dataset, 'amount')[at]).toBeCloseTo(reference[method], 9);
    }
  });
  it('mode takes the most frequent (smallest on ties); categories take mode or a constant', async () => {
    expect(values((await run(small(), { op: 'impute', column: 'x', method: 'mode' })).dataset, 'x')[2]).toBe(2);
    const mode = (await run(small(), { op: 'impute', column: 'plan', method: 'mode' })).dataset;
    expect((col(mode, 'plan') as DictionaryColumn).codes[2]).toBe(1);
    const constant = (await run(small(), { op: 'impute', column: 'plan', method: 'constant', value: 'unknown' })).dataset;
    const plan = col(constant, 'plan') as DictionaryColumn;
    expect(plan.dictionary[plan.codes[2]]).toBe('unknown');
  });
  it('refuses a median of categories with a message', async () => {
    const out = await applyRecipe(small(), [{ op: 'impute', column: 'plan', method: 'median' }], { secrets: {} });
    expect(out.ok ? '' : out.message).toContain('use the most frequent value or a constant');
  });
});

describe('cap outliers', () => {
  it('IQR fences and percentile caps equal numpy', async () => {
    const iqr = await run(fixture(), { op: 'cap-outliers', column: 'amount', method: 'iqr', k: 1.5 });
    const capped = values(iqr.dataset, 'amount').filter((v) => !Number.isNaN(v));
    expect(Math.max(...capped)).toBeCloseTo(Math.min(reference.iqr_fences[1], Math.max(...(reference.amount.filter((v) => v !== null) as number[]))), 9);
    expect(iqr.reports[0].valuesChanged).toBe(reference.capped_iqr);
    const pct = await run(fixture(), { op: 'cap-outliers', column: 'amount', method: 'percentile', low: 5, high: 95 });
    const p = values(pct.dataset, 'amount').filter((v) => !Number.isNaN(v));
    expect(Math.min(...p)).toBeCloseTo(reference.pct_fences_5_95[0], 9);
    expect(Math.max(...p)).toBeCloseTo(reference.pct_fences_5_95[1], 9);
  });
});

describe('filter rows', () => {
  it('keeps and drops by comparisons, missing and contains', async () => {
    expect((await run(small(), { op: 'filter-rows', column: 'x', test: '>', value: 1, keep: true })).dataset.rowCount).toBe(4);
    expect((await run(small(), { op: 'filter-rows', column: 'x', test: 'missing', keep: false })).dataset.rowCount).toBe(5);
    expect((await run(small(), { op: 'filter-rows', column: 'plan', test: '=', value: 'pro', keep: true })).dataset.rowCount).toBe(3);
    expect((await run(small(), { op: 'filter-rows', column: 'note', test: 'contains', value: 'H', keep: true })).dataset.rowCount).toBe(4);
    expect((await run(small(), { op: 'filter-rows', column: 'at', test: '>=', value: '2024-02-01', keep: true })).dataset.rowCount).toBe(3);
  });
  it('says why a value cannot be compared, and refuses to drop every row', async () => {
    const bad = await applyRecipe(small(), [{ op: 'filter-rows', column: 'x', test: '<', value: 'ten', keep: true }], { secrets: {} });
    expect(bad.ok ? '' : bad.message).toContain('"ten" is not a number');
    const none = await applyRecipe(small(), [{ op: 'filter-rows', column: 'x', test: '>', value: 1000, keep: true }], { secrets: {} });
    expect(none.ok ? '' : none.message).toContain('No row would be left');
  });
});

describe('date parts, cast, derived columns', () => {
  it('splits dates in UTC with Monday = 0', async () => {
    const ds = (await run(small(), { op: 'date-parts', column: 'at', parts: ['year', 'month', 'day', 'weekday', 'hour'] })).dataset;
    expect(values(ds, 'at_year').slice(0, 2)).toEqual([2024, 2024]);
    expect(values(ds, 'at_month')[1]).toBe(2);
    expect(values(ds, 'at_day')[1]).toBe(29);
    expect(values(ds, 'at_weekday')[0]).toBe(0); // 2024-01-01 was a Monday
    expect(values(ds, 'at_hour')[3]).toBe(23);
    expect(Number.isNaN(values(ds, 'at_year')[2])).toBe(true);
  });
  it('casts with the Data view conversion', async () => {
    const ds = (await run(small(), { op: 'cast', column: 'x', kind: 'categorical' })).dataset;
    expect(col(ds, 'x').kind).toBe('categorical');
  });
  it('arithmetic, ratio, logs and text length; division by zero is missing', async () => {
    const ds = (await run(
      small(),
      { op: 'derive', formula: 'divide', a: 'x', b: 'y' },
      { op: 'derive', formula: 'ratio', a: 'x', b: 'y', name: 'share' },
      { op: 'derive', formula: 'log1p', a: 'y' },
      { op: 'derive', formula: 'text-length', a: 'note' },
    )).dataset;
    expect(values(ds, 'x_divide_y')[0]).toBe(0.5);
    expect(Number.isNaN(values(ds, 'x_divide_y')[1])).toBe(true);
    expect(values(ds, 'share')[0]).toBeCloseTo(1 / 3, 12);
    expect(values(ds, 'y_log1p')[1]).toBe(0);
    expect(values(ds, 'note_length').slice(0, 3)).toEqual([2, 5, 0]);
  });
  it('quantile buckets use numpy percentile edges; custom edges close the last bucket', async () => {
    const ds = (await run(fixture(), { op: 'derive', formula: 'bucketize', a: 'amount', bucketing: 'quantile', buckets: 4 })).dataset;
    const bucket = col(ds, 'amount_bucket') as DictionaryColumn;
    expect(bucket.dictionary).toHaveLength(reference.quantile_edges_4.length - 1);
    expect(bucket.dictionary[0]).toBe(`[${Number(reference.quantile_edges_4[0].toPrecision(4))}, ${Number(reference.quantile_edges_4[1].toPrecision(4))})`);
    const edges = (await run(small(), { op: 'derive', formula: 'bucketize', a: 'y', bucketing: 'edges', edges: [0, 2, 5] })).dataset;
    const e = col(edges, 'y_bucket') as DictionaryColumn;
    expect(Array.from(e.codes)).toEqual([1, 0, 0, 1, 1, 1]);
  });
});

describe('per-entity aggregates', () => {
  it('equal numpy per group, joined back to every row', async () => {
    const out = await run(fixture(), { op: 'entity-aggregates', key: 'user_id', value: 'amount', date: 'ts', aggregates: ['count', 'sum', 'mean', 'std', 'min', 'max', 'first-date', 'last-date', 'days-since-last', 'is-recurring'] });
    const ds = out.dataset;
    const groups = reference.groups as Record<string, Record<string, number | null>>;
    const check = (name: string, field: string) => {
      const column = values(ds, name);
      reference.user_id.forEach((u, r) => {
        if (u === null) return expect(Number.isNaN(column[r])).toBe(true);
        const want = groups[String(u)][field];
        if (want === null) expect(Number.isNaN(column[r])).toBe(true);
        else expect(column[r]).toBeCloseTo(want, 6);
      });
    };
    check('user_id_count', 'count');
    check('user_id_sum_amount', 'sum');
    check('user_id_mean_amount', 'mean');
    check('user_id_std_amount', 'std');
    check('user_id_min_amount', 'min');
    check('user_id_max_amount', 'max');
    check('user_id_first_date', 'first');
    check('user_id_last_date', 'last');
    check('user_id_days_since_last', 'days_since_last');
    const recurring = values(ds, 'user_id_is_recurring');
    reference.user_id.forEach((u, r) => u !== null && expect(recurring[r]).toBe(groups[String(u)].count! > 1 ? 1 : 0));
    expect(out.reports[0].columnsAdded).toHaveLength(10);
  });
  it('asks for a number column for sums', async () => {
    const out = await applyRecipe(small(), [{ op: 'entity-aggregates', key: 'plan', aggregates: ['sum'] }], { secrets: {} });
    expect(out.ok ? '' : out.message).toContain('need a number column');
  });
});
