import type { Result } from '../frame/types';

/**
 * Explicit ratings as parallel typed arrays: one entry per (user, item) pair.
 * Users and items get dense indices in order of first appearance, as Surprise's inner ids do.
 */
export interface RatingMatrix {
  /** Original user ids, as strings, indexed by dense user index. */
  users: string[];
  items: string[];
  user: Int32Array;
  item: Int32Array;
  rating: Float32Array;
  timestamp?: Float64Array;
  /** How many input rows were folded into an earlier row with the same user and item. */
  duplicatesAveraged: number;
  /** Rating scale used to clip estimates (Surprise clips to the reader's scale). */
  ratingMin: number;
  ratingMax: number;
}

export interface RatingsError {
  message: string;
}

/**
 * Builds a RatingMatrix from raw columns.
 * Duplicate (user, item) pairs are averaged into one rating (kept at the first row's position,
 * with the latest timestamp), because a user has one opinion of an item; their count is reported.
 */
export function buildRatings(
  userIds: ArrayLike<string | number>,
  itemIds: ArrayLike<string | number>,
  ratings: ArrayLike<number>,
  timestamps?: ArrayLike<number>,
): Result<RatingMatrix, RatingsError> {
  const n = userIds.length;
  if (itemIds.length !== n || ratings.length !== n || (timestamps && timestamps.length !== n)) {
    return fail('The user, item, rating (and timestamp) columns must have the same number of rows.');
  }
  if (n === 0) return fail('There are no ratings: the file has no rows.');
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const users: string[] = [];
  const items: string[] = [];
  const pairRow = new Map<string, number>();
  const user: number[] = [];
  const item: number[] = [];
  const sum: number[] = [];
  const count: number[] = [];
  const time: number[] = [];
  let badRating = 0;
  let firstBad = -1;
  let missingId = 0;
  for (let r = 0; r < n; r++) {
    const rawRating = ratings[r];
    const value = typeof rawRating === 'number' ? rawRating : Number(rawRating);
    if (!Number.isFinite(value)) {
      badRating++;
      if (firstBad < 0) firstBad = r;
      continue;
    }
    const uid = idString(userIds[r]);
    const iid = idString(itemIds[r]);
    if (uid === null || iid === null) {
      missingId++;
      continue;
    }
    let u = userIndex.get(uid);
    if (u === undefined) {
      u = users.length;
      userIndex.set(uid, u);
      users.push(uid);
    }
    let i = itemIndex.get(iid);
    if (i === undefined) {
      i = items.length;
      itemIndex.set(iid, i);
      items.push(iid);
    }
    const key = `${u}\u0000${i}`;
    const t = timestamps ? Number(timestamps[r]) : 0;
    const row = pairRow.get(key);
    if (row !== undefined) {
      sum[row] += value;
      count[row]++;
      if (t > time[row]) time[row] = t;
      continue;
    }
    pairRow.set(key, user.length);
    user.push(u);
    item.push(i);
    sum.push(value);
    count.push(1);
    time.push(t);
  }
  if (badRating > 0 && badRating === n) {
    return fail('The rating column has no numeric values: choose a column of numbers (for example 1 to 5 stars).');
  }
  if (badRating > 0) {
    return fail(
      `${badRating} of ${n} ratings are missing or not numbers (first at row ${firstBad + 1}). ` +
        'Fix or remove those rows, or choose another rating column.',
    );
  }
  if (missingId > 0) return fail(`${missingId} rows have no user or no item id. Remove them and try again.`);
  if (items.length < 2) return fail('All ratings are for a single item: recommending needs at least two items.');
  if (users.length < 2) return fail('All ratings come from a single user: recommending needs at least two users.');
  const m = user.length;
  const rating = new Float32Array(m);
  let ratingMin = Infinity;
  let ratingMax = -Infinity;
  for (let r = 0; r < m; r++) {
    rating[r] = sum[r] / count[r];
    if (rating[r] < ratingMin) ratingMin = rating[r];
    if (rating[r] > ratingMax) ratingMax = rating[r];
  }
  return {
    ok: true,
    value: {
      users,
      items,
      user: Int32Array.from(user),
      item: Int32Array.from(item),
      rating,
      timestamp: timestamps ? Float64Array.from(time) : undefined,
      duplicatesAveraged: n - m,
      ratingMin,
      ratingMax,
    },
  };
}

/**
 * Parses MovieLens-style text (user, item, rating[, timestamp] per line, no header),
 * such as ml-100k's u.data (tab-separated). Pure: the caller reads the file.
 */
export function parseRatingsText(text: string, delimiter = '\t'): Result<RatingMatrix, RatingsError> {
  const users: string[] = [];
  const items: string[] = [];
  const ratings: number[] = [];
  const times: number[] = [];
  let withTime = true;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const f = line.split(delimiter);
    users.push(f[0]);
    items.push(f[1]);
    ratings.push(f.length > 2 && f[2].trim() !== '' ? Number(f[2]) : NaN);
    if (f.length > 3) times.push(Number(f[3]));
    else withTime = false;
  }
  return buildRatings(users, items, ratings, withTime ? times : undefined);
}

function idString(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : String(v);
  const s = v.trim();
  return s === '' ? null : s;
}

function fail(message: string): Result<RatingMatrix, RatingsError> {
  return { ok: false, error: { message } };
}
