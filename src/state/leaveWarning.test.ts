import { describe, expect, it } from 'vitest';
import { workWouldBeLost } from './leaveWarning';

const saved = { status: 'ready' as const, pending: false };

describe('workWouldBeLost', () => {
  it('without a saved workspace: false for the untouched demo datasets alone, true once a file, a change or a run exists', () => {
    for (const workspace of [null, { status: 'off' as const, pending: false }, { status: 'locked' as const, pending: false }]) {
      expect(workWouldBeLost({ datasetIds: [], untouchedDemoIds: [], runCount: 0, workspace })).toBe(false);
      expect(workWouldBeLost({ datasetIds: ['ds1', 'ds2'], untouchedDemoIds: ['ds1', 'ds2'], runCount: 0, workspace })).toBe(false);
      expect(workWouldBeLost({ datasetIds: ['ds1', 'ds2', 'ds3'], untouchedDemoIds: ['ds1', 'ds2'], runCount: 0, workspace })).toBe(true);
      expect(workWouldBeLost({ datasetIds: ['ds1', 'ds2'], untouchedDemoIds: ['ds2'], runCount: 0, workspace })).toBe(true);
      expect(workWouldBeLost({ datasetIds: ['ds1'], untouchedDemoIds: ['ds1'], runCount: 1, workspace })).toBe(true);
    }
  });

  it('while the workspace is saved: only a save still waiting would be lost', () => {
    expect(workWouldBeLost({ datasetIds: ['ds1', 'ds3'], untouchedDemoIds: [], runCount: 4, workspace: saved })).toBe(false);
    expect(workWouldBeLost({ datasetIds: ['ds1', 'ds3'], untouchedDemoIds: ['ds1'], runCount: 0, workspace: { ...saved, pending: true } })).toBe(true);
    expect(workWouldBeLost({ datasetIds: ['ds1'], untouchedDemoIds: [], runCount: 1, workspace: { ...saved, pending: true } })).toBe(true);
  });

  it("a pending save of nothing but the untouched demo datasets (the start-up PII check's audit entry) does not ask", () => {
    expect(workWouldBeLost({ datasetIds: ['ds1'], untouchedDemoIds: ['ds1'], runCount: 0, workspace: { ...saved, pending: true } })).toBe(false);
  });
});
