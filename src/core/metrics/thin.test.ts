import { describe, expect, it } from 'vitest';
import { rocCurve } from './curves';
import { thinCurve } from './thin';
import { createRandom } from '../random';

describe('thinCurve', () => {
  it('returns short curves whole', () => {
    const t = thinCurve(Float64Array.from([0, 0.5, 1]), Float64Array.from([0, 0.7, 1]), 10);
    expect(Array.from(t.index)).toEqual([0, 1, 2]);
    expect(Array.from(t.y)).toEqual([0, 0.7, 1]);
  });
  it('keeps the endpoints and every corner of a staircase, dropping collinear points', () => {
    // Staircase (0,0)->(0,1)->(1,1)->(1,2)->(2,2) with 9 points on each straight run.
    const xs: number[] = [], ys: number[] = [];
    const corners = [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2]];
    for (let s = 0; s < corners.length - 1; s++) {
      const [x0, y0] = corners[s], [x1, y1] = corners[s + 1];
      for (let j = 0; j < 10; j++) { xs.push(x0 + ((x1 - x0) * j) / 10); ys.push(y0 + ((y1 - y0) * j) / 10); }
    }
    xs.push(2); ys.push(2);
    const t = thinCurve(Float64Array.from(xs), Float64Array.from(ys), 20);
    const kept = Array.from(t.index, (i) => [xs[i], ys[i]]);
    expect(kept).toEqual(corners);
  });
  it('stays within the budget on a long ROC curve, keeps endpoints and order, and tracks its shape', () => {
    const r = createRandom(5);
    const n = 20000;
    const y = new Uint8Array(n), s = new Float64Array(n);
    for (let i = 0; i < n; i++) { y[i] = r.next() < 0.3 ? 1 : 0; s[i] = r.normal() + (y[i] ? 1 : 0); }
    const roc = rocCurve(y, s);
    const t = thinCurve(roc.fpr, roc.tpr, 200);
    expect(t.index.length).toBe(200);
    expect(t.index[0]).toBe(0);
    expect(t.index[t.index.length - 1]).toBe(roc.fpr.length - 1);
    for (let i = 1; i < t.index.length; i++) expect(t.index[i]).toBeGreaterThan(t.index[i - 1]);
    // Linear interpolation of the thinned curve stays close to the full one.
    let worst = 0;
    for (let i = 0, j = 0; i < roc.fpr.length; i++) {
      while (j < t.x.length - 2 && t.x[j + 1] < roc.fpr[i]) j++;
      const dx = t.x[j + 1] - t.x[j];
      const yi = dx > 0 ? t.y[j] + ((t.y[j + 1] - t.y[j]) * (roc.fpr[i] - t.x[j])) / dx : t.y[j];
      if (roc.fpr[i] >= t.x[j] && roc.fpr[i] <= t.x[j + 1]) worst = Math.max(worst, Math.abs(yi - roc.tpr[i]));
    }
    expect(worst).toBeLessThan(0.02);
  });
  it('rejects a budget below two points', () => {
    expect(() => thinCurve(new Float64Array(5), new Float64Array(5), 1)).toThrow(/at least 2/);
  });
});
