/**
 * Train / validation / test split of the rows with a target. Stratified: every class (or,
 * for a continuous target, every quantile bin) is spread over the splits in proportion.
 */
import { createRandom, shuffledIndices } from '../random';

export interface SplitFractions {
  train: number;
  val: number;
  test: number;
}

export interface Split {
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
}

/** A target with more distinct values than this is binned by quantile instead. */
const MAX_STRATA = 50;
const QUANTILE_BINS = 10;

export function stratifiedSplit(
  y: ArrayLike<number>,
  rows: Int32Array,
  fractions: SplitFractions,
  seed: number,
  stratify: boolean,
): Split {
  const total = fractions.train + fractions.val + fractions.test;
  const f = [fractions.train / total, fractions.val / total, fractions.test / total];
  const random = createRandom(seed);
  const strata = stratify ? strataOf(y, rows) : [Int32Array.from(rows)];
  const out: number[][] = [[], [], []];
  const allocated = [0, 0, 0];
  let seen = 0;
  for (const stratum of strata) {
    const order = shuffledIndices(stratum.length, random);
    seen += stratum.length;
    const counts = allocate(stratum.length, f, seen, allocated);
    let k = 0;
    for (let s = 0; s < 3; s++) {
      for (let j = 0; j < counts[s]; j++) out[s].push(stratum[order[k++]]);
      allocated[s] += counts[s];
    }
  }
  const sorted = (a: number[]) => Int32Array.from(a).sort();
  return { train: sorted(out[0]), val: sorted(out[1]), test: sorted(out[2]) };
}

/**
 * Counts per split for one stratum: each is floor or ceil of fraction x size (so within one
 * of its share), and the leftover rows go to the splits furthest behind their running target,
 * which keeps the overall split sizes within one row of the fractions.
 */
function allocate(size: number, f: number[], seen: number, allocated: number[]): number[] {
  const counts = f.map((fr) => Math.floor(fr * size));
  let left = size - counts.reduce((a, b) => a + b, 0);
  const behind = f.map((fr, s) => fr * seen - (allocated[s] + counts[s]));
  const order = [0, 1, 2].filter((s) => f[s] > 0).sort((a, b) => behind[b] - behind[a] || a - b);
  for (const s of order) {
    if (left === 0) break;
    counts[s]++;
    left--;
  }
  return counts;
}

/** Rows grouped by class value, or by quantile bin for a target with many distinct values. */
function strataOf(y: ArrayLike<number>, rows: Int32Array): Int32Array[] {
  const distinct = new Set<number>();
  for (const r of rows) {
    distinct.add(y[r]);
    if (distinct.size > MAX_STRATA) break;
  }
  if (distinct.size <= MAX_STRATA) {
    const groups = new Map<number, number[]>();
    for (const r of rows) {
      const key = Number.isNaN(y[r]) ? -Infinity : y[r];
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
    }
    return [...groups.keys()].sort((a, b) => a - b).map((k) => Int32Array.from(groups.get(k)!));
  }
  // Continuous target: equal-count bins over the sorted values (ties broken by row).
  const sorted = Int32Array.from(rows).sort((a, b) => y[a] - y[b] || a - b);
  const bins: number[][] = Array.from({ length: QUANTILE_BINS }, () => []);
  sorted.forEach((r, rank) => bins[Math.floor((rank * QUANTILE_BINS) / sorted.length)].push(r));
  return bins.map((b) => Int32Array.from(b));
}
