import { describe, expect, it } from 'vitest';
import { load } from '../../core/frame/testing';
import type { Dataset } from '../../core/frame/types';
import { mapRatings, suggestMapping } from './mapping';

/**
 * MovieLens-shaped files, generated: ratings.csv (userId,movieId,rating,timestamp) and a
 * movies.csv saved by pandas with its unnamed index column first (",movieId,title,genres").
 * Movie ids skip a few numbers (1, 2, 3, 4, 6, ...) like ml-latest-small's, so the 0..n index
 * overlaps most of them: joining on it would give nearly every film a wrong title.
 */
function movieLensShaped(movies = 300, listed = movies): { ratings: Dataset; items: Dataset } {
  const ids = Array.from({ length: movies }, (_, i) => 1 + i + Math.floor(i / 4));
  const lines = ['userId,movieId,rating,timestamp'];
  for (let u = 1; u <= 40; u++) for (let k = 0; k < 25; k++) lines.push(`${u},${ids[(u * 7 + k * 11) % movies]},${1 + ((u + k) % 5)},${964982703 + k}`);
  const movieLines = [',movieId,title,genres', ...ids.slice(0, listed).map((id, i) => `${i},${id},Film number ${id} (1995),Drama|Comedy`)];
  return { ratings: load(lines.join('\n'), { id: 'r', name: 'ratings.csv' }), items: load(movieLines.join('\n'), { id: 'm', name: 'movies.csv' }) };
}

/** A customers table whose "age" values happen to be item ids: it must never be offered. */
function customers(): Dataset {
  const lines = ['customer_id,age,segment', ...Array.from({ length: 200 }, (_, i) => `c${i},${1 + (i % 90)},Segment ${i % 4}`)];
  return load(lines.join('\n'), { id: 'c', name: 'demo-customers.csv' });
}

describe('item details join on a MovieLens-shaped catalogue', () => {
  it('joins movies.csv on movieId, not on its unnamed index column', () => {
    const { ratings, items } = movieLensShaped();
    const s = suggestMapping(ratings, [customers(), ratings, items]);
    if (!s.ok) throw new Error(s.error.message);
    expect(s.value.mapping.details).toEqual({ datasetId: 'm', idColumn: 'movieId', titleColumn: 'title', categoryColumn: 'genres' });
  });

  it('never proposes a dataset whose key values do not name the rated items', () => {
    const { ratings } = movieLensShaped();
    const s = suggestMapping(ratings, [customers(), ratings]);
    if (!s.ok) throw new Error(s.error.message);
    expect(s.value.mapping.details).toBeNull();
  });

  it('shows the match rate and three sample id → title pairs, each title its own id', () => {
    const { ratings, items } = movieLensShaped();
    const s = suggestMapping(ratings, [items]);
    if (!s.ok) throw new Error(s.error.message);
    const mapped = mapRatings(s.value.mapping, (id) => ({ r: ratings, m: items })[id] ?? null);
    if (!mapped.ok) throw new Error(mapped.error.message);
    const match = mapped.value.summary.titleMatch!;
    expect(match.rate).toBe(1);
    expect(match.weak).toBe(false);
    expect(match.samples).toHaveLength(3);
    for (const { id, title } of match.samples) expect(title).toBe(`Film number ${id} (1995)`);
  });

  it('flags a join that names under half the rated items', () => {
    // movies.csv lists only the first 100 of the 300 rated films.
    const { ratings, items } = movieLensShaped(300, 100);
    const mapping = { datasetId: 'r', user: 'userId', item: 'movieId', rating: 'rating', timestamp: null, details: { datasetId: 'm', idColumn: 'movieId', titleColumn: 'title', categoryColumn: null } };
    const mapped = mapRatings(mapping, (id) => ({ r: ratings, m: items })[id] ?? null);
    if (!mapped.ok) throw new Error(mapped.error.message);
    const match = mapped.value.summary.titleMatch!;
    expect(match.rate).toBeLessThan(0.5);
    expect(match.weak).toBe(true);
  });
});
