import { describe, expect, it } from 'vitest';
import { rankAuc } from './validation';

describe('rankAuc', () => {
  it('matches scikit-learn roc_auc_score, ties sharing ranks', () => {
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75 (scikit-learn docs example)
    expect(rankAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    // roc_auc_score([0, 1, 0, 1, 1], [0.5, 0.5, 0.2, 0.9, 0.5]) = 0.8333333333333333 (/usr/bin/python3, scikit-learn 1.2.1)
    expect(rankAuc([0.5, 0.5, 0.2, 0.9, 0.5], [0, 1, 0, 1, 1])).toBeCloseTo(0.8333333333333333, 12);
    expect(rankAuc([1, 2], [1, 1])).toBeNaN();
  });
});
