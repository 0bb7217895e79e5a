import { describe, expect, it } from 'vitest';
import { buildContentIndex, contentModel, vectorizeItem, densify, scoreAgainst } from './content';
import { buildInteractions } from './interactions';
import { TFIDF_COSINE, TFIDF_DOCS } from './fixtures/tfidfCosine';

describe('content-based', () => {
  it('TF-IDF cosines match scikit-learn TfidfVectorizer', () => {
    const index = buildContentIndex(5, { text: TFIDF_DOCS });
    const m = contentModel(index, null);
    const row = new Float32Array(5);
    for (let i = 0; i < 5; i++) {
      m.itemSimilarity!(i, row);
      for (let j = 0; j < 5; j++) expect(row[j]).toBeCloseTo(TFIDF_COSINE[i][j], 5);
    }
  });

  it('categories are one-hot (several per item), blended half and half with text', () => {
    const index = buildContentIndex(3, { categories: ['Sci-Fi|War', 'sci-fi', 'Comedy'], text: ['', '', ''] });
    const row = new Float32Array(3);
    contentModel(index, null).itemSimilarity!(0, row);
    // [1,1,0]/sqrt2 . [1,0,0] = 1/sqrt2
    expect(row[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(row[2]).toBe(0);
  });

  it('a new item, by name and category, finds its neighbours', () => {
    const index = buildContentIndex(3, { categories: ['garden', 'kitchen', 'garden'], text: ['steel garden shovel', 'chef knife', 'garden hose'] });
    const v = vectorizeItem(index, { categories: 'Garden', text: 'Garden shovel deluxe' });
    const out = new Float32Array(3);
    scoreAgainst(index, densify(index, v), out);
    expect(out[0]).toBeGreaterThan(out[2]);
    expect(out[2]).toBeGreaterThan(out[1]);
    expect(out[1]).toBe(0);
  });

  it('a user profile is the weighted sum of their items: the heavier item\'s neighbours come first', () => {
    const index = buildContentIndex(4, { categories: ['a', 'a', 'b', 'b'] });
    const x = buildInteractions(1, 4, { user: Int32Array.from([0, 0]), item: Int32Array.from([0, 2]), weight: Float32Array.from([5, 1]) });
    const out = new Float32Array(4);
    contentModel(index, x).scoreUser(0, out);
    expect(out[1]).toBeCloseTo(5 / Math.sqrt(26), 6);
    expect(out[3]).toBeCloseTo(1 / Math.sqrt(26), 6);
  });
});
