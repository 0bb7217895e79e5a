/**
 * Micro-benchmark, skipped unless LOUPE_BENCH=1:
 *   LOUPE_BENCH=1 npx vitest run src/core/privacy/bench-privacy.test.ts
 * On a 1M-row dataset (seeded: email with 1M distinct values, phone, age, country, signup date):
 * PII detection, k-anonymity on (age, country), and pseudonymising a column of 100k distinct
 * values and one of 1M. Prints JSON; never fails on a time.
 */
import { describe, expect, test } from 'vitest';
import { applyRecipe } from '../clean/recipe';
import type { Dataset } from '../frame/types';
import { createRandom } from '../random';
import { detectPii } from './detect';
import { kAnonymity } from './kAnonymity';

const ROWS = Number(process.env.LOUPE_BENCH_ROWS ?? 1_000_000);

function dataset(): Dataset {
  const random = createRandom(7);
  const emails = Array.from({ length: ROWS }, (_, i) => `user${i}@example.com`);
  const shared = Array.from({ length: 100_000 }, (_, i) => `customer${i}@example.org`);
  const countries = ['US', 'UK', 'DE', 'FR', 'IN', 'BR', 'CA', 'JP'];
  return {
    id: 'bench', name: 'bench.csv', rowCount: ROWS, settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' }, warnings: [], sourceBytes: 0,
    columns: [
      { storage: 'dictionary', kind: 'identifier', name: 'email', dictionary: emails, codes: Int32Array.from({ length: ROWS }, (_, i) => i) },
      { storage: 'dictionary', kind: 'identifier', name: 'buyer_email', dictionary: shared, codes: Int32Array.from({ length: ROWS }, () => random.int(shared.length)) },
      { storage: 'number', kind: 'integer', name: 'age', values: Float64Array.from({ length: ROWS }, () => 18 + random.int(70)) },
      { storage: 'dictionary', kind: 'categorical', name: 'country', dictionary: countries, codes: Int32Array.from({ length: ROWS }, () => random.int(countries.length)) },
      { storage: 'number', kind: 'datetime', name: 'signup', values: Float64Array.from({ length: ROWS }, () => Date.UTC(2020, 0, 1) + random.int(1500) * 86_400_000) },
    ],
  };
}

describe.skipIf(process.env.LOUPE_BENCH !== '1')('privacy bench', () => {
  test('detect, k-anonymity, pseudonymise on 1M rows', async () => {
    const ds = dataset();
    let t = performance.now();
    const findings = detectPii(ds);
    const detectMs = performance.now() - t;
    t = performance.now();
    const report = kAnonymity(ds, ['age', 'country'], 5);
    const kMs = performance.now() - t;
    t = performance.now();
    const shared = await applyRecipe(ds, [{ op: 'pseudonymise', columns: ['buyer_email'] }], { secrets: { pseudonymKey: 'bench key' } });
    const pseudo100kMs = performance.now() - t;
    t = performance.now();
    const unique = await applyRecipe(ds, [{ op: 'pseudonymise', columns: ['email'] }], { secrets: { pseudonymKey: 'bench key' } });
    const pseudo1MMs = performance.now() - t;
    expect(shared.ok && unique.ok && typeof report !== 'string').toBe(true);
    console.log(JSON.stringify({ rows: ROWS, detectMs: Math.round(detectMs), findings: findings.map((f) => f.column), kAnonymityMs: Math.round(kMs), pseudonymise100kDistinctMs: Math.round(pseudo100kMs), pseudonymise1MDistinctMs: Math.round(pseudo1MMs), hmacPerSecond: Math.round(ROWS / (pseudo1MMs / 1000)) }));
  }, 600_000);
});
