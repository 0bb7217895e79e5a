import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecommendProgress } from '../api';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';

describe.each(TRANSPORTS)('events service on demo-ratings (%s)', (transport) => {
  let connection: TestEngine;
  let demo = { id: '', rowCount: 0 };
  let clicksId = '';
  beforeAll(async () => {
    connection = await startTestEngine(transport, { loadDemo: true });
    demo = (await connection.engine.data.listDatasets()).find((d) => d.name === 'demo-ratings.csv')!;
    const clicks = new Blob(['user,item,event,name\nu1,a,view,Red shoe\nu1,b,purchase,Blue shoe\nu2,a,cart,Red shoe\nu2,a,view,Red shoe\nu3,c,view,Hat\n']);
    clicksId = expectOk(await connection.engine.data.loadFile(clicks, 'clicks.csv', null, 'c', connection.callback(() => {}))).id;
  });
  afterAll(() => connection.close());
  const events = () => connection.engine.events;

  it('suggests "rating 4 or more is a purchase" with titles and categories', async () => {
    const s = expectOk(await events().suggestEventsMapping(demo.id));
    expect(s.mapping).toMatchObject({ user: 'user_id', item: 'product_id', threshold: { column: 'rating', minimum: 4 }, eventType: null });
    const summary = expectOk(await events().summarizeEvents(s.mapping));
    expect(summary.dropped).toBeGreaterThan(0);
    expect(summary.events + summary.dropped).toBe(demo.rowCount);
    expect(summary.itemsWithContent).toBe(summary.items);
  });

  it('weights event types and sums repeats', async () => {
    const s = expectOk(await events().suggestEventsMapping(clicksId));
    expect(s.mapping.eventType).toBe('event');
    expect(s.mapping.typeWeights).toEqual({ view: 1, purchase: 5, cart: 3 });
    expect(expectOk(await events().summarizeEvents(s.mapping))).toMatchObject({ events: 5, interactions: 4, users: 3, items: 3 });
    const zero = await events().summarizeEvents({ ...s.mapping, typeWeights: { view: 0, purchase: 0, cart: 0 } });
    expect(!zero.ok && zero.message).toMatch(/No row is an event/);
  });

  it('compares, onboards a new user by fold-in and finds items like a new one', async () => {
    const s = expectOk(await events().suggestEventsMapping(demo.id));
    const progress: number[] = [];
    const onProgress = connection.callback((p: RecommendProgress) => progress.push(p.fraction));
    const r = expectOk(await events().compareImplicit(s.mapping, { algorithms: ['sar', 'als', 'content', 'hybrid'], seed: 42, diversity: 0.7 }, 'e1', onProgress));
    expect(r.rows.map((x) => x.algorithm)).toEqual(['sar', 'als', 'content', 'hybrid']);
    for (const row of r.rows) {
      expect(row.ndcg).toBeGreaterThan(0);
      expect(row.diversity).not.toBeNull();
      expect(row.reranked!.diversity!).toBeGreaterThanOrEqual(row.diversity! - 1e-9);
    }
    const id = r.comparisonId;
    // An existing user's preview, as in ratings mode: history, unseen top-10 with reasons, the CSV.
    const someone = expectOk(await events().searchEventUsers(id, '', 1))[0];
    const sar = expectOk(await events().eventUserRecommendations(id, someone, 'sar', 10));
    expect(sar.history.length).toBeGreaterThan(0);
    expect(sar.top).toHaveLength(10);
    const had = new Set(sar.history.map((h) => h.item));
    expect(sar.top.every((t) => !had.has(t.item))).toBe(true);
    expect(sar.top.some((t) => t.because.length > 0 && t.because.every((b) => had.has(b.item)))).toBe(true);
    const csv = expectOk(await events().exportEventsTopN(id, 'als', 10));
    const csvLines = (await csv.text()).trim().split('\n');
    expect(csvLines[0]).toBe('user,rank,item,score');
    expect(csvLines.length).toBe(1 + 10 * r.summary.users);
    const cold = expectOk(await events().onboardUser(id, 'als', [], 10, 1));
    expect(cold.source).toBe('popular');
    const books = expectOk(await events().searchEventItems(id, 'books', 3)).map((x) => x.item);
    expect(books.length).toBe(3);
    const warm = expectOk(await events().onboardUser(id, 'als', books, 10, 1));
    expect(warm.source).toBe('als');
    expect(warm.millis).toBeGreaterThanOrEqual(0); // its speed is `npm run bench -- onboarding`'s job
    expect(warm.top.map((x) => x.item)).not.toEqual(cold.top.map((x) => x.item));
    expect(warm.top.some((x) => books.includes(x.item))).toBe(false);
    const similar = expectOk(await events().similarToNewItem(id, 'Poetry Collection Deluxe', 'Books', 10));
    expect(similar[0].category).toBe('Books');
    expect(similar[0].title).toMatch(/Poetry Collection/);
    const nothing = await events().similarToNewItem(id, 'zzz qqq', '', 10);
    expect(!nothing.ok && nothing.message).toMatch(/nothing is similar/);
    expect(progress.at(-1)).toBe(1);

    // A second comparison gets its own id; the first still onboards.
    const again = expectOk(await events().compareImplicit(s.mapping, { algorithms: ['popular'], seed: 1, diversity: 1 }, 'e2', null));
    expect(again.comparisonId).not.toBe(id);
    expect(expectOk(await events().onboardUser(id, 'als', books, 10, 1)).source).toBe('als');
    expect(await events().onboardUser(again.comparisonId, 'als', books, 10, 1)).toMatchObject({ ok: false, reason: 'not-fitted' });
  });

  it('refuses SAR on more items than its item-by-item table allows, with a message', async () => {
    const rows = Array.from({ length: 8001 }, (_, k) => `u${k % 50},i${k}`).join('\n');
    const big = expectOk(await connection.engine.data.loadFile(new Blob([`user,item\n${rows}\n`]), 'big.csv', null, 'b', connection.callback(() => {})));
    const s = expectOk(await events().suggestEventsMapping(big.id));
    const r = await events().compareImplicit(s.mapping, { algorithms: ['sar'], seed: 1, diversity: 1 }, 'sar', null);
    expect(!r.ok && r.message).toMatch(/up to 8,000 items; these events have 8,001/);
  });

  it('cancels', async () => {
    const s = expectOk(await events().suggestEventsMapping(demo.id));
    let cancelled = false;
    const onProgress = connection.callback((p: RecommendProgress) => {
      if (!cancelled) void connection.engine.session.cancel(p.jobId);
      cancelled = true;
    });
    const r = await events().compareImplicit(s.mapping, { algorithms: ['als', 'bpr'], seed: 1, diversity: 1 }, 'cancel-events', onProgress);
    expect(r).toMatchObject({ ok: false, reason: 'cancelled' });
  });
});
