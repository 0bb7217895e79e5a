import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecommendProgress } from '../api';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';

describe.each(TRANSPORTS)('ratings service (%s)', (transport) => {
  let connection: TestEngine;
  let demoId = '';
  beforeAll(async () => {
    connection = await startTestEngine(transport, { loadDemo: true });
    demoId = (await connection.engine.data.listDatasets()).find((d) => d.name === 'demo-ratings.csv')!.id;
  });
  afterAll(() => connection.close());
  const ratings = () => connection.engine.ratings;

  it('suggests the demo-ratings mapping with titles and categories', async () => {
    const s = expectOk(await ratings().suggestRatingsMapping(demoId));
    expect(s.mapping).toMatchObject({
      user: 'user_id',
      item: 'product_id',
      rating: 'rating',
      timestamp: 'timestamp',
      details: { datasetId: demoId, idColumn: 'product_id', titleColumn: 'product_name', categoryColumn: 'category' },
    });
  });

  it('compares, previews with reasons and exports top-N as a Blob', async () => {
    const s = expectOk(await ratings().suggestRatingsMapping(demoId));
    const progress: number[] = [];
    const onProgress = connection.callback((p: RecommendProgress) => progress.push(p.fraction));
    const result = expectOk(await ratings().compareRecommenders(s.mapping, { algorithms: ['baseline', 'svd'], split: { kind: 'kfold', folds: 3, seed: 0 } }, 'cmp-job', onProgress));
    expect(result.rows.map((r) => r.algorithm)).toEqual(['baseline', 'svd']);
    for (const row of result.rows) {
      expect(row.rmse).toBeGreaterThan(0.3);
      expect(row.rmse).toBeLessThan(1.5);
      expect(row.precision).toBeGreaterThanOrEqual(0);
    }
    const id = result.comparisonId;
    const users = expectOk(await ratings().searchRatingUsers(id, '', 20));
    expect(users.length).toBe(20);
    const preview = expectOk(await ratings().userRecommendations(id, users[0], 'svd', 10));
    expect(preview.top).toHaveLength(10);
    expect(preview.top[0].title).toBeTruthy();
    expect(preview.top.some((t) => t.because.length > 0)).toBe(true);
    const seen = new Set(preview.history.map((h) => h.item));
    // Reasons are items the user liked (rated at or above their own mean).
    const mean = preview.history.reduce((a, h) => a + h.rating, 0) / preview.history.length;
    const ratingOf = new Map(preview.history.map((h) => [h.item, h.rating]));
    for (const t of preview.top) for (const b of t.because) expect(ratingOf.get(b.item)).toBeGreaterThanOrEqual(mean);
    expect(preview.top.every((t) => !seen.has(t.item))).toBe(true);
    expect(expectOk(await ratings().similarRatedItems(id, preview.top[0].item, 'baseline', 10)).length).toBe(10);
    // Support beside each score; the baseline reasons by no item, so it names none.
    expect(preview.top.every((t) => (t.ratings ?? 0) > 0)).toBe(true);
    const baseline = expectOk(await ratings().userRecommendations(id, users[0], 'baseline', 10));
    expect(baseline.top.every((t) => t.because.length === 0)).toBe(true);
    // The minimum-support option: only items with at least 150 ratings.
    const supported = expectOk(await ratings().userRecommendations(id, users[0], 'svd', 10, 150));
    expect(supported.top.length).toBeGreaterThan(0);
    expect(supported.top.every((t) => (t.ratings ?? 0) >= 150)).toBe(true);
    const csv = expectOk(await ratings().exportTopN(id, 'baseline', 10));
    expect(csv).toBeInstanceOf(Blob);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('user,rank,item,score');
    expect(lines.length).toBe(1 + 10 * result.summary.users);
    expect(progress.at(-1)).toBe(1);
  });

  it('says how long each algorithm has left, from its own folds', async () => {
    const s = expectOk(await ratings().suggestRatingsMapping(demoId));
    const events: RecommendProgress[] = [];
    const onProgress = connection.callback((p: RecommendProgress) => events.push(p));
    expectOk(await ratings().compareRecommenders(s.mapping, { algorithms: ['popularity', 'baseline'], split: { kind: 'kfold', folds: 3, seed: 0 } }, 'eta-job', onProgress));
    // Through comlink the last events may land after the result: let them in.
    for (let k = 0; k < 5; k++) await new Promise((r) => setTimeout(r, 20));
    const lines = events.map((e) => e.algorithms ?? []);
    for (const [k, name] of (['popularity', 'baseline'] as const).entries()) {
      // After its first fold, a running algorithm has its own estimate; the one after it is still waiting.
      const estimated = lines.find((l) => l[k]?.status === 'running' && l[k].foldsDone >= 1 && l[k].secondsLeft !== null);
      expect(estimated, name).toBeDefined();
      expect(estimated![k]).toMatchObject({ algorithm: name, folds: 3 });
      if (k === 0) expect(estimated![1].status).toBe('waiting');
      // Before its first fold ends there is no estimate to give.
      expect(lines.some((l) => l[k]?.status === 'running' && l[k].foldsDone === 0 && l[k].secondsLeft === null)).toBe(true);
    }
    expect(lines.at(-1)!.map((a) => a.status)).toEqual(['ready', 'ready']);
  });

  it('keeps a first comparison when a second one runs, until it is removed', async () => {
    const s = expectOk(await ratings().suggestRatingsMapping(demoId));
    const none = connection.callback(() => {});
    const first = expectOk(await ratings().compareRecommenders(s.mapping, { algorithms: ['baseline'], split: { kind: 'kfold', folds: 2, seed: 0 } }, 'a', none));
    const second = expectOk(await ratings().compareRecommenders(s.mapping, { algorithms: ['popularity'], split: { kind: 'kfold', folds: 2, seed: 1 } }, 'b', none));
    expect(second.comparisonId).not.toBe(first.comparisonId);
    const user = expectOk(await ratings().searchRatingUsers(first.comparisonId, '', 1))[0];
    expect((await ratings().userRecommendations(first.comparisonId, user, 'baseline', 5)).ok).toBe(true);
    expect(await ratings().userRecommendations(second.comparisonId, user, 'baseline', 5)).toMatchObject({ ok: false, reason: 'not-fitted' });
    const held = (await connection.engine.session.resources()).resources.filter((r) => r.kind === 'ratings-comparison').map((r) => r.id);
    expect(held).toEqual(expect.arrayContaining([first.comparisonId, second.comparisonId]));
    expectOk(await ratings().removeComparison(first.comparisonId));
    expect(await ratings().userRecommendations(first.comparisonId, user, 'baseline', 5)).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('says clearly when the rating column is not numeric', async () => {
    const s = await ratings().summarizeRatings({ datasetId: demoId, user: 'user_id', item: 'product_id', rating: 'product_name', timestamp: null, details: null });
    expect(!s.ok && s.message).toMatch(/not numbers/);
  });

  it("holds out each user's latest ratings on a temporal split", async () => {
    const s = expectOk(await ratings().suggestRatingsMapping(demoId));
    const result = expectOk(await ratings().compareRecommenders(s.mapping, { algorithms: ['popularity'], split: { kind: 'temporal', lastN: 2 }, fitForPreview: false }, 't', null));
    expect(result.splitLabel).toBe('last 2 ratings of each user held out (by time)');
    expect(result.rows[0].rmse).toBeGreaterThan(0.3);
    expect(result.previewable).toEqual([]);
  });

  it('previews an algorithm as soon as it is fitted, while the comparison still runs', async () => {
    const s = expectOk(await ratings().suggestRatingsMapping(demoId));
    const readyLists: string[][] = [];
    let ended = false;
    let during: Promise<{ top: number; similar: number; svd: string; during: boolean; users: number }> | null = null;
    const onProgress = connection.callback((p: RecommendProgress) => {
      if (p.ready) readyLists.push(p.ready);
      if (during || !p.ready?.includes('baseline') || !p.comparisonId) return;
      const id = p.comparisonId;
      during = (async () => {
        const users = expectOk(await ratings().searchRatingUsers(id, '', 5));
        const preview = expectOk(await ratings().userRecommendations(id, users[0], 'baseline', 10));
        const similar = expectOk(await ratings().similarRatedItems(id, preview.top[0].item, 'baseline', 10));
        const svd = await ratings().userRecommendations(id, users[0], 'svd', 10);
        return { top: preview.top.length, similar: similar.length, svd: svd.ok ? 'ok' : svd.reason, during: !ended, users: users.length };
      })();
    });
    const result = expectOk(await ratings().compareRecommenders(s.mapping, { algorithms: ['baseline', 'svd'], split: { kind: 'kfold', folds: 3, seed: 0 } }, 'ready-job', onProgress));
    ended = true;
    expect(during).not.toBeNull();
    // Answered while SVD was still in its folds: the baseline's preview, SVD not yet fitted.
    expect(await during).toEqual({ top: 10, similar: 10, svd: 'not-fitted', during: true, users: 5 });
    expect(readyLists[0]).toEqual([]);
    // (The last reports, SVD ready, may still be on their way over comlink: the result says it.)
    expect(result.previewable).toEqual(['baseline', 'svd']);
  });

  it('drops a cancelled comparison, previews and all', async () => {
    const s = expectOk(await ratings().suggestRatingsMapping(demoId));
    let id = '';
    const onProgress = connection.callback((p: RecommendProgress) => {
      if (id || !p.ready?.includes('baseline') || !p.comparisonId) return;
      id = p.comparisonId;
      void connection.engine.session.cancel(p.jobId);
    });
    const result = await ratings().compareRecommenders(s.mapping, { algorithms: ['baseline', 'svd'], split: { kind: 'kfold', folds: 3, seed: 0 } }, 'drop-job', onProgress);
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(id).not.toBe('');
    expect(await ratings().searchRatingUsers(id, '', 1)).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('stops when cancelled', async () => {
    const s = expectOk(await ratings().suggestRatingsMapping(demoId));
    let cancelled = false;
    const onProgress = connection.callback((p: RecommendProgress) => {
      if (!cancelled) void connection.engine.session.cancel(p.jobId);
      cancelled = true;
    });
    const result = await ratings().compareRecommenders(s.mapping, { algorithms: ['svd', 'best'], split: { kind: 'kfold', folds: 5, seed: 0 } }, 'cancel-me', onProgress);
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('maps headerless MovieLens files and joins u.item titles', async () => {
    const { engine, callback } = connection;
    const none = callback(() => {});
    const data = expectOk(await engine.data.loadFile(new Blob(['196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t242\t1\t878887116\n196\t302\t4\t881250950\n']), 'u.data', null, 'u1', none));
    const items = expectOk(await engine.data.loadFile(new Blob(['242|Kolya (1996)|24-Jan-1997\n302|L.A. Confidential (1997)|01-Jan-1997\n']), 'u.item', null, 'u2', none));
    const s = expectOk(await ratings().suggestRatingsMapping(data.id));
    expect(s.mapping).toMatchObject({ user: 'column_1', item: 'column_2', rating: 'column_3', timestamp: 'column_4', details: { datasetId: items.id, idColumn: 'column_1', titleColumn: 'column_2' } });
    expect(expectOk(await ratings().summarizeRatings(s.mapping))).toMatchObject({ ratings: 4, users: 3, items: 2, itemsWithTitles: 2 });
  });
});
