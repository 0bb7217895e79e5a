import { describe, expect, it } from 'vitest';
import { buildRatings, parseRatingsText } from './ratings';

describe('buildRatings', () => {
  it('gives dense indices in order of first appearance and keeps ids as strings', () => {
    const r = buildRatings([10, 20, 10], ['a', 'b', 'b'], [5, 3, 4]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.users).toEqual(['10', '20']);
    expect(r.value.items).toEqual(['a', 'b']);
    expect(Array.from(r.value.user)).toEqual([0, 1, 0]);
    expect(Array.from(r.value.item)).toEqual([0, 1, 1]);
    expect(r.value.duplicatesAveraged).toBe(0);
    expect([r.value.ratingMin, r.value.ratingMax]).toEqual([3, 5]);
  });

  it('averages duplicate user-item pairs at the first position, keeps the latest timestamp, and counts them', () => {
    const r = buildRatings(['u1', 'u1', 'u2', 'u1', 'u1'], ['i1', 'i2', 'i1', 'i1', 'i1'], [5, 2, 3, 4, 2], [1, 2, 3, 9, 4]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.duplicatesAveraged).toBe(2);
    expect(Array.from(r.value.rating)).toEqual([(5 + 4 + 2) / 3, 2, 3].map(Math.fround));
    expect(Array.from(r.value.timestamp!)).toEqual([9, 2, 3]);
  });

  it('rejects missing or non-numeric ratings with the count and first row', () => {
    const r = buildRatings(['a', 'b', 'c'], ['x', 'y', 'x'], [4, NaN, 3]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(
      '1 of 3 ratings are missing or not numbers (first at row 2). Fix or remove those rows, or choose another rating column.',
    );
    const all = buildRatings(['a'], ['x'], ['five' as unknown as number]);
    if (!all.ok) expect(all.error.message).toMatch(/no numeric values/);
    else throw new Error('expected an error');
  });

  it('rejects a single item, a single user, empty input and mismatched columns', () => {
    const one = buildRatings(['a', 'b'], ['x', 'x'], [1, 2]);
    expect(!one.ok && one.error.message).toBe('All ratings are for a single item: recommending needs at least two items.');
    const oneUser = buildRatings(['a', 'a'], ['x', 'y'], [1, 2]);
    expect(!oneUser.ok && oneUser.error.message).toMatch(/single user/);
    const empty = buildRatings([], [], []);
    expect(!empty.ok && empty.error.message).toMatch(/no rows/);
    const ragged = buildRatings(['a'], ['x', 'y'], [1]);
    expect(!ragged.ok && ragged.error.message).toMatch(/same number of rows/);
    const noId = buildRatings(['a', ''], ['x', 'y'], [1, 2]);
    expect(!noId.ok && noId.error.message).toMatch(/no user or no item id/);
  });
});

describe('parseRatingsText', () => {
  it('reads tab-separated user item rating timestamp lines', () => {
    const r = parseRatingsText('196\t242\t3\t881250949\n186\t302\t3\t891717742\n\n196\t302\t5\t1\n');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.users).toEqual(['196', '186']);
    expect(Array.from(r.value.rating)).toEqual([3, 3, 5]);
    expect(Array.from(r.value.timestamp!)).toEqual([881250949, 891717742, 1]);
  });
  it('reports a missing rating field', () => {
    const r = parseRatingsText('1\t2\n1\t3\t4\n');
    expect(!r.ok && r.error.message).toMatch(/1 of 2 ratings are missing/);
  });
});
