import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../core/frame/ingest';
import type { Dataset } from '../core/frame/types';
import { generateDemoRatings } from '../demo';
import { createRecommendService } from './recommend';

function load(id: string, name: string, text: string | Uint8Array): Dataset {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const parsed = ingestBytes(bytes, { id, name });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('recommend service', () => {
  const demo = load('ds1', 'demo-ratings.csv', generateDemoRatings().bytes);
  const datasets = new Map([[demo.id, demo]]);
  const service = createRecommendService((id) => datasets.get(id) ?? null);

  it('suggests the demo-ratings mapping with titles and categories', () => {
    const s = service.suggest('ds1', [demo]);
    expect(s.ok && s.value.mapping).toMatchObject({
      user: 'user_id',
      item: 'product_id',
      rating: 'rating',
      timestamp: 'timestamp',
      details: { datasetId: 'ds1', idColumn: 'product_id', titleColumn: 'product_name', categoryColumn: 'category' },
    });
  });

  it('compares, previews with reasons and exports top-N', async () => {
    const s = service.suggest('ds1', [demo]);
    if (!s.ok) throw new Error(s.error.message);
    const progress: number[] = [];
    const result = await service.compare(s.value.mapping, { algorithms: ['baseline', 'svd'], split: { kind: 'kfold', folds: 3, seed: 0 } }, { aborted: false }, (f) => progress.push(f));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rows.map((r) => r.algorithm)).toEqual(['baseline', 'svd']);
    for (const row of result.value.rows) {
      expect(row.rmse).toBeGreaterThan(0.3);
      expect(row.rmse).toBeLessThan(1.5);
      expect(row.precision).toBeGreaterThanOrEqual(0);
    }
    expect(progress.at(-1)).toBe(1);
    const user = service.searchUsers('', 20);
    expect(user.length).toBe(20);
    const preview = service.userPreview(user[0], 'svd');
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.top).toHaveLength(10);
    expect(preview.value.top[0].title).toBeTruthy();
    expect(preview.value.top.some((t) => t.because.length > 0)).toBe(true);
    const seen = new Set(preview.value.history.map((h) => h.item));
    // Reasons are items the user liked (rated at or above their own mean).
    const mean = preview.value.history.reduce((a, h) => a + h.rating, 0) / preview.value.history.length;
    const ratingOf = new Map(preview.value.history.map((h) => [h.item, h.rating]));
    for (const t of preview.value.top) for (const b of t.because) expect(ratingOf.get(b.item)).toBeGreaterThanOrEqual(mean);
    expect(preview.value.top.every((t) => !seen.has(t.item))).toBe(true);
    const similar = service.similarItems(preview.value.top[0].item, 'baseline');
    expect(similar.ok && similar.value.length).toBe(10);
    const csv = service.exportTopN('baseline', 10);
    if (!csv.ok) throw new Error(csv.error.message);
    const lines = csv.value.trim().split('\n');
    expect(lines[0]).toBe('user,rank,item,score');
    expect(lines.length).toBe(1 + 10 * result.value.summary.users);
  });

  it('says clearly when the rating column is not numeric', () => {
    const s = service.summarize({ datasetId: 'ds1', user: 'user_id', item: 'product_id', rating: 'product_name', timestamp: null, details: null });
    expect(!s.ok && s.error.message).toMatch(/not numbers/);
  });

  it('holds out each user\'s latest ratings on a temporal split', async () => {
    const s = service.suggest('ds1', [demo]);
    if (!s.ok) throw new Error(s.error.message);
    const result = await service.compare(s.value.mapping, { algorithms: ['popularity'], split: { kind: 'temporal', lastN: 2 }, fitForPreview: false }, { aborted: false }, () => {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.splitLabel).toBe('last 2 ratings of each user held out (by time)');
    expect(result.value.rows[0].rmse).toBeGreaterThan(0.3);
    expect(result.value.previewable).toEqual([]);
  });

  it('stops when cancelled', async () => {
    const s = service.suggest('ds1', [demo]);
    if (!s.ok) throw new Error(s.error.message);
    const result = await service.compare(s.value.mapping, { algorithms: ['svd'], split: { kind: 'kfold', folds: 3, seed: 0 } }, { aborted: true }, () => {});
    expect(!result.ok && result.error.reason).toBe('cancelled');
  });

  it('maps headerless MovieLens files and joins u.item titles', () => {
    const data = load('ds2', 'u.data', '196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t242\t1\t878887116\n196\t302\t4\t881250950\n');
    const items = load('ds3', 'u.item', '242|Kolya (1996)|24-Jan-1997\n302|L.A. Confidential (1997)|01-Jan-1997\n');
    datasets.set('ds2', data).set('ds3', items);
    const s = service.suggest('ds2', [demo, data, items]);
    if (!s.ok) throw new Error(s.error.message);
    expect(s.value.mapping).toMatchObject({ user: 'column_1', item: 'column_2', rating: 'column_3', timestamp: 'column_4', details: { datasetId: 'ds3', idColumn: 'column_1', titleColumn: 'column_2' } });
    const summary = service.summarize(s.value.mapping);
    expect(summary.ok && summary.value).toMatchObject({ ratings: 4, users: 3, items: 2, itemsWithTitles: 2 });
  });
});
