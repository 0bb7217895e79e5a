/** Parquet and Excel files through the same ingest path (fixtures/tables/make_table_fixtures.mjs). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestBlob } from './ingest';
import { ingestTableBytes } from './tableFiles';
import type { Dataset, DictionaryColumn, NumberColumn } from './types';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/tables/${name}`, import.meta.url)));
const load = async (name: string, settings = {}) => ingestBlob(new Blob([fixture(name) as BlobPart]), { id: 't', name, settings });
const ok = (r: Awaited<ReturnType<typeof load>>): Dataset => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const col = (ds: Dataset, name: string) => ds.columns.find((c) => c.name === name)!;
const nums = (ds: Dataset, name: string) => Array.from((col(ds, name) as NumberColumn).values);
const texts = (ds: Dataset, name: string) => {
  const c = col(ds, name) as DictionaryColumn;
  return Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]));
};

describe('Parquet', () => {
  it('maps ints, int64, doubles, booleans, strings and timestamps, with nulls as missing, across row groups', async () => {
    const ds = ok(await load('customers.parquet'));
    expect(ds.rowCount).toBe(5);
    expect(ds.settings.format).toBe('parquet');
    expect(ds.columns.map((c) => [c.name, c.kind])).toEqual([
      ['id', 'identifier'], ['visits', 'integer'], ['spend', 'numeric'], ['active', 'boolean'], ['plan', 'categorical'], ['joined', 'datetime'],
    ]);
    expect(nums(ds, 'visits')).toEqual([10, NaN, 30, 40, 50]);
    expect(nums(ds, 'spend')).toEqual([1.5, 2.25, NaN, 4, 5.125]);
    expect(nums(ds, 'joined')).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 1, 3), NaN, Date.UTC(2024, 3, 5), Date.UTC(2024, 4, 6)]);
    expect(texts(ds, 'plan')).toEqual(['free', 'pro', 'free', null, 'team']);
  });
  it('a truncated file is a specific message', async () => {
    const bytes = fixture('customers.parquet');
    const cut = await ingestTableBytes(bytes.slice(0, bytes.length - 20), 'parquet', { id: 't', name: 'cut.parquet' });
    expect(cut.ok ? '' : cut.error.message).toMatch(/^This Parquet file could not be read/);
  });
});

describe('Excel .xlsx', () => {
  it('reads the first sheet: shared and inline strings, dates (built-in and custom formats), booleans, errors as missing, cached formula values, gaps', async () => {
    const ds = ok(await load('people.xlsx'));
    expect(ds.settings).toMatchObject({ format: 'xlsx', sheet: 'People', sheets: ['People', 'Regions', 'Empty'] });
    expect(ds.warnings.map((w) => w.message)).toEqual(['Read sheet "People", the first of 3: "People", "Regions", "Empty".']);
    expect(ds.rowCount).toBe(4); // row 4 is absent in the sheet: a row of missing values
    expect(texts(ds, 'name')).toEqual(['Ada', 'Grace', null, 'Tim & co']);
    expect(col(ds, 'signed_up').kind).toBe('datetime');
    expect(nums(ds, 'signed_up')).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), NaN, Date.UTC(2024, 2, 1)]);
    expect(nums(ds, 'last_login')).toEqual([Date.UTC(2024, 0, 1, 12), NaN, NaN, Date.UTC(2024, 2, 1, 6)]);
    expect(nums(ds, 'score')).toEqual([0.75, NaN, NaN, 1]);
    expect(col(ds, 'paid').kind).toBe('boolean');
    expect(texts(ds, 'note')).toEqual(['first', null, null, 'formula <text>']);
  });
  it('reads a chosen sheet, and says which sheets exist when the name is wrong; an empty sheet is a message', async () => {
    const regions = ok(await load('people.xlsx', { sheet: 'Regions' }));
    expect(regions.columns.map((c) => c.name)).toEqual(['region', 'score']);
    expect(nums(regions, 'score')).toEqual([3, 4]);
    const wrong = await load('people.xlsx', { sheet: 'Nope' });
    expect(wrong.ok ? '' : wrong.error.message).toBe('This workbook has no sheet named "Nope"; it has "People", "Regions", "Empty".');
    const empty = await load('people.xlsx', { sheet: 'Empty' });
    expect(empty.ok ? '' : empty.error.message).toBe('Sheet "Empty" is empty.');
  });
  it('with an empty first sheet, the first sheet with data is read (and the choice stays offered)', async () => {
    const ds = ok(await load('empty-first.xlsx'));
    expect(ds.settings).toMatchObject({ sheet: 'Regions', sheets: ['Cover', 'Regions'] });
    expect(ds.warnings.map((w) => w.message)).toEqual(['Read sheet "Regions", the first with data of 2: "Cover", "Regions".']);
    expect(ds.rowCount).toBe(2);
  });
  it('a zip that is not a workbook, and a damaged one, are specific messages', async () => {
    const zip = await load('not-a-workbook.zip');
    expect(zip.ok ? '' : zip.error.message).toMatch(/^This is a ZIP archive but not an Excel workbook/);
    const bytes = fixture('people.xlsx');
    const damaged = await ingestTableBytes(bytes.slice(0, 200), 'xlsx', { id: 't', name: 'bad.xlsx' });
    expect(damaged.ok ? '' : damaged.error.message).toMatch(/^This \.xlsx file could not be opened/);
  });
});
