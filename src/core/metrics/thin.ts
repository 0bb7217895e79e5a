/**
 * Thinning a curve for drawing only; metrics always use the full curve.
 * Ramer-Douglas-Peucker with a point budget: start from the two endpoints and
 * repeatedly add the point farthest from the polyline kept so far, so corners
 * (where an ROC step turns) come first and collinear runs are never needed.
 */

export interface ThinnedCurve {
  x: Float64Array;
  y: Float64Array;
  /** Position of each kept point in the input, increasing. */
  index: Int32Array;
}

interface Candidate {
  /** Squared distance, in axis-normalised units, of point i from chord a-b. */
  d: number;
  a: number;
  b: number;
  i: number;
}

/**
 * Keeps at most maxPoints points (at least 2), always the first and the last.
 * Axes are scaled to their ranges first so a curve in [0, 1] x [0, 1000] is
 * thinned by shape, not by its units. Stops early when the rest is collinear.
 */
export function thinCurve(x: Float64Array, y: Float64Array, maxPoints: number): ThinnedCurve {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`x (${n}) and y (${y.length}) differ in length`);
  if (!(maxPoints >= 2)) throw new RangeError(`maxPoints must be at least 2, got ${maxPoints}`);
  if (n <= maxPoints) return { x: x.slice(), y: y.slice(), index: Int32Array.from({ length: n }, (_, i) => i) };

  const sx = 1 / (span(x) || 1);
  const sy = 1 / (span(y) || 1);
  const farthest = (a: number, b: number): Candidate | null => {
    if (b - a < 2) return null;
    const ax = x[a] * sx, ay = y[a] * sy;
    const dx = x[b] * sx - ax, dy = y[b] * sy - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1, bestD = -1;
    for (let i = a + 1; i < b; i++) {
      const px = x[i] * sx - ax, py = y[i] * sy - ay;
      // Squared distance to the line through a and b, or to a when they coincide.
      const cross = px * dy - py * dx;
      const d = len2 > 0 ? (cross * cross) / len2 : px * px + py * py;
      if (d > bestD) { bestD = d; best = i; }
    }
    return { d: bestD, a, b, i: best };
  };

  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  let kept = 2;
  const heap: Candidate[] = [];
  const first = farthest(0, n - 1);
  if (first) heapPush(heap, first);
  while (kept < maxPoints && heap.length > 0) {
    const c = heapPop(heap);
    if (!(c.d > 0)) break; // everything left lies on the kept polyline
    keep[c.i] = 1;
    kept++;
    const left = farthest(c.a, c.i);
    const right = farthest(c.i, c.b);
    if (left) heapPush(heap, left);
    if (right) heapPush(heap, right);
  }

  const index = new Int32Array(kept);
  for (let i = 0, j = 0; i < n; i++) if (keep[i]) index[j++] = i;
  return {
    x: Float64Array.from(index, (i) => x[i]),
    y: Float64Array.from(index, (i) => y[i]),
    index,
  };
}

function span(v: Float64Array): number {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    if (v[i] < lo) lo = v[i];
    if (v[i] > hi) hi = v[i];
  }
  return Number.isFinite(hi - lo) ? hi - lo : 0;
}

// A binary max-heap on d, local to one call (no module state).
function heapPush(h: Candidate[], c: Candidate): void {
  h.push(c);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p].d >= h[i].d) break;
    [h[p], h[i]] = [h[i], h[p]];
    i = p;
  }
}

function heapPop(h: Candidate[]): Candidate {
  const top = h[0];
  const last = h.pop() as Candidate;
  if (h.length > 0) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < h.length && h[l].d > h[m].d) m = l;
      if (r < h.length && h[r].d > h[m].d) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
  return top;
}
