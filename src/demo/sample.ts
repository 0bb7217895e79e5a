import type { Random } from '../core/random';

/** Index drawn with probability proportional to weights[i] (weights need not sum to 1). */
export function weightedIndex(weights: readonly number[], random: Random): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** One element, uniformly. */
export function pick<T>(items: readonly T[], random: Random): T {
  return items[random.int(items.length)];
}

/** Exponential with the given mean (inverse CDF). */
export function exponential(mean: number, random: Random): number {
  return -mean * Math.log(1 - random.next());
}

/** Poisson count: Knuth's product method for small means, a rounded normal above 30 (close enough there). */
export function poisson(mean: number, random: Random): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}

/**
 * k distinct indices drawn without replacement, each with probability proportional to its weight
 * (Efraimidis-Spirakis: keep the k largest u^(1/w)). Returned in draw-key order, not sorted.
 */
export function weightedSampleWithoutReplacement(
  weights: readonly number[],
  k: number,
  random: Random,
): number[] {
  const keyed = weights.map((w, i) => ({ i, key: Math.log(random.next() || Number.MIN_VALUE) / w }));
  keyed.sort((a, b) => b.key - a.key);
  return keyed.slice(0, Math.min(k, weights.length)).map((x) => x.i);
}

/** ISO calendar date (YYYY-MM-DD, UTC) of epoch milliseconds. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO date-time to the second (YYYY-MM-DDTHH:MM:SSZ, UTC) of epoch milliseconds. */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}
