/**
 * A per-column cache from field bytes to dictionary code, so a repeated category ("Paris" a million
 * times) is matched on its bytes and never decoded into a new string. Bounded: past MAX_ENTRIES
 * distinct values (ids, free text) it stops learning and the column falls back to decode + Map.
 */
const MAX_ENTRIES = 1 << 16;

/** FNV-1a. The fused loop in table.ts hashes inline as it scans, with these same constants. */
export const HASH_SEED = 0x811c9dc5;
export const HASH_PRIME = 0x01000193;

export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], HASH_PRIME);
  return h | 0;
}

export class ByteDictionary {
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(256);
  private offsets = new Int32Array(256);
  private lengths = new Int32Array(256);
  private codes = new Int32Array(256);
  private pool = new Uint8Array(4096);
  private poolLength = 0;
  private size = 0;

  /** The code stored for these bytes, or -1. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] !== hash || this.lengths[entry] !== length) continue;
      const offset = this.offsets[entry];
      let same = true;
      for (let k = 0; k < length; k++) {
        if (this.pool[offset + k] !== bytes[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return this.codes[entry];
    }
  }

  /** Remembers bytes -> code (call after find returned -1). */
  insert(bytes: Uint8Array, start: number, end: number, hash: number, code: number): void {
    if (this.size >= MAX_ENTRIES) return;
    const length = end - start;
    if (this.size === this.codes.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hashes = grow(this.hashes);
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
      this.codes = grow(this.codes);
    }
    if (this.poolLength + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
      pool.set(this.pool.subarray(0, this.poolLength));
      this.pool = pool;
    }
    const entry = this.size++;
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    this.offsets[entry] = this.poolLength;
    this.poolLength += length;
    this.lengths[entry] = length;
    this.hashes[entry] = hash;
    this.codes[entry] = code;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(entry, this.slots);
  }

  private place(entry: number, slots: Int32Array): void {
    const mask = slots.length - 1;
    let slot = this.hashes[entry] & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity);
    for (let entry = 0; entry < this.size; entry++) this.place(entry, slots);
    this.slots = slots;
  }
}
