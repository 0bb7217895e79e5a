import { describe, expect, it } from 'vitest';
import { hybridModel } from './hybrid';
import { mmrRerank } from './diversity';
import { rankingMetrics, intraListDiversity } from './metrics';
import { buildInteractions } from './interactions';
import type { ImplicitModel } from './types';

function stub(scores: number[], kind: ImplicitModel['kind'] = 'popular'): ImplicitModel {
  return { kind, nItems: scores.length, scoreUser: (_u, out) => out.set(scores), scoreHistory: (_h, out) => out.set(scores) };
}

describe('hybrid', () => {
  it('blends min-max scaled collaborative scores with content; items with few interactions get content only', () => {
    // item 2 has 1 interaction, under minInteractions 2.
    const x = buildInteractions(2, 3, { user: Int32Array.from([0, 1, 0, 1, 0]), item: Int32Array.from([0, 0, 1, 1, 2]) });
    const m = hybridModel(stub([10, 20, 30]), stub([0.5, 0.25, 0.75], 'content'), x, { weight: 0.6, minInteractions: 2 });
    const out = new Float32Array(3);
    m.scoreUser(0, out);
    expect(out[0]).toBeCloseTo(0.6 * 0 + 0.4 * 0.5, 6);
    expect(out[1]).toBeCloseTo(0.6 * 0.5 + 0.4 * 0.25, 6);
    expect(out[2]).toBeCloseTo(0.75, 6);
  });
});

describe('MMR re-ranking', () => {
  // Items 0 and 1 are near duplicates; 2 is different but scored a little lower.
  const sim = [
    [1, 0.9, 0],
    [0.9, 1, 0],
    [0, 0, 1],
  ];
  const similarity = (i: number, out: Float32Array): void => out.set(sim[i]);
  const scores = Float32Array.from([1, 0.9, 0.8]);

  it('lambda 1 keeps the ranking; lambda 0.5 takes the different item second', () => {
    expect(Array.from(mmrRerank(scores, 2, similarity, 1))).toEqual([0, 1]);
    // after 0: item 1 = 0.5*0.5 - 0.5*0.9 = -0.2; item 2 = 0.5*0 - 0 = 0.
    expect(Array.from(mmrRerank(scores, 2, similarity, 0.5))).toEqual([0, 2]);
  });

  it('intra-list diversity is the mean of 1 - similarity over pairs', () => {
    expect(intraListDiversity([0, 1, 2], similarity, new Float32Array(3))).toBeCloseTo((0.1 + 1 + 1) / 3, 6);
  });
});

describe('ranking metrics', () => {
  it('by hand: test {1, 3}, seen {0}, list [1, 2] at k = 2', () => {
    const train = buildInteractions(1, 4, { user: Int32Array.from([0]), item: Int32Array.from([0]) });
    const test = buildInteractions(1, 4, { user: Int32Array.from([0, 0]), item: Int32Array.from([1, 3]) });
    const r = rankingMetrics(stub([9, 5, 4, 1]), train, test, 2);
    expect(r.precision).toBeCloseTo(0.5, 9);
    expect(r.recall).toBeCloseTo(0.5, 9);
    expect(r.ndcg).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 9);
    // one hit at rank 1: precision 1, divided by |rel| = 2.
    expect(r.map).toBeCloseTo(0.5, 9);
    expect(r.users).toBe(1);
  });
});
