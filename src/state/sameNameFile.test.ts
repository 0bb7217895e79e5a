import { describe, expect, it } from 'vitest';
import { keepBothName } from './sameNameFile';

describe('keepBothName', () => {
  it('numbers the copy before the extension, skipping numbers already taken', () => {
    expect(keepBothName('ratings.csv', ['ratings.csv'])).toBe('ratings (2).csv');
    expect(keepBothName('ratings.csv', ['ratings.csv', 'ratings (2).csv'])).toBe('ratings (3).csv');
    expect(keepBothName('u.data', ['u.data'])).toBe('u (2).data');
    expect(keepBothName('README', ['README'])).toBe('README (2)');
  });
});
