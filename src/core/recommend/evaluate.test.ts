import { describe, expect, it } from 'vitest';
import { complementIndices, kFoldSplits, mae, rmse, temporalSplit } from './evaluate';
import { buildRatings } from './ratings';

describe('kFoldSplits', () => {
  it('partitions 0..n-1 into k folds of n/k, the first n % k one longer, reproducibly', () => {
    const folds = kFoldSplits(11, 3, 42);
    expect(folds.map((f) => f.length)).toEqual([4, 4, 3]);
    expect(folds.flatMap((f) => Array.from(f)).sort((a, b) => a - b)).toEqual([...Array(11).keys()]);
    expect(kFoldSplits(11, 3, 42)).toEqual(folds);
    expect(kFoldSplits(11, 3, 43)).not.toEqual(folds);
    expect(Array.from(complementIndices(11, folds[2]))).toEqual([...Array(11).keys()].filter((r) => !folds[2].includes(r)));
  });
});

describe('temporalSplit', () => {
  it("puts each user's latest ratings in test and keeps users with too few ratings in train", () => {
    const r = buildRatings(['u', 'u', 'u', 'v', 'w', 'w'], ['a', 'b', 'c', 'a', 'a', 'b'], [1, 2, 3, 4, 5, 1], [30, 10, 20, 5, 2, 1]);
    if (!r.ok) throw new Error(r.error.message);
    const { train, test } = temporalSplit(r.value, 1);
    expect(Array.from(test)).toEqual([0, 4]); // u's t=30, w's t=2; v has one rating only
    expect(Array.from(train)).toEqual([1, 2, 3, 5]);
  });
});

describe('rmse and mae', () => {
  it('compare the ratings at idx with predictions in the same order', () => {
    const r = buildRatings(['u', 'v', 'w'], ['a', 'b', 'a'], [4, 2, 5]);
    if (!r.ok) throw new Error(r.error.message);
    const idx = Int32Array.from([0, 2]);
    expect(rmse(r.value, idx, [3, 5])).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(mae(r.value, idx, [3, 3])).toBeCloseTo(1.5, 12);
  });
});
