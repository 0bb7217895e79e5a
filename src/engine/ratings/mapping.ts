/**
 * Ratings from loaded datasets: suggest which columns hold users, items, ratings and item
 * details, then read them into a RatingMatrix with titles joined on the item id.
 */
import { buildRatings, type RatingMatrix } from '../../core/recommend';
import type { Column, Dataset, Result } from '../../core/frame/types';
import type { ItemDetailsMapping, MappingSuggestion, RatingsMapping, RatingsSummary, TitleMatch } from './types';

export interface MappedRatings {
  data: RatingMatrix;
  /** Title and category per item index (null where the details have none). */
  titles: (string | null)[];
  categories: (string | null)[];
  summary: RatingsSummary;
}

type Failure = { message: string };

const USER_NAME = /^(user|customer|member|client|reader|viewer|buyer|person|account)s?([ _-]?id)?$|user/i;
const ITEM_NAME = /^(item|product|movie|film|book|song|track|article|sku|title_id)s?([ _-]?id)?$|item|product|movie/i;
const RATING_NAME = /rating|score|stars?$|^rate$|^grade$/i;
const TIME_NAME = /time|date|^ts$|when/i;
const TITLE_NAME = /title|name|label/i;
const CATEGORY_NAME = /categor|genre|type|group|department|class/i;

const isId = (c: Column) => c.kind === 'identifier' || c.kind === 'integer' || c.kind === 'categorical';
const isNumber = (c: Column) => c.storage === 'number' && c.kind !== 'datetime';
const isWords = (c: Column) => c.storage === 'dictionary';

/** A rating-like column: numbers on a small scale (at most 11 distinct values between -10 and 10, or 0-100). */
function looksLikeRating(c: Column): boolean {
  if (c.storage !== 'number' || c.kind === 'datetime') return false;
  const seen = new Set<number>();
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < c.values.length && seen.size <= 101; r++) {
    const v = c.values[r];
    if (v !== v) continue;
    seen.add(v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return seen.size >= 2 && seen.size <= 101 && min >= -10 && max <= 100 && max - min <= 100;
}

export function suggestMapping(ds: Dataset, others: Dataset[]): Result<MappingSuggestion, Failure> {
  const cols = ds.columns;
  if (cols.length < 3) return { ok: false, error: { message: `"${ds.name}" has ${cols.length} column(s): ratings need a user, an item and a rating column.` } };
  const notes: string[] = [];
  // Headerless files (MovieLens u.data): user, item, rating[, timestamp] by position.
  const headerless = cols.every((c) => /^column_\d+$/.test(c.name));
  const taken = new Set<string>();
  const pick = (test: (c: Column) => boolean): Column | undefined => {
    const c = cols.find((x) => !taken.has(x.name) && test(x));
    if (c) taken.add(c.name);
    return c;
  };
  let user: Column | undefined;
  let item: Column | undefined;
  let rating: Column | undefined;
  let timestamp: Column | undefined;
  if (headerless) {
    [user, item, rating, timestamp] = cols;
    cols.slice(0, 4).forEach((c) => taken.add(c.name));
    if (timestamp && !isNumber(timestamp) && timestamp.kind !== 'datetime') timestamp = undefined;
    notes.push('No header row: user, item, rating and timestamp are taken in that order, as in MovieLens u.data.');
  } else {
    user = pick((c) => USER_NAME.test(c.name) && isId(c)) ?? pick(isId);
    item = pick((c) => ITEM_NAME.test(c.name) && !TITLE_NAME.test(c.name) && isId(c)) ?? pick(isId);
    rating = pick((c) => RATING_NAME.test(c.name) && isNumber(c)) ?? pick(looksLikeRating) ?? pick(isNumber);
    timestamp = pick((c) => c.kind === 'datetime') ?? pick((c) => TIME_NAME.test(c.name) && isNumber(c));
  }
  if (!user || !item || !rating) return { ok: false, error: { message: `Could not find user, item and rating columns in "${ds.name}": pick them below.` } };
  notes.push(`User: "${user.name}", item: "${item.name}", rating: "${rating.name}"${timestamp ? `, time: "${timestamp.name}"` : ''}.`);
  const details = suggestDetails(ds, item, taken, others);
  if (details) notes.push(details.datasetId === ds.id ? `Item titles from "${details.titleColumn}".` : `Item titles from "${details.titleColumn}" of ${others.find((o) => o.id === details.datasetId)?.name}, joined on "${details.idColumn}".`);
  return {
    ok: true,
    value: {
      mapping: { datasetId: ds.id, user: user.name, item: item.name, rating: rating.name, timestamp: timestamp?.name ?? null, details },
      notes,
    },
  };
}

function suggestDetails(ds: Dataset, item: Column, taken: Set<string>, others: Dataset[]): ItemDetailsMapping | null {
  const title = ds.columns.find((c) => !taken.has(c.name) && isWords(c) && TITLE_NAME.test(c.name));
  if (title) {
    const category = ds.columns.find((c) => !taken.has(c.name) && c !== title && isWords(c) && CATEGORY_NAME.test(c.name));
    return { datasetId: ds.id, idColumn: item.name, titleColumn: title.name, categoryColumn: category?.name ?? null };
  }
  const rated = new Set(columnStrings(item));
  const candidates = others.filter((o) => o.id !== ds.id).flatMap((other) => keyColumnsOf(other, item).map((idCol) => ({ other, idCol })));
  for (const { other, idCol } of candidates) {
    // The key must name the rated items: an index or an "age" column that merely overlaps does not.
    const rate = overlapRate(idCol, rated);
    const sameName = idCol.name.toLowerCase() === item.name.toLowerCase();
    if (rate === 0 || (!sameName && rate < 0.5) || !mostlyUnique(idCol)) continue;
    const text = other.columns.filter((c) => c !== idCol && isWords(c));
    const otherTitle = text.find((c) => TITLE_NAME.test(c.name)) ?? text.find((c) => c.kind === 'text' || c.kind === 'identifier') ?? text[0];
    if (!otherTitle) continue;
    const category = text.find((c) => c !== otherTitle && CATEGORY_NAME.test(c.name));
    return { datasetId: other.id, idColumn: idCol.name, titleColumn: otherTitle.name, categoryColumn: category?.name ?? null };
  }
  return null;
}

/** A pandas index saved without a name reads as "column_1" or "Unnamed: 0" in a file that has a header. */
function isUnnamedIndex(c: Column, ds: Dataset): boolean {
  const headerless = ds.columns.every((x) => /^column_\d+$/.test(x.name));
  return /^unnamed(: ?\d+)?$|^index$/i.test(c.name) || (!headerless && /^column_\d+$/.test(c.name));
}

/** Key columns to try, best first: the item column's own name, then id-like names, then (headerless files, u.item) the first columns. */
function keyColumnsOf(other: Dataset, item: Column): Column[] {
  const keys = other.columns.filter((c) => isId(c) && !isUnnamedIndex(c, other));
  const same = keys.filter((c) => c.name.toLowerCase() === item.name.toLowerCase());
  const named = keys.filter((c) => !same.includes(c) && (ITEM_NAME.test(c.name) || /id$/i.test(c.name)));
  const first = keys.filter((c) => !same.includes(c) && !named.includes(c) && other.columns.indexOf(c) < 3);
  return [...same, ...named, ...first];
}

/** Share of the rated item ids that the column holds. */
function overlapRate(c: Column, rated: Set<string | null>): number {
  const held = new Set(columnStrings(c));
  let hits = 0;
  let total = 0;
  for (const id of rated) {
    if (id === null) continue;
    total++;
    if (held.has(id)) hits++;
  }
  return total === 0 ? 0 : hits / total;
}

/** An item table has about one row per id; a column that repeats (age, segment) is not a key. */
function mostlyUnique(c: Column): boolean {
  const values = columnStrings(c).filter((v) => v !== null);
  return values.length > 0 && new Set(values).size >= 0.9 * values.length;
}

/** Column values as id strings (integers without ".0"), null for missing. */
export function columnStrings(c: Column): (string | null)[] {
  if (c.storage === 'dictionary') return Array.from(c.codes, (k) => (k >= 0 ? c.dictionary[k] : null));
  return Array.from(c.values, (v) => (v === v ? String(v) : null));
}

export function mapRatings(m: RatingsMapping, datasetOf: (id: string) => Dataset | null): Result<MappedRatings, Failure> {
  const ds = datasetOf(m.datasetId);
  if (!ds) return { ok: false, error: { message: 'That dataset is no longer loaded.' } };
  const col = (name: string) => ds.columns.find((c) => c.name === name);
  const user = col(m.user);
  const item = col(m.item);
  const rating = col(m.rating);
  if (!user || !item || !rating) return { ok: false, error: { message: 'Choose a user, an item and a rating column.' } };
  if (new Set([m.user, m.item, m.rating]).size < 3) return { ok: false, error: { message: 'The user, item and rating columns must be three different columns.' } };
  if (rating.storage !== 'number' || rating.kind === 'datetime') {
    return { ok: false, error: { message: `The rating column "${rating.name}" holds ${rating.kind} values, not numbers: choose a column of numbers (for example 1 to 5 stars).` } };
  }
  const time = m.timestamp ? col(m.timestamp) : undefined;
  if (m.timestamp && (!time || time.storage !== 'number')) {
    return { ok: false, error: { message: `The timestamp column "${m.timestamp}" holds ${time?.kind ?? 'no'} values: choose a date or number column, or none.` } };
  }
  // Missing ids become '' so buildRatings counts them as rows without a user or item.
  const ids = (c: Column) => columnStrings(c).map((v) => v ?? '');
  const built = buildRatings(ids(user), ids(item), rating.values, time?.storage === 'number' ? time.values : undefined);
  if (!built.ok) return built;
  const data = built.value;
  const titles: (string | null)[] = new Array(data.items.length).fill(null);
  const categories: (string | null)[] = new Array(data.items.length).fill(null);
  if (m.details) {
    const joined = joinDetails(m.details, data, datasetOf);
    if (!joined.ok) return joined;
    joined.value.titles.forEach((t, i) => (titles[i] = t));
    joined.value.categories.forEach((t, i) => (categories[i] = t));
  }
  const perUser = new Int32Array(data.users.length);
  for (let r = 0; r < data.user.length; r++) perUser[data.user[r]]++;
  const summary: RatingsSummary = {
    ratings: data.rating.length,
    users: data.users.length,
    items: data.items.length,
    ratingMin: data.ratingMin,
    ratingMax: data.ratingMax,
    duplicatesAveraged: data.duplicatesAveraged,
    itemsWithTitles: titles.filter((t) => t !== null).length,
    titleMatch: m.details ? titleMatchOf(data, titles) : null,
    usersWithOneRating: perUser.filter((n) => n === 1).length,
  };
  return { ok: true, value: { data, titles, categories, summary } };
}

/** Under this share of rated items with a title, the join is flagged as probably on the wrong key. */
const WEAK_MATCH = 0.5;

function titleMatchOf(data: RatingMatrix, titles: (string | null)[]): TitleMatch {
  const count = new Int32Array(data.items.length);
  for (let r = 0; r < data.item.length; r++) count[data.item[r]]++;
  const matched = titles.filter((t) => t !== null).length;
  const rate = data.items.length === 0 ? 0 : matched / data.items.length;
  // Most-rated first (ties by id order), so the samples are films a person would recognise.
  const order = Array.from(titles.keys()).filter((i) => titles[i] !== null).sort((a, b) => count[b] - count[a] || a - b);
  const samples = order.slice(0, 3).map((i) => ({ id: data.items[i], title: titles[i]! }));
  return { rate, weak: rate < WEAK_MATCH, samples };
}

function joinDetails(d: ItemDetailsMapping, data: RatingMatrix, datasetOf: (id: string) => Dataset | null): Result<{ titles: (string | null)[]; categories: (string | null)[] }, Failure> {
  const ds = datasetOf(d.datasetId);
  if (!ds) return { ok: false, error: { message: 'The item details dataset is no longer loaded.' } };
  const idCol = ds.columns.find((c) => c.name === d.idColumn);
  const titleCol = ds.columns.find((c) => c.name === d.titleColumn);
  if (!idCol || !titleCol) return { ok: false, error: { message: `Choose the item id and title columns of "${ds.name}".` } };
  const catCol = d.categoryColumn ? ds.columns.find((c) => c.name === d.categoryColumn) : undefined;
  const ids = columnStrings(idCol);
  const titleValues = columnStrings(titleCol);
  const catValues = catCol ? columnStrings(catCol) : null;
  // First row per id wins: a ratings file repeats an item's title on every rating.
  const rowOf = new Map<string, number>();
  ids.forEach((id, r) => {
    if (id !== null && !rowOf.has(id)) rowOf.set(id, r);
  });
  const titles = data.items.map((id) => {
    const r = rowOf.get(id);
    return r === undefined ? null : titleValues[r];
  });
  const categories = data.items.map((id) => {
    const r = rowOf.get(id);
    return r === undefined || !catValues ? null : catValues[r];
  });
  return { ok: true, value: { titles, categories } };
}
