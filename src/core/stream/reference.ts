/**
 * Per-feature drift against a reference window: what the reference keeps (sorted numbers and
 * their PSI bins, category counts by label) and one window's statistics beside it.
 */
import type { Column } from '../frame/types';
import { binCounts, chiSquareTwoSample, driftLevel, ksTwoSample, psiEdges, psiFromCounts, type DriftLevel, type DriftRule } from './drift';

/** Features compared per window at most: the table and the cost stay bounded on wide files. */
export const MAX_DRIFT_FEATURES = 40;

export interface FeatureDrift {
  feature: string;
  test: 'ks' | 'chi-square';
  psi: number;
  statistic: number;
  pValue: number;
  level: DriftLevel;
}

type FeatureReference =
  | { kind: 'number'; name: string; sorted: Float64Array; edges: Float64Array; counts: Float64Array }
  | { kind: 'category'; name: string; counts: Map<string, number> };

export interface DriftReference {
  features: FeatureReference[];
  rows: number;
}

function numbersAt(column: Column & { storage: 'number' }, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = column.values[rows[i]];
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

function labelCounts(column: Column & { storage: 'dictionary' }, rows: ArrayLike<number>): Map<string, number> {
  const byCode = new Float64Array(column.dictionary.length);
  for (let i = 0; i < rows.length; i++) {
    const c = column.codes[rows[i]];
    if (c >= 0) byCode[c]++;
  }
  const counts = new Map<string, number>();
  byCode.forEach((n, c) => n > 0 && counts.set(column.dictionary[c], (counts.get(column.dictionary[c]) ?? 0) + n));
  return counts;
}

/** Which features drift is watched on: numbers and categories (free text and identifiers are left out). */
export function driftFeatures(columns: Column[], features: string[]): string[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return features
    .filter((f) => {
      const c = byName.get(f);
      return c !== undefined && c.kind !== 'text' && c.kind !== 'identifier';
    })
    .slice(0, MAX_DRIFT_FEATURES);
}

export function driftReference(columns: Column[], features: string[], rows: ArrayLike<number>): DriftReference {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return {
    rows: rows.length,
    features: features.map((name): FeatureReference => {
      const column = byName.get(name)!;
      if (column.storage === 'number') {
        const sorted = numbersAt(column, rows);
        const edges = psiEdges(sorted);
        return { kind: 'number', name, sorted, edges, counts: binCounts(sorted, edges) };
      }
      return { kind: 'category', name, counts: labelCounts(column, rows) };
    }),
  };
}

/** One window's drift per reference feature. A feature missing from the window's columns is skipped. */
export function windowDrift(reference: DriftReference, columns: Column[], rows: ArrayLike<number>, rule: DriftRule = 'psi-or-test'): FeatureDrift[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const out: FeatureDrift[] = [];
  for (const f of reference.features) {
    const column = byName.get(f.name);
    if (!column) continue;
    if (f.kind === 'number') {
      if (column.storage !== 'number') continue;
      const sorted = numbersAt(column, rows);
      const ks = ksTwoSample(f.sorted, sorted);
      const psi = psiFromCounts(f.counts, binCounts(sorted, f.edges));
      out.push({ feature: f.name, test: 'ks', psi, statistic: ks.statistic, pValue: ks.pValue, level: driftLevel(psi, ks.pValue, rule) });
    } else {
      if (column.storage !== 'dictionary') continue;
      const current = labelCounts(column, rows);
      const labels = [...new Set([...f.counts.keys(), ...current.keys()])];
      const r = labels.map((l) => f.counts.get(l) ?? 0);
      const c = labels.map((l) => current.get(l) ?? 0);
      const chi = chiSquareTwoSample(r, c);
      const psi = psiFromCounts(r, c);
      out.push({ feature: f.name, test: 'chi-square', psi, statistic: chi.statistic, pValue: chi.pValue, level: driftLevel(psi, chi.pValue, rule) });
    }
  }
  return out;
}
