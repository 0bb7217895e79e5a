import { describe, expect, it } from 'vitest';
import { csvText } from './csv';
import {
  DEMO_CUSTOMER_COUNT, DEMO_PRODUCT_COUNT, DEMO_RATING_USER_COUNT,
  demoCustomerIds, demoFiles, generateDemoCustomers, generateDemoRatings,
} from './index';

/** Minimal RFC 4180 reader for checking our own output (the app's parser lives in core/frame). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const [customersFile, ratingsFile] = demoFiles();
const customers = parseCsv(decode(customersFile.bytes));
const ratings = parseCsv(decode(ratingsFile.bytes));
const column = (table: string[][], name: string) => {
  const j = table[0].indexOf(name);
  return table.slice(1).map((r) => r[j]);
};

describe('csv writer', () => {
  it('quotes only fields with commas, quotes or line breaks, and doubles inner quotes', () => {
    expect(csvText(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', null], [1.5, 'plain']])).toBe(
      'a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",\r\n1.5,plain\r\n',
    );
  });
});

describe('demo-customers', () => {
  it('is named, described and has a header with 11 columns and ~5,050 rows of equal width', () => {
    expect(customersFile.name).toBe('demo-customers.csv');
    expect(customersFile.description.length).toBeGreaterThan(20);
    expect(customers[0]).toEqual([
      'user_id', 'age', 'country', 'device', 'signup_date', 'days_since_last_visit',
      'sessions', 'spend', 'review', 'email', 'churned',
    ]);
    expect(customers.length - 1).toBeGreaterThanOrEqual(5000);
    expect(customers.length - 1).toBeLessThanOrEqual(5100);
    expect(customers.every((r) => r.length === 11)).toBe(true);
  });

  it('has a churn rate between 13% and 17%', () => {
    const churned = column(customers, 'churned');
    expect(new Set(churned)).toEqual(new Set(['0', '1']));
    const rate = churned.filter((v) => v === '1').length / churned.length;
    expect(rate).toBeGreaterThan(0.13);
    expect(rate).toBeLessThan(0.17);
  });

  it('has about 1% exact duplicate rows, and otherwise unique user ids and emails', () => {
    const lines = customers.slice(1).map((r) => r.join('\u0001'));
    const duplicates = lines.length - new Set(lines).size;
    expect(duplicates / lines.length).toBeGreaterThan(0.005);
    expect(duplicates / lines.length).toBeLessThan(0.015);
    expect(new Set(column(customers, 'user_id')).size).toBe(DEMO_CUSTOMER_COUNT);
    expect(new Set(column(customers, 'email')).size).toBe(DEMO_CUSTOMER_COUNT);
    expect(new Set(column(customers, 'user_id'))).toEqual(new Set(demoCustomerIds()));
  });

  it('has a few percent missing in several columns, multi-line reviews and spend outliers', () => {
    for (const name of ['age', 'country', 'device', 'days_since_last_visit', 'spend', 'review']) {
      const share = column(customers, name).filter((v) => v === '').length / (customers.length - 1);
      expect(share, name).toBeGreaterThan(0.005);
      expect(share, name).toBeLessThan(0.3);
    }
    expect(column(customers, 'review').some((v) => v.includes('\n'))).toBe(true);
    const spend = column(customers, 'spend').filter((v) => v !== '').map(Number).sort((a, b) => a - b);
    const median = spend[Math.floor(spend.length / 2)];
    expect(spend[spend.length - 1]).toBeGreaterThan(50 * median);
    expect(column(customers, 'signup_date').every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(true);
  });
});

describe('demo-ratings', () => {
  it('has ~50,000 integer 1-5 ratings by 1,000 demo customers on 300 products, no repeated pair', () => {
    expect(ratingsFile.name).toBe('demo-ratings.csv');
    expect(ratings[0]).toEqual(['user_id', 'product_id', 'product_name', 'category', 'rating', 'timestamp']);
    expect(ratings.length - 1).toBeGreaterThanOrEqual(45_000);
    expect(ratings.length - 1).toBeLessThanOrEqual(55_000);
    expect(new Set(column(ratings, 'rating'))).toEqual(new Set(['1', '2', '3', '4', '5']));
    const users = new Set(column(ratings, 'user_id'));
    expect(users.size).toBe(DEMO_RATING_USER_COUNT);
    const customerIds = new Set(column(customers, 'user_id'));
    expect([...users].every((u) => customerIds.has(u))).toBe(true);
    expect(new Set(column(ratings, 'product_id')).size).toBe(DEMO_PRODUCT_COUNT);
    expect(new Set(column(ratings, 'category')).size).toBe(10);
    const pairs = ratings.slice(1).map((r) => `${r[0]}|${r[1]}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(column(ratings, 'timestamp').every((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v))).toBe(true);
  });

  it('has long-tail item popularity: the top 10% of products get over a quarter of the ratings', () => {
    const counts = new Map<string, number>();
    for (const p of column(ratings, 'product_id')) counts.set(p, (counts.get(p) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const head = sorted.slice(0, DEMO_PRODUCT_COUNT / 10).reduce((a, b) => a + b, 0);
    expect(head / (ratings.length - 1)).toBeGreaterThan(0.25);
  });
});

describe('determinism', () => {
  // A plain loop: deep-equality on multi-megabyte arrays is far slower than generating them.
  const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
  it('gives the same bytes for the same seed and different bytes for another seed', () => {
    expect(same(generateDemoCustomers(42).bytes, customersFile.bytes)).toBe(true);
    expect(same(generateDemoRatings(42).bytes, ratingsFile.bytes)).toBe(true);
    expect(same(generateDemoCustomers(7).bytes, customersFile.bytes)).toBe(false);
    expect(same(generateDemoRatings(7).bytes, ratingsFile.bytes)).toBe(false);
  });
});
