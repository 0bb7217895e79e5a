/** Small dense linear algebra on row-major Float64Arrays, for f x f systems (f = number of factors). */

/** Solves A x = b for symmetric positive definite A (f x f) by Cholesky; A and b are left untouched. */
export function choleskySolve(a: Float64Array, b: Float64Array, f: number): Float64Array {
  const l = new Float64Array(f * f);
  for (let i = 0; i < f; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * f + j];
      for (let k = 0; k < j; k++) s -= l[i * f + k] * l[j * f + k];
      // A tiny floor keeps a nearly singular system (no history, no regularisation) finite.
      l[i * f + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * f + j];
    }
  }
  const y = new Float64Array(f);
  for (let i = 0; i < f; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * f + k] * y[k];
    y[i] = s / l[i * f + i];
  }
  const x = new Float64Array(f);
  for (let i = f - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < f; k++) s -= l[k * f + i] * x[k];
    x[i] = s / l[i * f + i];
  }
  return x;
}

/** G = M^T M + reg * I for M (rows x f, Float32), as Float64 f x f. */
export function gram(m: Float32Array, rows: number, f: number, reg: number): Float64Array {
  const g = new Float64Array(f * f);
  for (let r = 0; r < rows; r++) {
    const o = r * f;
    for (let i = 0; i < f; i++) {
      const v = m[o + i];
      if (v === 0) continue;
      for (let j = i; j < f; j++) g[i * f + j] += v * m[o + j];
    }
  }
  for (let i = 0; i < f; i++) {
    g[i * f + i] += reg;
    for (let j = 0; j < i; j++) g[i * f + j] = g[j * f + i];
  }
  return g;
}

export function dotRows(a: Float32Array, ao: number, b: Float32Array | Float64Array, bo: number, f: number): number {
  let s = 0;
  for (let k = 0; k < f; k++) s += a[ao + k] * b[bo + k];
  return s;
}
