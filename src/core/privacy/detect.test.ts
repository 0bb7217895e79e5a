import { describe, expect, it } from 'vitest';
import type { Column, Dataset } from '../frame/types';
import { CARDS, COUNTRIES, TITLES, DATES_IN_TEXT, EMAILS, IBANS, IPS, NAMES, NOT_CARDS, NOT_IBANS, NOW, ORDER_IDS, PHONES, PRODUCT_CODES, VERSIONS } from './detect.fixture';
import { detectColumn, detectPii, headerHints, headerTokens } from './detect';

const YEAR = 365.2425 * 86_400_000;

function text(name: string, values: string[], rows = values.length * 3): Column {
  return { storage: 'dictionary', kind: 'text', name, dictionary: values, codes: Int32Array.from({ length: rows }, (_, i) => i % values.length) };
}
function dates(name: string, epochs: number[]): Column {
  return { storage: 'number', kind: 'datetime', name, values: Float64Array.from(epochs) };
}
function numbers(name: string, values: number[]): Column {
  return { storage: 'number', kind: 'integer', name, values: Float64Array.from(values) };
}
const find = (c: Column) => detectColumn(c, c.storage === 'number' ? c.values.length : c.codes.length, { now: NOW });

describe('PII detection by content', () => {
  it('flags each kind from values alone, under neutral headers', () => {
    expect(find(text('col_a', EMAILS))).toMatchObject({ kind: 'email', share: 1 });
    expect(find(text('col_b', PHONES))).toMatchObject({ kind: 'phone', share: 1 });
    expect(find(text('col_c', IPS))).toMatchObject({ kind: 'ip', share: 1 });
    expect(find(text('col_d', CARDS))).toMatchObject({ kind: 'card', share: 1 });
    expect(find(text('col_e', IBANS))).toMatchObject({ kind: 'iban', share: 1 });
    expect(find(text('col_f', NAMES))?.kind).toBe('name');
    expect(find(text('col_a', EMAILS))!.confidence).toBeGreaterThan(0.95);
  });
  it('does not flag look-alikes', () => {
    for (const c of [text('code', PRODUCT_CODES), text('order_id', ORDER_IDS), text('version', VERSIONS), text('build', VERSIONS), text('country', COUNTRIES), text('title', TITLES, TITLES.length), text('day', DATES_IN_TEXT), text('number', NOT_CARDS), text('account_ref', NOT_IBANS), numbers('order_no', ORDER_IDS.map(Number))]) {
      expect([c.name, find(c)]).toEqual([c.name, null]);
    }
  });
  it('needs a majority: a column with a few emails among other text is not an email column', () => {
    expect(find(text('notes', [...EMAILS.slice(0, 2), ...PRODUCT_CODES]))).toBeNull();
  });
  it('finds dates of birth by plausible adult ages, not signup dates', () => {
    const births = Array.from({ length: 40 }, (_, i) => NOW - (20 + i * 1.3) * YEAR);
    const signups = Array.from({ length: 40 }, (_, i) => NOW - (i / 10) * YEAR);
    const b = find(dates('d1', births));
    expect(b?.kind).toBe('birth-date');
    expect(b!.confidence).toBeCloseTo(0.5, 5);
    expect(find(dates('signup_date', signups))).toBeNull();
    // The header makes it near certain; text dates under a birth header count too.
    expect(find(dates('date_of_birth', births))!.confidence).toBeCloseTo(1 - 0.5 * 0.3, 5);
    expect(find(text('dob', births.map((t) => new Date(t).toISOString().slice(0, 10))))?.kind).toBe('birth-date');
  });
});

describe('PII detection by header', () => {
  it('reads header words in any case style', () => {
    expect(headerTokens('customerEmail')).toEqual(['customer', 'email']);
    expect(headerTokens('Customer E-mail')).toEqual(['customer', 'email']);
    expect(Object.keys(headerHints('first_name'))).toEqual(['name']);
    expect(Object.keys(headerHints('phone_number'))).toEqual(['phone']);
    expect(Object.keys(headerHints('product_name'))).toEqual([]);
    expect(headerHints('name').name).toBeLessThan(headerHints('full_name').name!);
  });
  it('flags a header alone at its weight, and content confirms it', () => {
    const phoneDigits = numbers('mobile', [4155550132, 4155550133, 4155550134, 4155550135, 4155550136]);
    expect(find(phoneDigits)).toMatchObject({ kind: 'phone', share: 1 });
    expect(find(phoneDigits)!.confidence).toBeCloseTo(1 - (1 - 0.9) * (1 - 0.6), 5);
    const lastNames = text('last_name', ['Smith', 'Garcia', 'Nguyen', 'Okafor', 'Kowalski', 'Dubois']);
    expect(find(lastNames)).toMatchObject({ kind: 'name' });
    expect(find(lastNames)!.confidence).toBeCloseTo(0.6, 5);
    // A header the values contradict counts for less.
    expect(find(text('phone', ['yes', 'no', 'yes', 'no', 'maybe']))!.confidence).toBeCloseTo(0.36, 5);
  });
  it('first names alone (few distinct per row) are names through the built-in list', () => {
    expect(find(text('who', ['Maria', 'James', 'Olivia', 'Noah', 'Sofia', 'Liam', 'Emma', 'Lucas'], 8000))?.kind).toBe('name');
  });
});

describe('PII detection on a dataset', () => {
  it('orders findings by confidence and samples at most maxDistinct values', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `user${i}@example.com`);
    const ds: Dataset = {
      id: 'd', name: 'people.csv', rowCount: 50_000, settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' }, warnings: [], sourceBytes: 0,
      columns: [text('email', many, 50_000), numbers('age', Array.from({ length: 50_000 }, (_, i) => 20 + (i % 50))), text('code', PRODUCT_CODES, 50_000)],
    };
    const t0 = performance.now();
    const found = detectPii(ds, { now: NOW });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(found.map((f) => f.column)).toEqual(['email']);
    expect(found[0].sampled).toBe(2000);
    expect(found[0].evidence).toBe('100% of 2,000 sampled values look like emails; the header "email" suggests email');
  });
});
