import { describe, expect, test } from 'vitest';
import { convertColumn } from './convert';
import { rowPage } from './rows';
import { col, load, texts } from './testing';

describe('rowPage', () => {
  const ds = load('n,x,d,t\n1.5,a,2023-01-31,2023-01-31T10:20:00Z\nNA,b,2023-02-01,2023-02-01 00:00\n3,,2023-02-02,2023-02-02T00:00:00.5Z\n');

  test('formats cells, null for missing, clamps the window', () => {
    const page = rowPage(ds, 1, 5);
    expect(page).toEqual({
      offset: 1,
      total: 3,
      columns: ['n', 'x', 'd', 't'],
      rows: [
        [null, 'b', '2023-02-01', '2023-02-01T00:00:00Z'],
        ['3', null, '2023-02-02', '2023-02-02T00:00:00.500Z'],
      ],
    });
    expect(rowPage(ds, 10, 5).rows).toEqual([]);
    expect(rowPage(ds, -3, 1).rows[0][0]).toBe('1.5');
  });
});

describe('convertColumn', () => {
  const ds = load('country,amount,when,flag,code\nFR,1,2023-01-31,yes,10\nDE,2,2023-02-01,no,20\nFR,3.5,,yes,30\n12,4,31/01/2023,maybe,40\n', {});

  test('dictionary -> numeric fails with a count and an example', () => {
    const result = convertColumn(ds, 'country', 'numeric');
    expect(result).toEqual({ ok: false, error: { message: '"country" has 3 values that are not numbers (e.g. "FR")' } });
  });

  test('numeric -> integer fails on fractions; -> categorical formats numbers', () => {
    const bad = convertColumn(ds, 'amount', 'integer');
    expect(!bad.ok && bad.error.message).toBe('"amount" has 1 value that is not a whole number (e.g. 3.5)');
    const cat = convertColumn(ds, 'amount', 'categorical');
    expect(cat.ok && texts(col(cat.value, 'amount'))).toEqual(['1', '2', '3.5', '4']);
    expect(cat.ok && cat.value.columns[0]).toBe(ds.columns[0]); // other columns shared
    expect(col(ds, 'amount').kind).toBe('numeric'); // the original is untouched
  });

  test('-> datetime parses ISO text or names an example', () => {
    const bad = convertColumn(ds, 'when', 'datetime');
    expect(!bad.ok && bad.error.message).toContain('e.g. "31/01/2023"');
    const good = convertColumn({ ...ds, columns: ds.columns.map((c) => c) }, 'code', 'categorical');
    expect(good.ok).toBe(true);
    const dates = load('d\nx\n2023-01-31\n', { settings: { hasHeader: true } });
    const converted = convertColumn(dates, 'd', 'datetime');
    expect(!converted.ok && converted.error.message).toBe('"d" has 1 value that is not an ISO date like 2023-01-31 (e.g. "x")');
  });

  test('-> boolean, text and identifier relabel; integer -> identifier stays numeric', () => {
    expect(convertColumn(ds, 'flag', 'boolean').ok).toBe(false); // "maybe"
    const text = convertColumn(ds, 'country', 'text');
    expect(text.ok && col(text.value, 'country')).toMatchObject({ kind: 'text', storage: 'dictionary' });
    const id = convertColumn(ds, 'code', 'identifier');
    expect(id.ok && col(id.value, 'code')).toMatchObject({ kind: 'identifier', storage: 'number' });
    const numeric = convertColumn(ds, 'code', 'numeric');
    expect(numeric.ok && col(numeric.value, 'code').kind).toBe('numeric');
    const flags = load('f\nyes\nno\n');
    const asNumber = convertColumn(convertColumn(flags, 'f', 'categorical').ok ? flags : flags, 'f', 'numeric');
    expect(asNumber.ok).toBe(false);
    expect(convertColumn(ds, 'nope', 'text')).toEqual({ ok: false, error: { message: 'There is no column named "nope".' } });
  });

  test('categorical -> integer when every label is a whole number', () => {
    const codes = load('c\n007\n012\n', { settings: { hasHeader: true } });
    const converted = convertColumn(codes, 'c', 'integer');
    expect(converted.ok && texts(col(converted.value, 'c'))).toEqual(['7', '12']);
  });
});
