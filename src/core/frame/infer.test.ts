import { describe, expect, test } from 'vitest';
import { parseIsoDateTime } from './datetime';
import { formatNumber, parseNumberBytes } from './number';
import { col, load, texts, utf8 } from './testing';

const num = (text: string) => {
  const b = utf8(text);
  return parseNumberBytes(b, 0, b.length);
};

describe('numbers from bytes', () => {
  test.each([
    ['0', 0], ['-12', -12], ['+3', 3], ['3.25', 3.25], ['-0.5', -0.5], ['.5', 0.5], ['1.', 1],
    ['1e3', 1000], ['2.5E-3', 0.0025], [' 42 ', 42], ['0.1', 0.1], ['123456789.123456789', 123456789.123456789],
    ['9007199254740993', 9007199254740992], ['1e-30', 1e-30],
  ])('%j -> %d (same as Number())', (text, value) => {
    expect(num(text)).toBe(value);
    expect(num(text)).toBe(Number(text));
  });

  test.each(['007', '-01', '00.5', '1e', 'e5', '1,5', '1.2.3', '-', '.', '12a', 'inf', '0x10', '1e400'])('%j is not a number', (text) => {
    expect(Number.isNaN(num(text))).toBe(true);
  });

  test('formatNumber round-trips', () => {
    expect(formatNumber(0.1)).toBe('0.1');
    expect(formatNumber(-0)).toBe('0');
  });
});

describe('ISO dates', () => {
  test('dates and date-times as epoch ms UTC', () => {
    expect(parseIsoDateTime('2023-01-31')).toBe(Date.UTC(2023, 0, 31));
    expect(parseIsoDateTime('2023-01-31T10:20:00Z')).toBe(Date.UTC(2023, 0, 31, 10, 20));
    expect(parseIsoDateTime('2023-01-31 10:20')).toBe(Date.UTC(2023, 0, 31, 10, 20));
    expect(parseIsoDateTime('2023-01-31T10:20:00.250+02:00')).toBe(Date.UTC(2023, 0, 31, 8, 20, 0, 250));
    for (const bad of ['2023-02-30', '2023-13-01', '2023-1-5', '31/01/2023', '2023-01-31T25:00', '2023']) {
      expect(parseIsoDateTime(bad)).toBeNaN();
    }
  });
});

describe('type inference', () => {
  const ids = Array.from({ length: 25 }, (_, i) => i);
  const csv = [
    'integer,numeric,flag,yesno,when,cat,zip,user_id,email,token,comment',
    ...ids.map((i) =>
      [
        i * 3,
        (i * 0.5).toFixed(1),
        i % 2,
        i % 3 ? 'Yes' : 'no',
        `2023-01-${String(1 + i).padStart(2, '0')}`,
        ['red', 'green', 'blue'][i % 3],
        `0${1000 + i}`,
        100 + i,
        `user${i}@example.com`,
        `tok${i}x${i * 7}`,
        `"This is comment number ${i}, and it is long"`,
      ].join(','),
    ),
  ].join('\n');
  const ds = load(csv);
  const kinds = Object.fromEntries(ds.columns.map((c) => [c.name, c.kind]));

  test('each kind', () => {
    expect(kinds).toEqual({
      integer: 'integer',
      numeric: 'numeric',
      flag: 'boolean',
      yesno: 'boolean',
      when: 'datetime',
      cat: 'categorical',
      zip: 'identifier',
      user_id: 'identifier',
      email: 'identifier',
      token: 'identifier',
      comment: 'text',
    });
    expect(ds.warnings).toEqual([]);
  });

  test('storage: integer ids stay numbers, leading zeros stay strings, datetimes are epoch ms', () => {
    expect(col(ds, 'user_id').storage).toBe('number');
    expect(texts(col(ds, 'zip')).slice(0, 2)).toEqual(['01000', '01001']);
    const when = col(ds, 'when');
    expect(when.storage === 'number' && when.values[0]).toBe(Date.UTC(2023, 0, 1));
    const yesno = col(ds, 'yesno');
    expect(yesno.storage === 'dictionary' && yesno.dictionary.sort()).toEqual(['Yes', 'no']);
  });

  test('short distinct strings without an id name stay categorical; repeated id values are integers', () => {
    const small = load('name,order_id\nAda,1\nBob,1\nCyd,2\n');
    expect(col(small, 'name').kind).toBe('categorical');
    expect(col(small, 'order_id').kind).toBe('integer');
  });

  test('numbers with leading-zero codes: text, no mixed-types warning', () => {
    const zips = load('zip\n02134\n90210\n00501\n');
    expect(col(zips, 'zip').kind).toBe('categorical');
    expect(texts(col(zips, 'zip'))).toEqual(['02134', '90210', '00501']);
    expect(zips.warnings).toEqual([]);
  });

  test('an all-missing column is an empty categorical', () => {
    const ds2 = load('a,b\n1,\n2,NA\n');
    expect(col(ds2, 'b')).toMatchObject({ kind: 'categorical', dictionary: [] });
  });
});
