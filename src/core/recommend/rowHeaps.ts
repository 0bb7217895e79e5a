/**
 * The `k` best of what is offered to each of n rows, all rows at once: k slots per row of
 * (similarity, key, value), best = highest similarity, and of equal similarities the lower key.
 * Used for a similarity row's kept neighbours (key = neighbour index) and for item kNN's k nearest
 * rated items (key = rank in the user's list, value = centred rating).
 *
 * Until a row has k entries they are only appended (nothing is cut yet, and callers sum or list
 * them in any order); at k they become a min-heap once, and from then on a newcomer replaces the
 * weakest only if it ranks above it. `weakest[x]` is -Infinity until row x is full, then its
 * heap's lowest similarity: callers test `s < weakest[x]` (or `s <= weakest[x]` when keys come in
 * increasing order, so a tie always loses) inline and skip the call for most offers.
 */
export class RowHeaps {
  readonly size: Int32Array;
  readonly sim: Float32Array;
  readonly key: Int32Array;
  /** Present when built with values. */
  readonly value: Float64Array | null;
  readonly weakest: Float32Array;

  constructor(n: number, readonly k: number, withValues: boolean) {
    this.size = new Int32Array(n);
    this.sim = new Float32Array(n * k);
    this.key = new Int32Array(n * k);
    this.value = withValues ? new Float64Array(n * k) : null;
    this.weakest = new Float32Array(n).fill(k > 0 ? -Infinity : Infinity);
  }

  clear(): void {
    this.size.fill(0);
    this.weakest.fill(this.k > 0 ? -Infinity : Infinity);
  }

  /** s is rounded to float32 first, so comparisons see what is stored. */
  offer(x: number, s: number, key: number, value = 0): void {
    const k = this.k;
    if (k <= 0) return;
    const base = x * k;
    const size = this.size[x];
    const f = Math.fround(s);
    if (size < k) {
      this.put(base + size, f, key, value);
      this.size[x] = size + 1;
      if (size + 1 === k) {
        for (let c = (k >> 1) - 1; c >= 0; c--) this.siftDown(base, c);
        this.weakest[x] = this.sim[base];
      }
      return;
    }
    const top = this.sim[base];
    if (f < top || (f === top && key > this.key[base])) return;
    this.put(base, f, key, value);
    this.siftDown(base, 0);
    this.weakest[x] = this.sim[base];
  }

  /** Moves slot c of the heap at base down to its place (the weakest on top). */
  private siftDown(base: number, c: number): void {
    const k = this.k;
    const s = this.sim[base + c];
    const key = this.key[base + c];
    const value = this.value ? this.value[base + c] : 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= k) break;
      const r = l + 1;
      const lo = r < k && this.below(base + r, base + l) ? r : l;
      const ls = this.sim[base + lo];
      if (!(ls < s || (ls === s && this.key[base + lo] > key))) break;
      this.move(base + lo, base + c);
      c = lo;
    }
    this.put(base + c, s, key, value);
  }

  /** Slot a ranks below slot b: lower similarity, or equal and a higher key. */
  private below(a: number, b: number): boolean {
    return this.sim[a] < this.sim[b] || (this.sim[a] === this.sim[b] && this.key[a] > this.key[b]);
  }

  private move(from: number, to: number): void {
    this.sim[to] = this.sim[from];
    this.key[to] = this.key[from];
    if (this.value) this.value[to] = this.value[from];
  }

  private put(at: number, s: number, key: number, value: number): void {
    this.sim[at] = s;
    this.key[at] = key;
    if (this.value) this.value[at] = value;
  }
}
