import { describe, expect, it } from 'vitest';
import { buildInteractions } from './interactions';
import { fitSar } from './sar';

// users x items: u0 {0,1}, u1 {0,1,2}, u2 {1,2}. Co-occurrence: C00=2 C11=3 C22=2 C01=2 C02=1 C12=2.
const x = buildInteractions(3, 3, { user: Int32Array.from([0, 0, 1, 1, 1, 2, 2]), item: Int32Array.from([0, 1, 0, 1, 2, 1, 2]) });

describe('SAR', () => {
  it('Jaccard similarity by hand: C01 / (C00 + C11 - C01) = 2/3, C02 = 1/3', () => {
    const m = fitSar(x, { kind: 'sar', similarity: 'jaccard', threshold: 1 });
    const row = new Float32Array(3);
    m.itemSimilarity!(0, row);
    expect(Array.from(row)).toEqual([1, 2 / 3, 1 / 3].map(Math.fround));
  });

  it('lift: C01 / (C00 C11) = 1/3; threshold 2 drops the single co-occurrence of 0 and 2', () => {
    const lift = fitSar(x, { kind: 'sar', similarity: 'lift', threshold: 1 });
    const row = new Float32Array(3);
    lift.itemSimilarity!(0, row);
    expect(row[1]).toBeCloseTo(1 / 3, 6);
    const strict = fitSar(x, { kind: 'sar', similarity: 'cooccurrence', threshold: 2 });
    strict.itemSimilarity!(0, row);
    expect(Array.from(row)).toEqual([2, 2, 0]);
  });

  it('scores u0 = affinity x S: item 2 gets S02 + S12 = 1/3 + 2/3', () => {
    const m = fitSar(x, { kind: 'sar', similarity: 'jaccard', threshold: 1 });
    const out = new Float32Array(3);
    m.scoreUser(0, out);
    expect(out[2]).toBeCloseTo(1, 6);
    // A history outside the model gives the same.
    const h = new Float32Array(3);
    m.scoreHistory({ items: Int32Array.from([0, 1]), conf: Float32Array.from([1, 1]) }, h);
    expect(Array.from(h)).toEqual(Array.from(out));
  });
});
