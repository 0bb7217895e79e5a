/**
 * Histograms built across threads. The engine may hand a fit helpers (other workers) that share
 * the fit's bins, gradients and row order through SharedArrayBuffers; a node's rows are then cut
 * into parts, the helpers build theirs while this thread builds the first, and the parts are
 * summed. Core only defines the door and the part each thread runs (`buildHistogramPart`), so the
 * same code runs in every thread and in Node with no helpers.
 */

/** What the helpers read, all backed by SharedArrayBuffers. */
export interface SharedFitArrays {
  bins: Uint8Array;
  g: Float64Array;
  h: Float64Array;
  rows: Int32Array;
  /** Where each feature's slots start (BinnedFeatures.slots). */
  slots: Int32Array;
  features: number;
}

export interface HistogramHelpers {
  /** Threads besides the caller. */
  readonly count: number;
  /** A buffer the helpers can read (SharedArrayBuffer). */
  allocate(bytes: number): ArrayBuffer | SharedArrayBuffer;
  /** Shares a fit's arrays with the helpers, once per fit, before the first build. */
  attach(arrays: SharedFitArrays): void;
  /**
   * Has helper i build rows[ranges[2i]..ranges[2i+1]) over the features in `use` into its own
   * histogram, returns at once; `join` waits for all of them and returns their histograms.
   */
  start(ranges: Int32Array, use: Int32Array): void;
  join(): Float64Array[];
  detach(): void;
}

export const STATS = 3;

/** Adds rows[start..end) into hist (not cleared here), for the features in `use` only. */
export function buildHistogramPart(hist: Float64Array, a: SharedFitArrays, start: number, end: number, use: ArrayLike<number>, used: number): void {
  const { bins, features, slots, rows, g, h } = a;
  // Each feature's first slot, times the stats per slot: the hot loop does one load per feature
  // for the offset and one for the bin.
  const offsets = new Int32Array(used);
  for (let k = 0; k < used; k++) offsets[k] = slots[use[k]] * STATS;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const gr = g[r];
    const hr = h[r];
    const base = r * features;
    for (let k = 0; k < used; k++) {
      const slot = offsets[k] + bins[base + use[k]] * STATS;
      hist[slot] += gr;
      hist[slot + 1] += hr;
      hist[slot + 2] += 1;
    }
  }
}
