import { describe, expect, it } from 'vitest';
import { buildRatings, type RatingMatrix } from './ratings';
import { similarItems, topNForUser, topNMetrics, seenItems } from './topn';
import type { RatingModel } from './types';

// Items a..f; every user gets the same scores a 0.9, b 0.8, ..., f 0.4.
// A: train a=5; test b=5, d=4, e=2 (relevant b, d).   B: train b=3, c=4; test f=5 (relevant f).
// C: train f=1; test e=3 (nothing relevant: not evaluated).
const rows: [string, string, number, 'train' | 'test'][] = [
  ['A', 'a', 5, 'train'], ['A', 'b', 5, 'test'], ['A', 'd', 4, 'test'], ['A', 'e', 2, 'test'],
  ['B', 'b', 3, 'train'], ['B', 'c', 4, 'train'], ['B', 'f', 5, 'test'],
  ['C', 'f', 1, 'train'], ['C', 'e', 3, 'test'],
];
const built = buildRatings(rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]));
if (!built.ok) throw new Error(built.error.message);
const data: RatingMatrix = built.value;
const train = Int32Array.from(rows.flatMap((r, k) => (r[3] === 'train' ? [k] : [])));
const test = Int32Array.from(rows.flatMap((r, k) => (r[3] === 'test' ? [k] : [])));
const score = (i: number): number => 0.9 - 0.1 * 'abcdef'.indexOf(data.items[i]);
const fixed: RatingModel = {
  kind: 'popularity',
  nItems: data.items.length,
  predict: (_u, i) => score(i),
  scoreUser: (_u, out) => out.forEach((_, i) => (out[i] = score(i))),
};
const names = (list: { item: number }[]): string => list.map((s) => data.items[s.item]).join('');

describe('topNForUser', () => {
  it('ranks unseen items by score', () => {
    const seen = seenItems(data, train);
    expect(names(topNForUser(fixed, data, seen, data.users.indexOf('A'), 3))).toBe('bcd');
    expect(names(topNForUser(fixed, data, seen, data.users.indexOf('B'), 3))).toBe('ade');
  });
});

describe('topNMetrics at k = 3, by hand', () => {
  const m = topNMetrics(fixed, data, train, test, 3);
  // A: list b c d, hits at ranks 1 and 3 of 2 relevant. B: list a d e, no hit.
  it('precision = mean(2/3, 0)', () => expect(m.precision).toBeCloseTo(1 / 3, 10));
  it('recall = mean(2/2, 0/1)', () => expect(m.recall).toBeCloseTo(0.5, 10));
  it('NDCG = mean((1 + 1/log2 4) / (1 + 1/log2 3), 0)', () =>
    expect(m.ndcg).toBeCloseTo((1.5 / (1 + 1 / Math.log2(3))) / 2, 10));
  it('MAP = mean((1/1 + 2/3) / min(3, 2), 0)', () => expect(m.map).toBeCloseTo((5 / 3 / 2) / 2, 10));
  it('hit rate = 1 of 2 users', () => expect(m.hitRate).toBe(0.5));
  it('coverage = items a b c d e of 6 recommended', () => expect(m.coverage).toBeCloseTo(5 / 6, 10));
  it('evaluates only users with a relevant test item', () => expect(m.users).toBe(2));
  it('uses the threshold: at 5, A has one relevant item (b at rank 1)', () => {
    const m5 = topNMetrics(fixed, data, train, test, 3, 5);
    expect(m5.precision).toBeCloseTo((1 / 3 + 0) / 2, 10);
    expect(m5.ndcg).toBeCloseTo(0.5, 10);
  });
});

describe('similarItems', () => {
  it('falls back to cosine between rating columns in train', () => {
    // b is rated by B (3); c by B (4): cosine 1. a and f share no user: 0.
    const top = similarItems({ data, train }, data.items.indexOf('b'), 2);
    expect(data.items[top[0].item]).toBe('c');
    expect(top[0].score).toBeCloseTo(1, 6);
    expect(top[1].score).toBe(0);
  });
  it('refuses a model without item similarity', () => {
    expect(() => similarItems(fixed, 0, 2)).toThrow(/no item similarity/);
  });
});

describe('ties in a top-N list', () => {
  // Every item scores 5.00 (SVD clipping at the top of the scale): the order must not be the file's.
  const flat: RatingModel = { ...fixed, scoreUser: (_u, out) => out.fill(5) };
  it('go to the more popular item, then the lower index', () => {
    const seen = seenItems(data, new Int32Array(0));
    const popularity = Int32Array.from(data.items, (id) => ({ e: 9, c: 7, f: 7 })[id] ?? 0);
    expect(names(topNForUser(flat, data, seen, 0, 4, undefined, { popularity }))).toBe('ecfa');
  });
  it('leave out items under the minimum number of ratings', () => {
    const seen = seenItems(data, new Int32Array(0));
    const popularity = Int32Array.from(data.items, (id) => ({ e: 9, c: 7, f: 7 })[id] ?? 0);
    expect(names(topNForUser(flat, data, seen, 0, 4, undefined, { popularity, minRatings: 8 }))).toBe('e');
  });
});
