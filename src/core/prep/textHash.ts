/**
 * Hashed bag of words for free-text columns. Seedless and stable so a fitted pipeline
 * gives the same buckets on every host and after a reload.
 */

// Two or more letters/digits/underscores, like scikit-learn's default token_pattern \b\w\w+\b.
const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

/** Lowercased word tokens of a document. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

const encoder = new TextEncoder();

/** FNV-1a 32-bit over the UTF-8 bytes: unsigned. */
export function fnv1a32(text: string): number {
  const bytes = encoder.encode(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sparse term counts of one document: parallel bucket and count arrays, buckets ascending. */
export interface HashedCounts {
  buckets: Int32Array;
  counts: Float64Array;
}

export function hashCounts(text: string, buckets: number): HashedCounts {
  const byBucket = new Map<number, number>();
  for (const token of tokenize(text)) {
    const b = fnv1a32(token) % buckets;
    byBucket.set(b, (byBucket.get(b) ?? 0) + 1);
  }
  const keys = [...byBucket.keys()].sort((a, b) => a - b);
  return { buckets: Int32Array.from(keys), counts: Float64Array.from(keys.map((k) => byBucket.get(k)!)) };
}

/** Smooth idf as scikit-learn's TfidfTransformer: ln((1 + n) / (1 + df)) + 1. */
export function smoothIdf(df: ArrayLike<number>, documents: number): number[] {
  const out = new Array<number>(df.length);
  for (let b = 0; b < df.length; b++) out[b] = Math.log((1 + documents) / (1 + df[b])) + 1;
  return out;
}
