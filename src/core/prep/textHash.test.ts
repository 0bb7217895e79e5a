import { describe, expect, it } from 'vitest';
import { fitPipeline } from './fitPipeline';
import { transform } from './transform';
import { fnv1a32, tokenize } from './textHash';
import { makeDataset, range } from './testUtils';

describe('text hashing', () => {
  it('tokenises to lowercase words of two or more characters', () => {
    expect(tokenize('The CAT, a café-au-lait! x2')).toEqual(['the', 'cat', 'café', 'au', 'lait', 'x2']);
  });
  it('hashes with FNV-1a 32-bit, stable across runs (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
  it('matches scikit-learn TfidfVectorizer (smooth idf, l2 rows) on three documents', () => {
    // /usr/bin/python3, scikit-learn 1.2.1:
    //   TfidfVectorizer().fit_transform(['The cat sat', 'the dog', 'cat cat dog']).toarray()
    //   vocabulary cat, dog, sat, the -> rows below; idf_ = [1.28768, 1.28768, 1.69315, 1.28768]
    const expected: Record<string, number[]> = {
      cat: [0.5178561161676974, 0, 0.8944271909999159],
      dog: [0, 0.7071067811865476, 0.4472135954999579],
      sat: [0.680918560398684, 0, 0],
      the: [0.5178561161676974, 0.7071067811865476, 0],
    };
    const ds = makeDataset({ review: { kind: 'text', values: ['The cat sat', 'the dog', 'cat cat dog'] } });
    const buckets = 64;
    const pipe = fitPipeline(ds, { features: ['review'], textHashBuckets: buckets }, range(3));
    const step = pipe.features[0];
    expect(step.kind).toBe('text');
    const bucketOf = (w: string) => fnv1a32(w) % buckets;
    // The four words land in different buckets, so hashing loses nothing here.
    expect(new Set(Object.keys(expected).map(bucketOf)).size).toBe(4);
    if (step.kind === 'text') expect(step.idf[bucketOf('sat')]).toBeCloseTo(1.6931471805599454, 12);
    const { matrix, cols } = transform(pipe, ds.columns, null);
    expect(cols).toBe(buckets);
    for (const [word, values] of Object.entries(expected)) {
      values.forEach((v, row) => expect(matrix[row * cols + bucketOf(word)]).toBeCloseTo(v, 6));
    }
    let nonZero = 0;
    for (const v of matrix) if (v !== 0) nonZero++;
    expect(nonZero).toBe(7);
  });
  it('fits idf on training rows only; unseen words at transform still get the n-only idf', () => {
    const ds = makeDataset({ t: { kind: 'text', values: ['red apple', 'red pear', 'blue sky', null] } });
    const words = ['red', 'apple', 'pear', 'blue', 'sky'];
    expect(new Set(words.map((w) => fnv1a32(w) % 1024)).size).toBe(words.length);
    const pipe = fitPipeline(ds, { features: ['t'], textHashBuckets: 1024 }, Int32Array.from([0, 1]));
    const step = pipe.features[0];
    if (step.kind !== 'text') throw new Error('expected a text step');
    // n = 2 training docs: red df 2 -> ln(3/3)+1 = 1; blue df 0 -> ln(3)+1.
    expect(step.idf[fnv1a32('red') % 1024]).toBeCloseTo(1, 12);
    expect(step.idf[fnv1a32('blue') % 1024]).toBeCloseTo(Math.log(3) + 1, 12);
    const { matrix, cols } = transform(pipe, ds.columns, Int32Array.from([3]));
    expect(cols).toBe(1024);
    expect(matrix.every((v) => v === 0)).toBe(true);
  });
});
