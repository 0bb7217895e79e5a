/** Number and value formatting shared by the explain charts. */
import type { FeatureValue } from '../../engine/api';

export function signed(v: number, digits = 3): string {
  const text = Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(digits);
  return v > 0 ? `+${text}` : text;
}

export function showValue(v: FeatureValue): string {
  if (v === null) return 'missing';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toPrecision(4);
  return v.length > 28 ? `${v.slice(0, 27)}…` : v;
}

export const UP = '#dc2626';
export const DOWN = '#2563eb';
