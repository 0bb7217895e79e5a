/** Small dense linear algebra in float64 for the WLS solve (a few dozen unknowns). */

/**
 * Solves A x = b for symmetric positive (semi)definite A (n x n, row-major) by Gaussian
 * elimination with partial pivoting; returns x and A^-1 (for standard errors).
 * A nearly singular A gets a tiny ridge, so a degenerate sample still gives finite values.
 */
export function solveWithInverse(a: Float64Array, b: Float64Array, n: number): { x: Float64Array; inverse: Float64Array } {
  const w = 2 * n;
  const m = new Float64Array(n * w);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + i]));
  const ridge = scale * 1e-12;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m[i * w + j] = a[i * n + j] + (i === j ? ridge : 0);
    m[i * w + n + i] = 1;
  }
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * w + col]) > Math.abs(m[pivot * w + col])) pivot = r;
    if (pivot !== col) {
      for (let j = 0; j < w; j++) {
        const t = m[col * w + j];
        m[col * w + j] = m[pivot * w + j];
        m[pivot * w + j] = t;
      }
    }
    const p = m[col * w + col] || 1e-300;
    for (let j = 0; j < w; j++) m[col * w + j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r * w + col];
      if (f === 0) continue;
      for (let j = 0; j < w; j++) m[r * w + j] -= f * m[col * w + j];
    }
  }
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) inverse[i * n + j] = m[i * w + n + j];
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += inverse[i * n + j] * b[j];
    x[i] = s;
  }
  return { x, inverse };
}
