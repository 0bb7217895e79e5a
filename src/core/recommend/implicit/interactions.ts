import type { History, Interactions } from './types';

/** One event per entry: user and item as dense indices, a weight (event type) and an optional time in seconds. */
export interface EventColumns {
  user: Int32Array;
  item: Int32Array;
  /** Per-event weight, e.g. view 1, cart 3, purchase 5; 1 when absent. */
  weight?: Float32Array;
  /** Seconds since epoch; needed for time decay. */
  time?: Float64Array;
}

export interface DecayOptions {
  /** An event halfLifeDays older than `now` counts half (SAR's time decay). */
  halfLifeDays: number;
  /** Reference time in seconds; defaults to the latest event, as SAR does. */
  now?: number;
}

/**
 * Sums the events of each user-item pair into one confidence: sum of weight * 2^(-age / halfLife).
 * Repeated events add up because repetition is the signal implicit feedback has instead of a rating.
 */
export function buildInteractions(
  nUsers: number,
  nItems: number,
  events: EventColumns,
  decay?: DecayOptions,
  subset?: Int32Array,
): Interactions {
  const n = subset ? subset.length : events.user.length;
  const at = (k: number): number => (subset ? subset[k] : k);
  let now = decay?.now ?? -Infinity;
  if (decay && decay.now === undefined && events.time) for (let k = 0; k < n; k++) now = Math.max(now, events.time[at(k)]);
  const halfLife = decay ? decay.halfLifeDays * 86400 : 0;
  const pairs = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const e = at(k);
    let w = events.weight ? events.weight[e] : 1;
    if (decay && events.time && halfLife > 0) w *= Math.pow(2, -(now - events.time[e]) / halfLife);
    if (!(w > 0)) continue;
    const key = events.user[e] * nItems + events.item[e];
    pairs.set(key, (pairs.get(key) ?? 0) + w);
  }
  return fromPairs(nUsers, nItems, pairs);
}

function fromPairs(nUsers: number, nItems: number, pairs: Map<number, number>): Interactions {
  const keys = Float64Array.from(pairs.keys()).sort();
  const nnz = keys.length;
  const userStart = new Int32Array(nUsers + 1);
  const itemStart = new Int32Array(nItems + 1);
  const userItems = new Int32Array(nnz);
  const userConf = new Float32Array(nnz);
  for (let p = 0; p < nnz; p++) {
    const u = Math.floor(keys[p] / nItems);
    const i = keys[p] - u * nItems;
    userStart[u + 1]++;
    itemStart[i + 1]++;
    userItems[p] = i;
    userConf[p] = pairs.get(keys[p])!;
  }
  for (let u = 0; u < nUsers; u++) userStart[u + 1] += userStart[u];
  for (let i = 0; i < nItems; i++) itemStart[i + 1] += itemStart[i];
  const fill = itemStart.slice(0, nItems);
  const itemUsers = new Int32Array(nnz);
  const itemConf = new Float32Array(nnz);
  // keys are sorted by user then item, so each item's users come out sorted too.
  for (let u = 0; u < nUsers; u++) {
    for (let p = userStart[u]; p < userStart[u + 1]; p++) {
      const q = fill[userItems[p]]++;
      itemUsers[q] = u;
      itemConf[q] = userConf[p];
    }
  }
  return { nUsers, nItems, userStart, userItems, userConf, itemStart, itemUsers, itemConf };
}

/** User u's row as a History (views, no copy). */
export function userHistory(x: Interactions, u: number): History {
  return { items: x.userItems.subarray(x.userStart[u], x.userStart[u + 1]), conf: x.userConf.subarray(x.userStart[u], x.userStart[u + 1]) };
}

/** Interaction count per item: how many users touched it. */
export function itemPopularity(x: Interactions): Float32Array {
  const out = new Float32Array(x.nItems);
  for (let i = 0; i < x.nItems; i++) out[i] = x.itemStart[i + 1] - x.itemStart[i];
  return out;
}
