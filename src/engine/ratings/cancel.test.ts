/**
 * Cancelling a comparison on a catalogue big enough that item kNN takes seconds: the cancel
 * lands inside the similarity loop (which hands the event loop back), not at the next fold, and
 * the job goes quiet. Counts events, never times them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RatingsMapping, RecommendProgress } from '../api';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';

/** A seeded ratings file: users x ~60 items each from a catalogue of `items`, ratings 1..5. */
export function generatedRatingsCsv(users: number, items: number, perUser: number, seed = 1): string {
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const lines = ['user_id,item_id,rating'];
  for (let u = 0; u < users; u++) {
    const seen = new Set<number>();
    while (seen.size < perUser) {
      // Skewed towards popular items, as real catalogues are, so items share raters.
      const i = Math.floor(items * rand() ** 2);
      if (seen.has(i)) continue;
      seen.add(i);
      lines.push(`u${u},i${i},${1 + Math.floor(rand() * 5)}`);
    }
  }
  return lines.join('\n') + '\n';
}

describe.each(TRANSPORTS)('cancelling a big item-kNN comparison (%s)', (transport) => {
  let connection: TestEngine;
  let mapping: RatingsMapping;
  beforeAll(async () => {
    connection = await startTestEngine(transport);
    const none = connection.callback(() => {});
    const ds = expectOk(await connection.engine.data.loadFile(new Blob([generatedRatingsCsv(1500, 6000, 80)]), 'big-ratings.csv', null, 'load-big', none));
    mapping = { datasetId: ds.id, user: 'user_id', item: 'item_id', rating: 'rating', timestamp: null, details: null };
  });
  afterAll(() => connection.close());

  it('stops inside the fit and sends no progress after the cancel landed', async () => {
    const events: RecommendProgress[] = [];
    let requestedAt = -1;
    let landedAt = -1;
    let cancelled: Promise<void> | null = null;
    const onProgress = connection.callback((p: RecommendProgress) => {
      events.push(p);
      // The first report from inside the fit (the fold's own start report is at 0).
      if (cancelled || !(p.fraction > 0)) return;
      requestedAt = events.length;
      cancelled = connection.engine.session.cancel(p.jobId).then(() => {
        landedAt = events.length;
      });
    });
    const result = await connection.engine.ratings.compareRecommenders(
      mapping,
      { algorithms: ['knn-item', 'knn-user'], split: { kind: 'kfold', folds: 3, seed: 0 } },
      'big-cancel',
      onProgress,
    );
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(cancelled).not.toBeNull();
    await cancelled;
    // Let anything still in flight arrive before counting.
    for (let k = 0; k < 5; k++) await new Promise((r) => setTimeout(r, 20));
    expect(events.length).toBe(landedAt);
    // The cancel landed mid-fold: at most the one report that was already on its way, not the
    // rest of item kNN's fold (several a second while the similarity matrix fills).
    expect(landedAt - requestedAt).toBeLessThanOrEqual(1);
    expect(events.every((e) => e.fraction < 1 / 3)).toBe(true);
  });
});
