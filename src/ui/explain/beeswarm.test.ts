import { describe, expect, it } from 'vitest';
import { beeswarmColor, beeswarmDots } from './beeswarm';

describe('beeswarmDots', () => {
  it('puts one dot per row per feature on its line, spreading ties alternately above and below', () => {
    const dots = beeswarmDots([
      { name: 'a', meanAbs: 1, shap: [0.5, 0.5, 0.5, -1], color: [0, 1, null, 0.5] },
      { name: 'b', meanAbs: 0.1, shap: [0.1, 0.2], color: [null, null] },
    ]);
    expect(Array.from(dots.x)).toEqual([0.5, 0.5, 0.5, -1, 0.1, 0.2]);
    // Three rows in one bin: on the line, then -0.04, then +0.04; the other features' line is 1.
    expect(Array.from(dots.y).map((v) => Number(v.toFixed(2)))).toEqual([0, -0.04, 0.04, 0, 1, 1]);
    expect(Number.isNaN(dots.value[2])).toBe(true);
    expect([dots.xMin, dots.xMax]).toEqual([-1, 0.5]);
  });

  it('colours low values blue, high red and missing grey', () => {
    expect(beeswarmColor(0)).toBe('rgb(37,99,235)');
    expect(beeswarmColor(1)).toBe('rgb(220,38,38)');
    expect(beeswarmColor(Number.NaN)).toBe('#b8bdc9');
  });
});
