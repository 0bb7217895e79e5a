/**
 * Latency summaries for the Monitoring panel: percentiles of measured times, as numpy's default
 * (`np.percentile(x, q)`, method 'linear': the value at rank (n - 1) * q / 100, interpolated).
 */

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

/** numpy's linear percentile (q in 0..100) of values; NaN for no values. Does not change the input. */
export function percentile(values: ArrayLike<number>, q: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = ((n - 1) * Math.min(Math.max(q, 0), 100)) / 100;
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function summariseLatency(values: ArrayLike<number>): LatencySummary {
  let sum = 0;
  let max = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    max = i === 0 ? values[i] : Math.max(max, values[i]);
  }
  return { samples: values.length, p50: percentile(values, 50), p95: percentile(values, 95), mean: values.length ? sum / values.length : Number.NaN, max };
}
