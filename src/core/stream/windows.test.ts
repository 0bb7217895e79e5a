import { describe, expect, it } from 'vitest';
import { eventOrder, planWindows, windowProblem } from './windows';

describe('stream windows', () => {
  it('tumbling in rows: each row once, the last window short', () => {
    const w = planWindows(10, null, { kind: 'tumbling', unit: 'rows', size: 4 });
    expect(w.map((x) => [x.start, x.end, x.newFrom])).toEqual([[0, 4, 0], [4, 8, 4], [8, 10, 8]]);
  });

  it('sliding in rows: the last size rows, every step', () => {
    const w = planWindows(10, null, { kind: 'sliding', unit: 'rows', size: 4, step: 2 });
    expect(w.map((x) => [x.start, x.end, x.newFrom])).toEqual([[0, 4, 0], [2, 6, 4], [4, 8, 6], [6, 10, 8]]);
  });

  it('tumbling in time: windows of 10 ms from the first time, empty ones skipped', () => {
    const times = Float64Array.from([0, 3, 9, 10, 35, 36, NaN]);
    const w = planWindows(7, times, { kind: 'tumbling', unit: 'time', size: 10 });
    expect(w.map((x) => [x.start, x.end, x.from, x.to])).toEqual([[0, 3, 0, 10], [3, 4, 10, 20], [4, 6, 30, 40]]);
  });

  it('sliding in time', () => {
    const times = Float64Array.from([0, 5, 10, 15, 20]);
    const w = planWindows(5, times, { kind: 'sliding', unit: 'time', size: 10, step: 5 });
    expect(w.map((x) => [x.start, x.end, x.newFrom])).toEqual([[0, 2, 0], [1, 3, 2], [2, 4, 3], [3, 5, 4]]);
  });

  it('event order is stable, missing times last', () => {
    expect(Array.from(eventOrder(5, Float64Array.from([3, NaN, 1, 3, 0])))).toEqual([4, 2, 0, 3, 1]);
    expect(Array.from(eventOrder(3, null))).toEqual([0, 1, 2]);
  });

  it('explains a bad spec', () => {
    expect(windowProblem({ kind: 'tumbling', unit: 'rows', size: 0 }, false)).toMatch(/positive/);
    expect(windowProblem({ kind: 'tumbling', unit: 'time', size: 10 }, false)).toMatch(/timestamp/);
    expect(windowProblem({ kind: 'sliding', unit: 'rows', size: 10, step: 20 }, false)).toMatch(/step/);
    expect(windowProblem({ kind: 'tumbling', unit: 'rows', size: 100 }, false)).toBeNull();
  });
});
