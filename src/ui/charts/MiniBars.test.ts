import { describe, expect, it } from 'vitest';
import { miniBarsSummary } from './MiniBars';

describe('miniBarsSummary', () => {
  it('reads top values with their counts, and a histogram as its range and fullest bin', () => {
    expect(miniBarsSummary([{ label: 'US', count: 1200 }, { label: 'DE', count: 1 }], true)).toBe('US: 1,200 rows; DE: 1 row');
    expect(miniBarsSummary([{ label: '0 – 10', count: 3 }, { label: '10 – 20', count: 9 }, { label: '20 – 30', count: 2 }], false)).toBe('3 bins, 0 to 30; most rows in 10 – 20 (9 rows)');
  });
});
