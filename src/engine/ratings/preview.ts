/**
 * What the preview shows for a fitted model: a user's history, their top-N with reasons,
 * similar items, and the top-N of every user as CSV. Runs in the worker on typed arrays.
 */
import { seenItems, similarItems, topNForUser, type RatingMatrix, type RatingModel, type SeenItems } from '../../core/recommend';
import type { MappedRatings } from './mapping';
import type { ItemRef, RatedItem, RecommendedItem, SimilarItem } from './types';

export interface PreviewContext {
  mapped: MappedRatings;
  /** All rating indices: preview models are fitted on everything. */
  all: Int32Array;
  seen: SeenItems;
  /** Users as compressed rows of rating indices, for history and reasons. */
  userRows: SeenItems;
  /** Ratings per item: the support shown beside a score, and the tie-break between equal scores. */
  popularity: Int32Array;
}

export function previewContext(mapped: MappedRatings): PreviewContext {
  const n = mapped.data.rating.length;
  const all = new Int32Array(n);
  for (let r = 0; r < n; r++) all[r] = r;
  const popularity = new Int32Array(mapped.data.items.length);
  for (let r = 0; r < n; r++) popularity[mapped.data.item[r]]++;
  return { mapped, all, seen: seenItems(mapped.data, all), userRows: ratingRowsByUser(mapped.data), popularity };
}

function ratingRowsByUser(data: RatingMatrix): SeenItems {
  const nUsers = data.users.length;
  const start = new Int32Array(nUsers + 1);
  for (let r = 0; r < data.user.length; r++) start[data.user[r] + 1]++;
  for (let u = 0; u < nUsers; u++) start[u + 1] += start[u];
  const fill = start.slice();
  const items = new Int32Array(data.user.length);
  for (let r = 0; r < data.user.length; r++) items[fill[data.user[r]]++] = r;
  return { start, items };
}

export function itemRef(ctx: PreviewContext, i: number): ItemRef {
  return { item: ctx.mapped.data.items[i], title: ctx.mapped.titles[i], category: ctx.mapped.categories[i], ratings: ctx.popularity[i] };
}

export function history(ctx: PreviewContext, u: number): RatedItem[] {
  const { data } = ctx.mapped;
  const rows = Array.from(ctx.userRows.items.subarray(ctx.userRows.start[u], ctx.userRows.start[u + 1]));
  rows.sort((a, b) => data.rating[b] - data.rating[a] || (data.timestamp ? data.timestamp[b] - data.timestamp[a] : 0) || a - b);
  return rows.map((r) => ({ ...itemRef(ctx, data.item[r]), rating: data.rating[r] }));
}

export function recommend(ctx: PreviewContext, model: RatingModel, u: number, n: number, minRatings = 1): RecommendedItem[] {
  return topNForUser(model, ctx.mapped.data, ctx.seen, u, n, undefined, { popularity: ctx.popularity, minRatings }).map((s, rank) => ({
    ...itemRef(ctx, s.item),
    rank: rank + 1,
    score: s.score,
    because: becauseYouLiked(ctx, model, u, s.item, 2).map((j) => itemRef(ctx, j)),
  }));
}

/**
 * The rated items behind a recommendation: only the model's own per-item contributions (item kNN,
 * SVD, SVD++), kept for items u rated at or above their own mean. A model that does not reason by
 * items (popularity, baseline, user kNN) gives none: a look-alike item it never used would be a
 * made-up reason, and the list says "from how everyone rated it" instead.
 */
export function becauseYouLiked(ctx: PreviewContext, model: RatingModel, u: number, i: number, top: number): number[] {
  const { data } = ctx.mapped;
  const usesItems = model.explain && !(model.kind === 'knn' && !model.itemSimilarity);
  if (!usesItems) return [];
  const rows = ctx.userRows.items.subarray(ctx.userRows.start[u], ctx.userRows.start[u + 1]);
  let mean = 0;
  for (const r of rows) mean += data.rating[r];
  mean /= Math.max(rows.length, 1);
  // Only items rated at or above the user's own mean count as liked: a factor model can also
  // "explain" with a disliked, dissimilar item, which reads wrong as a reason.
  const liked = new Set<number>();
  for (const r of rows) if (data.rating[r] >= mean) liked.add(data.item[r]);
  if (liked.size === 0) return [];
  return model.explain!(u, i, rows.length).filter((c) => c.weight > 0 && liked.has(c.item)).slice(0, top).map((c) => c.item);
}

export function similar(ctx: PreviewContext, model: RatingModel, i: number, n: number): SimilarItem[] {
  const source = model.itemSimilarity ? model : { data: ctx.mapped.data, train: ctx.all };
  return similarItems(source, i, n).map((s) => ({ ...itemRef(ctx, s.item), similarity: s.score }));
}

/** user,rank,item,score for every user, best first; fields quoted when they hold a comma or quote. */
export function topNCsv(ctx: PreviewContext, model: RatingModel, n: number, minRatings = 1): string {
  const { data } = ctx.mapped;
  const scratch = new Float32Array(data.items.length);
  const lines = ['user,rank,item,score'];
  for (let u = 0; u < data.users.length; u++) {
    const list = topNForUser(model, data, ctx.seen, u, n, scratch, { popularity: ctx.popularity, minRatings });
    list.forEach((s, rank) => lines.push(`${csvField(data.users[u])},${rank + 1},${csvField(data.items[s.item])},${s.score.toFixed(4)}`));
  }
  return lines.join('\n') + '\n';
}

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
