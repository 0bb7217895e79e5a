import { describe, expect, it } from 'vitest';
import { inferDictionary } from './infer';

function column(name: string, values: string[]) {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (!index.has(v)) (index.set(v, dictionary.length), dictionary.push(v));
    return index.get(v)!;
  });
  return inferDictionary(name, codes, dictionary);
}

describe('inference on real-world repetition', () => {
  it('keeps an id column an identifier when a few rows are duplicated', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `U${String(i).padStart(5, '0')}`);
    const withDuplicates = [...ids, ...ids.slice(0, 10)];
    expect(column('user_id', withDuplicates).kind).toBe('identifier');
    expect(column('email', withDuplicates.map((u) => `${u}@example.com`)).kind).toBe('identifier');
  });
  it('reads repeated sentences as free text, short repeated labels as categories', () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `Support was slow to answer ticket number ${i}.`);
    const reviews = Array.from({ length: 1200 }, (_, i) => sentences[i % 300]);
    expect(column('review', reviews).kind).toBe('text');
    expect(column('plan', Array.from({ length: 1200 }, (_, i) => ['free', 'pro', 'team plan'][i % 3])).kind).toBe('categorical');
  });
});
