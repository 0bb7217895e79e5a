import { describe, expect, it } from 'vitest';
import type { Dataset } from '../frame/types';
import { kAnonymity, type KAnonymityReport } from './kAnonymity';

/**
 * 10 rows; by hand, on (country, age):
 *   (US, 30) rows 0,1,2  → 3     (US, 40) rows 3,4 → 2     (UK, 30) rows 5,6,7,8 → 4
 *   (UK, missing) row 9  → 1
 * k = 1; for k = 3 the groups of 2 and 1 must go: 3 rows. On country alone: US 5, UK 5 → k = 5.
 */
function people(): Dataset {
  return {
    id: 'p', name: 'people.csv', rowCount: 10, settings: { format: 'delimited', delimiter: ',', hasHeader: true, encoding: 'utf-8' }, warnings: [], sourceBytes: 0,
    columns: [
      { storage: 'dictionary', kind: 'categorical', name: 'country', dictionary: ['US', 'UK'], codes: Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]) },
      { storage: 'number', kind: 'integer', name: 'age', values: Float64Array.from([30, 30, 30, 40, 40, 30, 30, 30, 30, NaN]) },
    ],
  };
}

describe('k-anonymity', () => {
  it('counts equivalence classes, k and the rows to suppress', () => {
    const r = kAnonymity(people(), ['country', 'age'], 3) as KAnonymityReport;
    expect(r.k).toBe(1);
    expect(r.groups).toBe(4);
    expect(r.smallest).toEqual([{ size: 1, values: ['UK', '(missing)'] }, { size: 2, values: ['US', '40'] }, { size: 3, values: ['US', '30'] }, { size: 4, values: ['UK', '30'] }]);
    expect(r.groupsBelowTarget).toBe(2);
    expect(r.rowsToSuppress).toBe(3);
    expect(r.distribution).toEqual([{ label: '1', groups: 1, rows: 1 }, { label: '2', groups: 1, rows: 2 }, { label: '3–4', groups: 2, rows: 7 }]);
  });
  it('on fewer quasi-identifiers the classes grow', () => {
    const r = kAnonymity(people(), ['country'], 6) as KAnonymityReport;
    expect([r.k, r.groups, r.rowsToSuppress]).toEqual([5, 2, 10]);
    expect((kAnonymity(people(), ['country'], 5) as KAnonymityReport).rowsToSuppress).toBe(0);
  });
  it('says what is wrong with the request', () => {
    expect(kAnonymity(people(), [], 2)).toBe('Choose at least one quasi-identifier column.');
    expect(kAnonymity(people(), ['zip'], 2)).toBe('No column named "zip" in people.csv.');
    expect(kAnonymity(people(), ['age'], 0)).toBe('The k to reach must be a whole number of at least 1.');
  });
  it('keys wide combinations by string and stays exact', () => {
    const n = 3000;
    const ds: Dataset = { ...people(), rowCount: n, columns: ['a', 'b', 'c', 'd', 'e'].map((name, j) => ({ storage: 'number' as const, kind: 'integer' as const, name, values: Float64Array.from({ length: n }, (_, i) => (j === 0 ? i : Math.floor(i / 2))) })) };
    // 3001 × 1501⁴ codes pass 2^52: the string key is used. Column a is unique per row: every class is one row.
    expect((kAnonymity(ds, ['a', 'b', 'c', 'd', 'e'], 2) as KAnonymityReport).k).toBe(1);
    expect((kAnonymity(ds, ['b', 'c', 'd', 'e'], 2) as KAnonymityReport)).toMatchObject({ k: 2, groups: 1500, rowsToSuppress: 0 });
  });
});
