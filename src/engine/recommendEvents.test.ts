import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../core/frame/ingest';
import type { Dataset } from '../core/frame/types';
import { generateDemoRatings } from '../demo';
import { createEventsService } from './recommendEvents';

function load(id: string, name: string, text: string | Uint8Array): Dataset {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const parsed = ingestBytes(bytes, { id, name });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('events service on demo-ratings', () => {
  const demo = load('ds1', 'demo-ratings.csv', generateDemoRatings().bytes);
  const clicks = load('ds2', 'clicks.csv', 'user,item,event,name\nu1,a,view,Red shoe\nu1,b,purchase,Blue shoe\nu2,a,cart,Red shoe\nu2,a,view,Red shoe\nu3,c,view,Hat\n');
  const datasets = new Map([[demo.id, demo], [clicks.id, clicks]]);
  const service = createEventsService((id) => datasets.get(id) ?? null);

  it('suggests "rating 4 or more is a purchase" with titles and categories', () => {
    const s = service.suggest('ds1', [demo]);
    if (!s.ok) throw new Error(s.error.message);
    expect(s.value.mapping).toMatchObject({ user: 'user_id', item: 'product_id', threshold: { column: 'rating', minimum: 4 }, eventType: null });
    const summary = service.summarize(s.value.mapping);
    if (!summary.ok) throw new Error(summary.error.message);
    expect(summary.value.dropped).toBeGreaterThan(0);
    expect(summary.value.events + summary.value.dropped).toBe(demo.rowCount);
    expect(summary.value.itemsWithContent).toBe(summary.value.items);
  });

  it('weights event types and sums repeats', () => {
    const s = service.suggest('ds2', [clicks]);
    if (!s.ok) throw new Error(s.error.message);
    expect(s.value.mapping.eventType).toBe('event');
    expect(s.value.mapping.typeWeights).toEqual({ view: 1, purchase: 5, cart: 3 });
    const summary = service.summarize(s.value.mapping);
    expect(summary.ok && summary.value).toMatchObject({ events: 5, interactions: 4, users: 3, items: 3 });
    const zero = service.summarize({ ...s.value.mapping, typeWeights: { view: 0, purchase: 0, cart: 0 } });
    expect(!zero.ok && zero.error.message).toMatch(/No row is an event/);
  });

  it('compares, onboards a new user by fold-in and finds items like a new one', async () => {
    const s = service.suggest('ds1', [demo]);
    if (!s.ok) throw new Error(s.error.message);
    const progress: number[] = [];
    const r = await service.compare(s.value.mapping, { algorithms: ['sar', 'als', 'content', 'hybrid'], seed: 42, diversity: 0.7 }, { aborted: false }, (f) => progress.push(f));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows.map((x) => x.algorithm)).toEqual(['sar', 'als', 'content', 'hybrid']);
    for (const row of r.value.rows) {
      expect(row.ndcg).toBeGreaterThan(0);
      expect(row.diversity).not.toBeNull();
      expect(row.reranked!.diversity!).toBeGreaterThanOrEqual(row.diversity! - 1e-9);
    }
    expect(progress.at(-1)).toBe(1);
    const cold = service.onboard('als', []);
    if (!cold.ok) throw new Error(cold.error.message);
    expect(cold.value.source).toBe('popular');
    const books = service.searchItems('books', 3).map((x) => x.item);
    expect(books.length).toBe(3);
    const warm = service.onboard('als', books);
    if (!warm.ok) throw new Error(warm.error.message);
    expect(warm.value.source).toBe('als');
    expect(warm.value.millis).toBeGreaterThanOrEqual(0); // its speed is `npm run bench -- onboarding`'s job
    expect(warm.value.top.map((x) => x.item)).not.toEqual(cold.value.top.map((x) => x.item));
    expect(warm.value.top.some((x) => books.includes(x.item))).toBe(false);
    const similar = service.newItemSimilar('Poetry Collection Deluxe', 'Books');
    if (!similar.ok) throw new Error(similar.error.message);
    expect(similar.value[0].category).toBe('Books');
    expect(similar.value[0].title).toMatch(/Poetry Collection/);
    const nothing = service.newItemSimilar('zzz qqq', '');
    expect(!nothing.ok && nothing.error.message).toMatch(/nothing is similar/);
  });

  it('refuses SAR on more items than its item-by-item table allows, with a message', async () => {
    const rows = Array.from({ length: 8001 }, (_, k) => `u${k % 50},i${k}`).join('\n');
    const big = load('ds3', 'big.csv', `user,item\n${rows}\n`);
    datasets.set(big.id, big);
    const s = service.suggest('ds3', [big]);
    if (!s.ok) throw new Error(s.error.message);
    const r = await service.compare(s.value.mapping, { algorithms: ['sar'], seed: 1, diversity: 1 }, { aborted: false }, () => {});
    expect(!r.ok && r.error.message).toMatch(/up to 8,000 items; these events have 8,001/);
  });

  it('cancels', async () => {
    const s = service.suggest('ds1', [demo]);
    if (!s.ok) throw new Error(s.error.message);
    const r = await service.compare(s.value.mapping, { algorithms: ['als'], seed: 1, diversity: 1 }, { aborted: true }, () => {});
    expect(!r.ok && r.error.reason).toBe('cancelled');
  });
});
