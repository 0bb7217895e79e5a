import { describe, expect, it } from 'vitest';
import { DEFAULT_SPECS, fitAlgorithm } from './algorithms';
import { buildRatings } from './ratings';
import { FitCancelled } from './types';

/** 60 users x 700 items, seeded, so item-based scoring crosses several blocks of the fast path. */
function sparseRatings() {
  let s = 7;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const us: number[] = [], is: number[] = [], rs: number[] = [];
  for (let u = 0; u < 60; u++) {
    const seen = new Set<number>();
    for (let k = 0; k < 40 + (u % 7) * 30; k++) {
      const i = Math.floor(rand() * rand() * 700);
      if (seen.has(i)) continue;
      seen.add(i);
      us.push(u);
      is.push(i);
      rs.push(1 + Math.floor(rand() * 5));
    }
  }
  const r = buildRatings(us, is, rs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('item kNN scoring a user against every item', () => {
  const data = sparseRatings();
  const train = Int32Array.from(data.rating.keys()).filter((r) => r % 5 !== 0);
  const model = fitAlgorithm({ ...DEFAULT_SPECS.knn, userBased: false }, data, train);

  it('gives exactly what predict gives, item by item (the blocked read changes no score)', () => {
    const out = new Float32Array(data.items.length);
    for (const u of [0, 13, 59]) {
      model.scoreUser(u, out);
      for (let i = 0; i < data.items.length; i++) expect(out[i]).toBeCloseTo(model.predict(u, i), 5);
    }
  });

  it('stops inside the scoring loop when the comparison is cancelled', () => {
    const signal = { aborted: false };
    const cancellable = fitAlgorithm({ ...DEFAULT_SPECS.knn, userBased: false }, data, train, { signal });
    signal.aborted = true;
    expect(() => cancellable.scoreUser(0, new Float32Array(data.items.length))).toThrow(FitCancelled);
  });
});
