import { describe, expect, it } from 'vitest';
import type { Column } from '../frame/types';
import { fitPipeline } from './fitPipeline';
import { transform } from './transform';
import { makeColumn, makeDataset } from './testUtils';
import { PipelineError } from './types';

const TRAIN = Int32Array.from([0, 1, 2, 3, 4]);

describe('fitPipeline + transform', () => {
  const ds = makeDataset({
    age: [1, 2, NaN, 4, 10, 100],
    city: ['a', 'b', 'a', null, 'c', 'z'],
    member: { kind: 'boolean', values: [1, 0, 1, 1, NaN, 0] },
    id: { kind: 'identifier', values: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'] },
  });

  it('imputes the median, standardizes with the population std and flags missing (hand computation)', () => {
    const p = fitPipeline(ds, { features: ['age'] }, TRAIN);
    // train values 1, 2, 4, 10 -> median 3; imputed 1,2,3,4,10 -> mean 4, var (9+4+1+0+36)/5 = 10.
    expect(p.features[0]).toEqual({ kind: 'number', column: 'age', median: 3, mean: 4, std: Math.sqrt(10), missingIndicator: true });
    expect(p.outputNames).toEqual(['age', 'age (missing)']);
    const { matrix, rows, cols } = transform(p, ds.columns, null);
    expect([rows, cols]).toEqual([6, 2]);
    const s = Math.sqrt(10);
    const expected = [-3 / s, 0, -2 / s, 0, -1 / s, 1, 0, 0, 6 / s, 0, 96 / s, 0];
    expected.forEach((v, i) => expect(matrix[i]).toBeCloseTo(v, 5));
  });

  it('adds no missing indicator when the training rows had none, even if test rows do', () => {
    const p = fitPipeline(ds, { features: ['age'] }, Int32Array.from([0, 1, 3]));
    expect(p.outputNames).toEqual(['age']);
    const { matrix } = transform(p, ds.columns, Int32Array.from([2]));
    // median of 1, 2, 4 = 2; mean 7/3 -> the missing row becomes (2 - 7/3) / std.
    expect(matrix[0]).toBeCloseTo((2 - 7 / 3) / Math.sqrt(((1 - 7 / 3) ** 2 + (2 - 7 / 3) ** 2 + (4 - 7 / 3) ** 2) / 3), 6);
  });

  it('one-hot encodes the top categories plus other; missing -> most frequent + indicator', () => {
    const p = fitPipeline(ds, { features: ['city'], topCategories: 1 }, TRAIN);
    expect(p.features[0]).toMatchObject({ kind: 'category', categories: ['a'], mostFrequent: 'a', missingIndicator: true });
    expect(p.outputNames).toEqual(['city=a', 'city=other', 'city (missing)']);
    const { matrix } = transform(p, ds.columns, null);
    // rows: a, b, a, (missing), c, z (unseen in training) -> other
    expect(Array.from(matrix)).toEqual([1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0]);
  });

  it('maps categories by string when the dictionary differs from training', () => {
    const p = fitPipeline(ds, { features: ['city'], topCategories: 20 }, TRAIN);
    expect(p.outputNames).toEqual(['city=a', 'city=b', 'city=c', 'city=other', 'city (missing)']);
    const reordered: Column = { storage: 'dictionary', kind: 'categorical', name: 'city', dictionary: ['z', 'c', 'b', 'a'], codes: Int32Array.from([3, 2, 0, 1, -1]) };
    const { matrix, cols } = transform(p, [reordered], null);
    const hot = (r: number) => Array.from(matrix.subarray(r * cols, (r + 1) * cols));
    expect([hot(0), hot(1), hot(2), hot(3), hot(4)]).toEqual([
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 1, 0, 0],
      [1, 0, 0, 0, 1],
    ]);
  });

  it('fits on the training rows only: a value only in test rows changes nothing', () => {
    const other = makeDataset({
      age: [1, 2, NaN, 4, 10, -5000],
      city: ['a', 'b', 'a', null, 'c', 'never-seen'],
      member: { kind: 'boolean', values: [1, 0, 1, 1, NaN, 1] },
    });
    const spec = { features: ['age', 'city', 'member'] };
    expect(fitPipeline(other, spec, TRAIN)).toEqual(fitPipeline(ds, spec, TRAIN));
  });

  it('encodes booleans as 0/1 with most-frequent impute, and records groups per original column', () => {
    const p = fitPipeline(ds, { features: ['member', 'age'] }, TRAIN);
    expect(p.outputNames).toEqual(['member', 'member (missing)', 'age', 'age (missing)']);
    expect(p.groups).toEqual([0, 0, 1, 1]);
    const { matrix, cols } = transform(p, ds.columns, Int32Array.from([1, 4]));
    expect([matrix[0], matrix[1], matrix[cols], matrix[cols + 1]]).toEqual([0, 0, 1, 1]);
  });

  it('splits datetimes into standardized parts and hours only when times are present', () => {
    const day = 86_400_000;
    const dates = [Date.UTC(2020, 0, 1), Date.UTC(2021, 5, 15), Date.UTC(2022, 11, 31), Date.UTC(2023, 2, 3)];
    const dds = makeDataset({ when: { kind: 'datetime', values: dates } });
    const p = fitPipeline(dds, { features: ['when'] }, Int32Array.from([0, 1, 2, 3]));
    expect(p.outputNames).toEqual(['when.year', 'when.month', 'when.dayOfWeek', 'when.days']);
    const { matrix, cols } = transform(p, dds.columns, null);
    // years 2020..2023: mean 2021.5, population std sqrt(1.25).
    expect(matrix[0]).toBeCloseTo((2020 - 2021.5) / Math.sqrt(1.25), 5);
    expect(matrix[3 * cols]).toBeCloseTo((2023 - 2021.5) / Math.sqrt(1.25), 5);
    const withTime = makeDataset({ when: { kind: 'datetime', values: [dates[0] + 3_600_000 * 5, dates[1] + day] } });
    expect(fitPipeline(withTime, { features: ['when'] }, Int32Array.from([0, 1])).outputNames).toContain('when.hour');
  });

  it('survives a JSON round trip unchanged', () => {
    const p = fitPipeline(ds, { features: ['age', 'city', 'member'] }, TRAIN);
    const back = JSON.parse(JSON.stringify(p));
    expect(transform(back, ds.columns, null).matrix).toEqual(transform(p, ds.columns, null).matrix);
  });

  it('refuses identifiers and unknown columns with a message the user can act on', () => {
    expect(() => fitPipeline(ds, { features: ['id'] }, TRAIN)).toThrow(PipelineError);
    expect(() => fitPipeline(ds, { features: ['id'] }, TRAIN)).toThrow(/identifier/);
    expect(() => fitPipeline(ds, { features: ['nope'] }, TRAIN)).toThrow(/no column named "nope"/);
    const p = fitPipeline(ds, { features: ['age'] }, TRAIN);
    expect(() => transform(p, [makeColumn('x', [1])], null)).toThrow(/no column "age"/);
  });
});
