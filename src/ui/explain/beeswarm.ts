/**
 * Where each dot of the beeswarm goes: x is the row's SHAP value, y the feature's line plus a
 * spread by local density (alternating above and below), so the swarm shows where rows pile up.
 * Typed arrays, one pass: thousands of dots are drawn on a canvas, not as SVG elements.
 */
import type { BeeswarmFeature } from '../../engine/explain/types';

export interface BeeswarmDots {
  /** SHAP value per dot. */
  x: Float64Array;
  /** Feature line (0 = top feature) plus the spread, within ±0.4. */
  y: Float64Array;
  /** The feature's value scaled to 0..1, NaN for missing or not numeric. */
  value: Float64Array;
  xMin: number;
  xMax: number;
}

const BINS = 40;
const STEP = 0.04;

export function beeswarmDots(features: readonly BeeswarmFeature[]): BeeswarmDots {
  const total = features.reduce((s, f) => s + f.shap.length, 0);
  const x = new Float64Array(total);
  const y = new Float64Array(total);
  const value = new Float64Array(total);
  let xMin = Infinity;
  let xMax = -Infinity;
  let at = 0;
  features.forEach((f, line) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of f.shap) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    xMin = Math.min(xMin, lo);
    xMax = Math.max(xMax, hi);
    const counts = new Int32Array(BINS);
    f.shap.forEach((v, j) => {
      const bin = hi > lo ? Math.min(BINS - 1, Math.floor(((v - lo) / (hi - lo)) * BINS)) : 0;
      const k = counts[bin]++;
      const offset = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * STEP;
      x[at] = v;
      y[at] = line + Math.max(-0.4, Math.min(0.4, offset));
      value[at] = f.color[j] ?? Number.NaN;
      at++;
    });
  });
  if (total === 0) return { x, y, value, xMin: -1, xMax: 1 };
  return { x, y, value, xMin, xMax };
}

/** Blue (low) to red (high), grey when missing or not numeric, as the shap package colours it. */
export function beeswarmColor(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '#b8bdc9';
  const r = Math.round(37 + v * (220 - 37));
  const g = Math.round(99 + v * (38 - 99));
  const b = Math.round(235 + v * (38 - 235));
  return `rgb(${r},${g},${b})`;
}
