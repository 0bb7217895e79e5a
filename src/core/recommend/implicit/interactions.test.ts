import { describe, expect, it } from 'vitest';
import { buildInteractions, itemPopularity, userHistory } from './interactions';
import { stratifiedSplit } from './split';

describe('buildInteractions', () => {
  it('sums repeated events per pair with their weights, rows sorted both ways', () => {
    // user 0: item 2 viewed (1) and bought (5); item 0 viewed. user 1: item 2 carted (3).
    const x = buildInteractions(2, 3, {
      user: Int32Array.from([0, 0, 1, 0]),
      item: Int32Array.from([2, 2, 2, 0]),
      weight: Float32Array.from([1, 5, 3, 1]),
    });
    expect(Array.from(userHistory(x, 0).items)).toEqual([0, 2]);
    expect(Array.from(userHistory(x, 0).conf)).toEqual([1, 6]);
    expect(Array.from(x.itemUsers.subarray(x.itemStart[2], x.itemStart[3]))).toEqual([0, 1]);
    expect(Array.from(x.itemConf.subarray(x.itemStart[2], x.itemStart[3]))).toEqual([6, 3]);
    expect(Array.from(itemPopularity(x))).toEqual([1, 0, 2]);
  });

  it('halves an event per half-life before the latest event', () => {
    const day = 86400;
    const x = buildInteractions(1, 2, { user: Int32Array.from([0, 0, 0]), item: Int32Array.from([0, 1, 1]), time: Float64Array.from([0, 30 * day, 60 * day]) }, { halfLifeDays: 30 });
    // item 0: 60 days old = 1/4; item 1: 1/2 + 1.
    expect(x.userConf[0]).toBeCloseTo(0.25, 6);
    expect(x.userConf[1]).toBeCloseTo(1.5, 6);
  });

  it('drops events with zero or negative weight', () => {
    const x = buildInteractions(1, 2, { user: Int32Array.from([0, 0]), item: Int32Array.from([0, 1]), weight: Float32Array.from([0, -1]) });
    expect(x.userItems.length).toBe(0);
  });
});

describe('stratifiedSplit', () => {
  it('puts round(75%) of every user in train, the same way for the same seed', () => {
    const user = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    const a = stratifiedSplit(user, 3, 0.75, 1);
    const count = (idx: Int32Array, u: number): number => Array.from(idx).filter((r) => user[r] === u).length;
    expect([count(a.train, 0), count(a.train, 1), count(a.train, 2)]).toEqual([3, 6, 1]);
    expect(a.train.length + a.test.length).toBe(user.length);
    expect(stratifiedSplit(user, 3, 0.75, 1)).toEqual(a);
  });
});
