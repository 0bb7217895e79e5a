import { describe, expect, it } from 'vitest';
import { workWouldBeLost } from './leaveWarning';

describe('workWouldBeLost', () => {
  it('is false for the untouched demo datasets alone, true once a file, a change or a run exists', () => {
    expect(workWouldBeLost({ datasetIds: [], untouchedDemoIds: [], runCount: 0 })).toBe(false);
    expect(workWouldBeLost({ datasetIds: ['ds1', 'ds2'], untouchedDemoIds: ['ds1', 'ds2'], runCount: 0 })).toBe(false);
    expect(workWouldBeLost({ datasetIds: ['ds1', 'ds2', 'ds3'], untouchedDemoIds: ['ds1', 'ds2'], runCount: 0 })).toBe(true);
    expect(workWouldBeLost({ datasetIds: ['ds1', 'ds2'], untouchedDemoIds: ['ds2'], runCount: 0 })).toBe(true);
    expect(workWouldBeLost({ datasetIds: ['ds1'], untouchedDemoIds: ['ds1'], runCount: 1 })).toBe(true);
  });
});
