import { describe, expect, it } from 'vitest';
import type { Column } from '../frame/types';
import { createRandom } from '../random';
import { augmentedColumns, augmentWords } from './augment';
import type { FittedPipeline } from './types';

describe('augmentWords', () => {
  const text = 'the quick brown fox jumps over the lazy dog';
  it('deletion keeps a subsequence of the words, at least one', () => {
    const out = augmentWords(text, 0.5, 0, createRandom(1)).split(' ');
    const words = text.split(' ');
    let j = 0;
    for (const w of out) {
      while (j < words.length && words[j] !== w) j++;
      expect(j).toBeLessThan(words.length);
      j++;
    }
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThan(words.length);
    expect(augmentWords('one', 0.99, 0, createRandom(2))).toBe('one');
  });
  it('swaps keep the same words in another order', () => {
    const out = augmentWords(text, 0, 0.5, createRandom(3));
    expect(out).not.toBe(text);
    expect(out.split(' ').sort()).toEqual(text.split(' ').sort());
  });
  it('is the identity at zero strength, and seeded', () => {
    expect(augmentWords(text, 0, 0, createRandom(4))).toBe(text);
    expect(augmentWords(text, 0.3, 0.3, createRandom(5))).toBe(augmentWords(text, 0.3, 0.3, createRandom(5)));
  });
});

describe('augmentedColumns', () => {
  const n = 4000;
  const values = Float64Array.from({ length: n }, (_, i) => (i === 0 ? NaN : i % 10));
  const columns: Column[] = [
    { storage: 'number', kind: 'numeric', name: 'x', values },
    { storage: 'dictionary', kind: 'categorical', name: 'c', codes: Int32Array.from({ length: n }, (_, i) => i % 3), dictionary: ['a', 'b', 'c'] },
    { storage: 'dictionary', kind: 'text', name: 't', codes: new Int32Array(n), dictionary: ['good fast cheap service'] },
    { storage: 'number', kind: 'numeric', name: 'unused', values: new Float64Array(n) },
  ];
  const pipeline: FittedPipeline = {
    version: 1,
    features: [
      { kind: 'number', column: 'x', median: 4.5, mean: 4.5, std: 2, missingIndicator: true },
      { kind: 'category', column: 'c', categories: ['a', 'b', 'c'], mostFrequent: 'a', missingIndicator: false },
      { kind: 'text', column: 't', buckets: 8, idf: new Array(8).fill(1) },
    ],
    outputNames: [],
    groups: [],
  };
  const rows = Int32Array.from({ length: n }, (_, i) => i);

  it('adds N(0, (noise x std)^2) to numbers, keeps missing, copies categories, drops non-features', () => {
    const out = augmentedColumns(columns, rows, pipeline, { noise: 0.5, wordDelete: 0, wordSwap: 0 }, createRandom(6));
    expect(out.map((c) => c.name)).toEqual(['x', 'c', 't']);
    const x = out[0];
    if (x.storage !== 'number') throw new Error('x should stay numeric');
    expect(Number.isNaN(x.values[0])).toBe(true);
    let sum = 0;
    let ss = 0;
    for (let i = 1; i < n; i++) {
      const d = x.values[i] - values[i];
      sum += d;
      ss += d * d;
    }
    const mean = sum / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.sqrt(ss / (n - 1) - mean * mean)).toBeCloseTo(1, 1); // 0.5 x std 2
    const c = out[1];
    if (c.storage !== 'dictionary') throw new Error('c should stay a dictionary');
    expect(Array.from(c.codes, (k) => c.dictionary[k])).toEqual(Array.from(rows, (i) => ['a', 'b', 'c'][i % 3]));
  });

  it('perturbs text only when asked, and only the given rows', () => {
    const picked = Int32Array.from([5, 9, 11]);
    const out = augmentedColumns(columns, picked, pipeline, { noise: 0, wordDelete: 0.4, wordSwap: 0 }, createRandom(7));
    const t = out[2];
    if (t.storage !== 'dictionary') throw new Error('t should stay a dictionary');
    expect(t.codes.length).toBe(3);
    const x = out[0];
    if (x.storage !== 'number') throw new Error('x should stay numeric');
    expect(Array.from(x.values)).toEqual([5, 9, 1]);
  });
});
