import { describe, expect, test } from 'vitest';
import reference from './fixtures/profile.json';
import { ColumnBuilder, columnPart, numberScan } from './builder';
import { countDistinctNumbers, duplicateRowCount, numberScanOf, scanNumbers } from './distinct';
import { numericSummary, profileDataset } from './profile';
import { createRandom } from '../random';
import { col, load } from './testing';
import type { Column } from './types';

describe('numeric summary', () => {
  // fixtures/profile.json comes from numpy (fixtures/make_profile.py).
  test('min, max, mean, std and 20-bin histogram match numpy', () => {
    const summary = numericSummary(new Float64Array([...reference.values, NaN]), false)!;
    expect(summary.min).toBe(reference.min);
    expect(summary.max).toBe(reference.max);
    expect(summary.mean).toBeCloseTo(reference.mean, 12);
    expect(summary.std).toBeCloseTo(reference.std, 12);
    expect(summary.histogram.map((b) => b.count)).toEqual(reference.counts);
    summary.histogram.forEach((bin, k) => {
      expect(bin.x0).toBeCloseTo(reference.edges[k], 12);
      expect(bin.x1).toBeCloseTo(reference.edges[k + 1], 12);
    });
  });

  test('small-range integers get one bin per value; a constant column one bin', () => {
    const summary = numericSummary(new Float64Array([1, 2, 2, 5]), true)!;
    expect(summary.histogram.map((b) => [b.x0, b.x1, b.count])).toEqual([
      [0.5, 1.5, 1], [1.5, 2.5, 2], [2.5, 3.5, 0], [3.5, 4.5, 0], [4.5, 5.5, 1],
    ]);
    expect(numericSummary(new Float64Array([3, 3]), false)!.histogram).toEqual([{ x0: 3, x1: 3, count: 2 }]);
    expect(numericSummary(new Float64Array([NaN]), false)).toBeUndefined();
  });
});

describe('distinct values and duplicate rows', () => {
  test('countDistinctNumbers ignores missing and treats -0 as 0', () => {
    expect(countDistinctNumbers(new Float64Array([1, 2, 2, NaN, 0, -0, 1.5, 1e300]))).toBe(5);
  });

  test('countDistinctNumbers equals a Set count on integers, decimals, near-equal doubles and wide ranges', () => {
    const random = createRandom(3);
    const cases: Float64Array[] = [
      Float64Array.from({ length: 5000 }, () => Math.round(random.next() * 100000) / 1000), // 3 decimals
      Float64Array.from({ length: 5000 }, () => Math.round(random.next() * 5000 - 1000) / 100), // 2 decimals, negative
      Float64Array.from({ length: 5000 }, () => (random.next() < 0.1 ? NaN : Math.round(random.next() * 400) / 100 + 1)),
      Float64Array.from({ length: 5000 }, () => random.normal()), // full doubles
      Float64Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 0.1 : i % 3 === 1 ? 0.1 + Number.EPSILON / 8 : 0.30000000000000004)),
      Float64Array.from({ length: 3000 }, (_, i) => (i % 2 ? 1e15 + (i % 7) : -0)),
      new Float64Array([0.5, 1e-5, 1.00001, 1.000011, Infinity, -Infinity, 2 ** 60, 2 ** 60 + 256]),
      Float64Array.from({ length: 5000 }, () => Date.UTC(2020, 0, 1) + random.int(1500) * 86_400_000), // dates
      Float64Array.from({ length: 5000 }, () => Date.UTC(2020, 0, 1) + random.int(1e6) * 1000 + (random.next() < 0.01 ? 1 : 0)), // seconds, a few not
      Float64Array.from({ length: 5000 }, () => 1e12 + random.int(1e6) * 1000), // seconds
    ];
    for (const values of cases) {
      const expected = new Set(Array.from(values).filter((v) => !Number.isNaN(v)).map((v) => (v === 0 ? 0 : v))).size;
      expect(countDistinctNumbers(values)).toBe(expected);
    }
  });

  test('an all-distinct column means no duplicate rows (the shortcut agrees with hashing)', () => {
    const ds = load('id,a\n1,x\n2,x\n3,x\nNA,x\n');
    expect(profileDataset(ds).duplicateRows).toBe(0);
    expect(duplicateRowCount(ds.columns, ds.rowCount)).toBe(0);
    const twoMissing = load('id,a\n1,x\nNA,x\nNA,x\n');
    expect(profileDataset(twoMissing).duplicateRows).toBe(1);
  });

  test('duplicates: equal in every column, missing equals missing', () => {
    const ds = load('a,b\n1,x\n1,y\n1,x\nNA,x\nNA,x\n2,\n2,\n1,x\n');
    // rows 3 and 8 repeat row 1; row 5 repeats row 4; row 7 repeats row 6
    expect(profileDataset(ds).duplicateRows).toBe(4);
  });

  test('hash collisions are verified, never counted', () => {
    // Many distinct rows in a small table make equal hashes likely to meet in the same probe chain.
    const n = 20000;
    const a: Column = { storage: 'number', kind: 'integer', name: 'a', values: Float64Array.from({ length: n }, (_, i) => i % 100) };
    const b: Column = { storage: 'number', kind: 'integer', name: 'b', values: Float64Array.from({ length: n }, (_, i) => Math.floor(i / 100)) };
    expect(duplicateRowCount([a, b], n)).toBe(0);
    const c: Column = { storage: 'number', kind: 'integer', name: 'c', values: Float64Array.from({ length: n }, (_, i) => i % 50) };
    // (i % 50) repeats every 50 rows: 20000 - 50 duplicates.
    expect(duplicateRowCount([c], n)).toBe(n - 50);
  });
});

describe('profileDataset', () => {
  const ds = load('price,city,flag,note,day\n10,Paris,1,"a long note about this flat, with words",2023-01-01\n20,Lyon,0,short,2023-01-02\nNA,Paris,1,,2023-01-03\n30,Paris,,x,\n');
  const profile = profileDataset(ds);
  const byName = Object.fromEntries(profile.columns.map((c) => [c.name, c]));

  test('per-column counts, summaries and top values', () => {
    expect(profile).toMatchObject({ rowCount: 4, columnCount: 5, duplicateRows: 0 });
    expect(byName.price).toMatchObject({ kind: 'integer', missing: 1, distinct: 3 });
    expect(byName.price.numeric).toMatchObject({ min: 10, max: 30, mean: 20, std: 10 });
    expect(byName.city.top).toEqual([{ value: 'Paris', count: 3 }, { value: 'Lyon', count: 1 }]);
    expect(byName.flag).toMatchObject({ kind: 'boolean', missing: 1, top: [{ value: '1', count: 2 }, { value: '0', count: 1 }] });
    expect(byName.day.numeric).toMatchObject({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2023, 0, 3) });
  });

  test('meanLength for text, memory estimate', () => {
    const text = load('t\n"one two three four five six seven"\n"eight nine ten eleven twelve thirteen"\n');
    const p = profileDataset(text).columns[0];
    expect(p.kind).toBe('text');
    expect(p.meanLength).toBe((33 + 37) / 2);
    // price, flag, day: 4 rows x 8 bytes; city, note: 4 x 4 bytes codes + strings
    const strings = ['Paris', 'Lyon', 'a long note about this flat, with words', 'short', 'x'].reduce((s, l) => s + l.length * 2 + 16, 0);
    expect(profile.memoryBytes).toBe(3 * 32 + 2 * 16 + strings);
  });
});

describe('the scan the parser keeps', () => {
  /** The same dataset with every number column copied, so the profile has to scan each one. */
  function scanned(ds: ReturnType<typeof load>) {
    return { ...ds, columns: ds.columns.map((c): Column => (c.storage === 'number' ? { ...c, values: c.values.slice() } : c)) };
  }

  test('gives exactly the profile a full scan gives: decimals, trailing zeros, negatives, -0, missing, big values', () => {
    const random = createRandom(11);
    // user_id: an id proved all distinct; day: dates, two spellings of one instant, some missing.
    const days = ['2024-01-05', '2024-01-05T00:00:00Z', '2023-12-31', '2024-02-29T12:30:00Z', ''];
    const lines = ['a,b,c,d,e,f,user_id,day'];
    for (let i = 0; i < 3000; i++) {
      const e = random.next() < 0.01 ? '1e3' : String(random.int(50)); // one way in through the full parser
      const f = i % 97 === 0 ? '' : (random.normal() * 1e9).toFixed(3); // large enough to rule out the kept scale
      lines.push(`${(random.next() * 100).toFixed(2)},${(random.normal() * 5).toFixed(4)},${random.next() < 0.05 ? '' : (random.next() * 10).toFixed(1) + '0'},${i % 7 === 0 ? '-0' : -random.int(1000)},${e},${f},${i % 50 === 0 ? '' : 3 * i + 1},${days[random.int(days.length)]}`);
    }
    const ds = load(lines.join('\n'));
    const values = (name: string) => (col(ds, name) as Extract<Column, { storage: 'number' }>).values;
    // Kept, not scanned: "x.y0" was written with 2 decimals, while the smallest scale that works is 10.
    expect(numberScanOf(values('c')).scale).toBe(100);
    expect(scanNumbers(values('c')).scale).toBe(10);
    expect(col(ds, 'user_id').kind).toBe('identifier');
    expect(col(ds, 'day').kind).toBe('datetime');
    // Kept, not scanned afresh: numbers read by the full parser ("1e3", the last record with no
    // newline after it) count their written decimals too; datetimes keep theirs from their labels.
    for (const name of ['a', 'e', 'day']) expect(numberScanOf(values(name))).toBe(numberScanOf(values(name)));
    expect(profileDataset(ds)).toEqual(profileDataset(scanned(ds)));
  });

  test('none is kept after a record was taken back and read again, after a merge of ranges, or past 4 decimals', () => {
    const ds = load('a,b,c\n1.5,2,0.12345\n2.25,3,1,extra\n"3",4,2\n0.125,5,3\n');
    for (const name of ['a', 'c']) {
      const values = (col(ds, name) as Extract<Column, { storage: 'number' }>).values;
      expect(numberScanOf(values)).not.toBe(numberScanOf(values)); // scanned afresh each time
    }
    const merged = new ColumnBuilder('x');
    merged.appendPart(partOf([1.5, 2]));
    expect(numberScan(merged)).toBeNull();
    expect(profileDataset(ds)).toEqual(profileDataset(scanned(ds)));
  });
});

function partOf(numbers: number[]) {
  const builder = new ColumnBuilder('x');
  for (const v of numbers) builder.addNumber(v, 1);
  return columnPart(builder);
}

describe('the middle 99% when a few extreme values squeeze the histogram', () => {
  test('bot-like counts: the full range is one bar, the middle 99% has its own bins and says what is left out', () => {
    const values = new Float64Array(1005);
    for (let i = 0; i < 1000; i++) values[i] = 10 + (i % 31);
    for (let i = 1000; i < 1005; i++) values[i] = 2000 + i;
    const s = numericSummary(values, true)!;
    expect(Math.max(...s.histogram.map((b) => b.count))).toBeGreaterThanOrEqual(1000);
    const c = s.central!;
    expect(c.bins).toHaveLength(20);
    expect(c.bins[0].x0).toBeGreaterThanOrEqual(10);
    expect(c.bins[19].x1).toBeLessThan(2000);
    expect(c.above).toBeGreaterThanOrEqual(5);
    expect(c.bins.reduce((a, b) => a + b.count, 0) + c.below + c.above).toBe(1005);
    // Most bins hold something: the shape is visible again.
    expect(c.bins.filter((b) => b.count > 0).length).toBeGreaterThan(10);
  });

  test('no middle range when the full range already shows the shape', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    expect(numericSummary(values, true)!.central).toBeUndefined();
  });
});
