/**
 * Events from a loaded dataset: which columns hold user, item, event type, time, or a rating to
 * threshold ("a rating of 4 or more is a purchase"), read into dense event columns in the worker.
 */
import { buildContentIndex, buildInteractions, type ContentIndex, type Interactions } from '../../core/recommend/implicit';
import type { Column, Dataset, Result } from '../../core/frame/types';
import { columnStrings, suggestMapping } from '../ratings/mapping';
import type { EventsMapping, EventsSuggestion, EventsSummary } from './types';

type Failure = { message: string };

export interface MappedEvents {
  users: string[];
  items: string[];
  titles: (string | null)[];
  categories: (string | null)[];
  /** Summed, decayed events per user-item pair. */
  all: Interactions;
  /** The same pairs flattened (for splitting): user, item and confidence per pair. */
  pairUser: Int32Array;
  pairItem: Int32Array;
  pairConf: Float32Array;
  content: ContentIndex | null;
  summary: EventsSummary;
}

const EVENT_NAME = /event|action|interaction|behaviou?r|^type$/i;
/** Usual weights when a column names the event; anything else starts at 1 and the user can change it. */
const KNOWN_WEIGHTS: [RegExp, number][] = [
  [/purchase|buy|order|checkout|transaction/i, 5],
  [/cart|basket|wish|save|like|favou?rite/i, 3],
  [/view|click|visit|impression|open/i, 1],
];

export function suggestEvents(ds: Dataset, others: Dataset[]): Result<EventsSuggestion, Failure> {
  // An event log usually has no rating: then pick user and item by name (or the first two id-like columns).
  const base = suggestMapping(ds, others);
  const fallback = base.ok ? null : userItemByName(ds);
  if (!base.ok && !fallback) return { ok: false, error: { message: `Could not find user and item columns in "${ds.name}": pick them below.` } };
  const m = base.ok ? base.value.mapping : { datasetId: ds.id, user: fallback!.user, item: fallback!.item, rating: '', timestamp: fallback!.timestamp, details: fallback!.details };
  const notes = base.ok ? base.value.notes.filter((n) => !n.startsWith('User:')) : [];
  const typeCol = ds.columns.find((c) => c.storage === 'dictionary' && EVENT_NAME.test(c.name) && c.dictionary.length <= 50 && c.name !== m.user && c.name !== m.item);
  const eventTypes = typeCol ? typeCounts(typeCol) : [];
  const typeWeights: Record<string, number> = {};
  for (const { type } of eventTypes) typeWeights[type] = KNOWN_WEIGHTS.find(([re]) => re.test(type))?.[1] ?? 1;
  const ratingCol = ds.columns.find((c) => c.name === m.rating);
  // A 1-5 rating column becomes "4 or more is a purchase"; with an event type column, no threshold.
  const threshold = !typeCol && ratingCol && ratingCol.storage === 'number' && ratingCol.kind !== 'datetime' && m.rating ? { column: m.rating, minimum: 4 } : null;
  notes.unshift(`User: "${m.user}", item: "${m.item}"${typeCol ? `, event type: "${typeCol.name}"` : ''}${m.timestamp ? `, time: "${m.timestamp}"` : ''}.`);
  if (threshold) notes.push(`"${threshold.column}" of ${threshold.minimum} or more counts as a purchase; lower rows are not events.`);
  return {
    ok: true,
    value: {
      mapping: { datasetId: m.datasetId, user: m.user, item: m.item, timestamp: m.timestamp, eventType: typeCol?.name ?? null, typeWeights, threshold, halfLifeDays: null, details: m.details },
      notes,
      eventTypes,
    },
  };
}

const isIdLike = (c: Column) => c.kind === 'identifier' || c.kind === 'integer' || c.kind === 'categorical';

function userItemByName(ds: Dataset): { user: string; item: string; timestamp: string | null; details: EventsMapping['details'] } | null {
  const ids = ds.columns.filter(isIdLike);
  const user = ids.find((c) => /user|customer|visitor|member|session|client/i.test(c.name)) ?? ids[0];
  const item = ids.find((c) => c !== user && /item|product|sku|movie|article|content/i.test(c.name) && !/name|title/i.test(c.name)) ?? ids.find((c) => c !== user);
  if (!user || !item) return null;
  const time = ds.columns.find((c) => c.kind === 'datetime') ?? ds.columns.find((c) => c.storage === 'number' && /time|date|^ts$/i.test(c.name));
  const title = ds.columns.find((c) => c.storage === 'dictionary' && c !== user && c !== item && /title|name/i.test(c.name));
  const category = ds.columns.find((c) => c.storage === 'dictionary' && /categor|genre|department/i.test(c.name));
  return {
    user: user.name,
    item: item.name,
    timestamp: time?.name ?? null,
    details: title ? { datasetId: ds.id, idColumn: item.name, titleColumn: title.name, categoryColumn: category?.name ?? null } : null,
  };
}

function typeCounts(c: Column): { type: string; count: number }[] {
  if (c.storage !== 'dictionary') return [];
  const counts = new Array<number>(c.dictionary.length).fill(0);
  for (const k of c.codes) if (k >= 0) counts[k]++;
  return c.dictionary.map((type, k) => ({ type, count: counts[k] })).sort((a, b) => b.count - a.count);
}

export function mapEvents(m: EventsMapping, datasetOf: (id: string) => Dataset | null): Result<MappedEvents, Failure> {
  const ds = datasetOf(m.datasetId);
  if (!ds) return fail('That dataset is no longer loaded.');
  const col = (name: string | null) => (name ? ds.columns.find((c) => c.name === name) : undefined);
  const userCol = col(m.user);
  const itemCol = col(m.item);
  if (!userCol || !itemCol) return fail('Choose a user and an item column.');
  if (m.user === m.item) return fail('The user and item columns must be different columns.');
  const typeCol = col(m.eventType);
  if (m.eventType && (!typeCol || typeCol.storage !== 'dictionary')) return fail(`The event type column "${m.eventType}" should hold words such as view or purchase.`);
  const timeCol = col(m.timestamp);
  if (m.timestamp && (!timeCol || timeCol.storage !== 'number')) return fail(`The time column "${m.timestamp}" holds no dates or numbers: choose another, or none.`);
  const valueCol = m.threshold ? col(m.threshold.column) : undefined;
  if (m.threshold && (!valueCol || valueCol.storage !== 'number')) return fail(`"${m.threshold.column}" holds no numbers, so it can't be compared with ${m.threshold.minimum}: choose a number column, or no threshold.`);
  if (m.halfLifeDays !== null && !(m.halfLifeDays > 0)) return fail('The half-life must be a positive number of days.');
  if (m.halfLifeDays !== null && !timeCol) return fail('Time decay needs a time column.');
  const userIds = columnStrings(userCol);
  const itemIds = columnStrings(itemCol);
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const user: number[] = [];
  const item: number[] = [];
  const weight: number[] = [];
  const time: number[] = [];
  let dropped = 0;
  for (let r = 0; r < userIds.length; r++) {
    const u = userIds[r];
    const i = itemIds[r];
    let w = 1;
    if (typeCol && typeCol.storage === 'dictionary') {
      const code = typeCol.codes[r];
      w = code >= 0 ? (m.typeWeights[typeCol.dictionary[code]] ?? 1) : 0;
    }
    if (valueCol && valueCol.storage === 'number' && !(valueCol.values[r] >= m.threshold!.minimum)) w = 0;
    const t = timeCol && timeCol.storage === 'number' ? timeCol.values[r] : 0;
    if (u === null || u === '' || i === null || i === '' || !(w > 0) || t !== t) {
      dropped++;
      continue;
    }
    if (!userIndex.has(u)) userIndex.set(u, userIndex.size);
    if (!itemIndex.has(i)) itemIndex.set(i, itemIndex.size);
    user.push(userIndex.get(u)!);
    item.push(itemIndex.get(i)!);
    weight.push(w);
    // Decay works in seconds; date columns are epoch milliseconds.
    time.push(timeCol?.kind === 'datetime' ? t / 1000 : t);
  }
  if (user.length === 0) return fail('No row is an event: every row lacks a user or item, has weight 0 or falls below the threshold.');
  if (itemIndex.size < 2) return fail('All events are on a single item: there is nothing to recommend instead.');
  const users = [...userIndex.keys()];
  const items = [...itemIndex.keys()];
  const events = { user: Int32Array.from(user), item: Int32Array.from(item), weight: Float32Array.from(weight), time: timeCol ? Float64Array.from(time) : undefined };
  const all = buildInteractions(users.length, items.length, events, m.halfLifeDays ? { halfLifeDays: m.halfLifeDays } : undefined);
  const nnz = all.userItems.length;
  const pairUser = new Int32Array(nnz);
  for (let u = 0; u < users.length; u++) pairUser.fill(u, all.userStart[u], all.userStart[u + 1]);
  const { titles, categories } = details(m, items, ds, datasetOf);
  const withContent = titles.some((t) => t) || categories.some((c) => c);
  const content = withContent ? buildContentIndex(items.length, { text: titles.map((t) => t ?? ''), categories: categories.map((c) => c ?? '') }) : null;
  return {
    ok: true,
    value: {
      users, items, titles, categories, all, pairUser, pairItem: all.userItems, pairConf: all.userConf, content,
      summary: {
        events: user.length,
        dropped,
        users: users.length,
        items: items.length,
        interactions: nnz,
        itemsWithContent: content ? content.vectors.filter((v) => v.idx.length > 0).length : 0,
      },
    },
  };
}

function details(m: EventsMapping, items: string[], ds: Dataset, datasetOf: (id: string) => Dataset | null): { titles: (string | null)[]; categories: (string | null)[] } {
  const none = { titles: items.map(() => null), categories: items.map(() => null) };
  if (!m.details) return none;
  const src = m.details.datasetId === ds.id ? ds : datasetOf(m.details.datasetId);
  const idCol = src?.columns.find((c) => c.name === m.details!.idColumn);
  const titleCol = src?.columns.find((c) => c.name === m.details!.titleColumn);
  if (!src || !idCol || !titleCol) return none;
  const catCol = m.details.categoryColumn ? src.columns.find((c) => c.name === m.details!.categoryColumn) : undefined;
  const ids = columnStrings(idCol);
  const titleValues = columnStrings(titleCol);
  const catValues = catCol ? columnStrings(catCol) : null;
  // First row per id wins: an event log repeats an item's title on every event.
  const rowOf = new Map<string, number>();
  ids.forEach((id, r) => {
    if (id !== null && !rowOf.has(id)) rowOf.set(id, r);
  });
  return {
    titles: items.map((id) => (rowOf.has(id) ? titleValues[rowOf.get(id)!] : null)),
    categories: items.map((id) => (rowOf.has(id) && catValues ? catValues[rowOf.get(id)!] : null)),
  };
}

function fail(message: string): { ok: false; error: Failure } {
  return { ok: false, error: { message } };
}
