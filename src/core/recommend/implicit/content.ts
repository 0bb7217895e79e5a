import type { History, ImplicitModel, Interactions } from './types';
import { userHistory } from './interactions';

/** Item metadata, one entry per item ('' when unknown). Categories may hold several, split on | , or ;. */
export interface ItemMetadata {
  categories?: readonly string[];
  text?: readonly string[];
}

/** A unit-length sparse vector: indices sorted ascending. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface ContentIndex {
  /** Category one-hot slots come first, then one slot per text term. */
  categories: Map<string, number>;
  terms: Map<string, number>;
  /** Smoothed idf per term, as scikit-learn's TfidfVectorizer: ln((1 + n) / (1 + df)) + 1. */
  idf: Float32Array;
  /** Share of a vector's length given to categories when an item has both (the rest is text). */
  categoryWeight: number;
  vectors: SparseVector[];
  dimension: number;
}

const STOP = new Set(['the', 'and', 'of', 'a', 'an', 'in', 'on', 'to', 'for', 'with', 'is', 'it', 'at', 'by', 'from', 'or']);

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 2 && !STOP.has(t));
}

export function splitCategories(value: string): string[] {
  return value
    .split(/[|,;]/)
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c.length > 0);
}

/** Category one-hot plus TF-IDF of free text, each part unit length, blended by categoryWeight. */
export function buildContentIndex(nItems: number, meta: ItemMetadata, categoryWeight = 0.5): ContentIndex {
  const categories = new Map<string, number>();
  const terms = new Map<string, number>();
  const df: number[] = [];
  const cats = Array.from({ length: nItems }, (_, i) => splitCategories(meta.categories?.[i] ?? ''));
  for (const list of cats) for (const c of list) if (!categories.has(c)) categories.set(c, categories.size);
  const tokens = Array.from({ length: nItems }, (_, i) => tokenize(meta.text?.[i] ?? ''));
  for (const list of tokens) {
    for (const t of new Set(list)) {
      let slot = terms.get(t);
      if (slot === undefined) terms.set(t, (slot = terms.size));
      df[slot] = (df[slot] ?? 0) + 1;
    }
  }
  const idf = Float32Array.from(df, (d) => Math.log((1 + nItems) / (1 + d)) + 1);
  const index: ContentIndex = { categories, terms, idf, categoryWeight, vectors: [], dimension: categories.size + terms.size };
  index.vectors = cats.map((c, i) => vectorizeTokens(index, c, tokens[i]));
  return index;
}

/** The vector of an item the index has not seen (a new item): unknown terms and categories are ignored. */
export function vectorizeItem(index: ContentIndex, item: { categories?: string; text?: string }): SparseVector {
  return vectorizeTokens(index, splitCategories(item.categories ?? ''), tokenize(item.text ?? ''));
}

function vectorizeTokens(index: ContentIndex, cats: string[], tokens: string[]): SparseVector {
  const cat = new Map<number, number>();
  for (const c of cats) {
    const slot = index.categories.get(c);
    if (slot !== undefined) cat.set(slot, 1);
  }
  const text = new Map<number, number>();
  for (const t of tokens) {
    const slot = index.terms.get(t);
    if (slot !== undefined) text.set(slot, (text.get(slot) ?? 0) + index.idf[slot]);
  }
  const parts: [Map<number, number>, number, number][] = [
    [cat, 0, index.categoryWeight],
    [text, index.categories.size, 1 - index.categoryWeight],
  ];
  // With only one part present it takes the whole length, so a title-less item still matches by category.
  const present = parts.filter(([m]) => m.size > 0);
  const total = present.reduce((s, [, , w]) => s + w, 0);
  const entries: [number, number][] = [];
  for (const [m, offset, w] of present) {
    let sq = 0;
    for (const v of m.values()) sq += v * v;
    const scale = Math.sqrt(w / total) / Math.sqrt(sq);
    for (const [slot, v] of m) entries.push([offset + slot, v * scale]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return { idx: Int32Array.from(entries, (e) => e[0]), val: Float32Array.from(entries, (e) => e[1]) };
}

/** Cosine of a dense query (any length) with every item vector, into out. */
export function scoreAgainst(index: ContentIndex, query: Float32Array, out: Float32Array): void {
  let norm = 0;
  for (let k = 0; k < query.length; k++) norm += query[k] * query[k];
  norm = Math.sqrt(norm) || 1;
  index.vectors.forEach((v, i) => {
    let s = 0;
    for (let p = 0; p < v.idx.length; p++) s += v.val[p] * query[v.idx[p]];
    out[i] = s / norm;
  });
}

export function densify(index: ContentIndex, v: SparseVector, into?: Float32Array): Float32Array {
  const out = into ?? new Float32Array(index.dimension);
  for (let p = 0; p < v.idx.length; p++) out[v.idx[p]] += v.val[p];
  return out;
}

/**
 * Content-based recommender: a user's profile is the confidence-weighted sum of their items'
 * vectors; items score by cosine with it. Needs no other user, so it works for a new catalogue item.
 */
export function contentModel(index: ContentIndex, x: Interactions | null): ImplicitModel {
  const n = index.vectors.length;
  const scoreHistory = (h: History, out: Float32Array): void => {
    const profile = new Float32Array(index.dimension);
    for (let p = 0; p < h.items.length; p++) {
      const v = index.vectors[h.items[p]];
      for (let q = 0; q < v.idx.length; q++) profile[v.idx[q]] += h.conf[p] * v.val[q];
    }
    scoreAgainst(index, profile, out);
  };
  return {
    kind: 'content',
    nItems: n,
    scoreUser: (u, out) => {
      if (!x) throw new Error('This content model has no interactions: score a history instead.');
      scoreHistory(userHistory(x, u), out);
    },
    scoreHistory,
    itemSimilarity: (i, out) => scoreAgainst(index, densify(index, index.vectors[i]), out),
  };
}
