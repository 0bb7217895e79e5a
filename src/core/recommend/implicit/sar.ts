import type { History, ImplicitModel, ImplicitSpec, Interactions } from './types';
import { userHistory } from './interactions';

type SarSpec = Extract<ImplicitSpec, { kind: 'sar' }>;

/** Dense item-item matrices cost nItems^2 floats: 10,000 items is 400 MB, so stop well before. */
export const SAR_MAX_ITEMS = 8000;

/**
 * SAR (Microsoft Recommenders' Smart Adaptive Recommendations): C = A^T A on binary interactions,
 * co-occurrences under threshold dropped, then Jaccard C_ij / (C_ii + C_jj - C_ij), lift
 * C_ij / (C_ii C_jj) or raw counts. A user's scores are their (decayed, weighted) affinities times S.
 */
export function fitSar(x: Interactions, spec: SarSpec): ImplicitModel {
  const n = x.nItems;
  if (n > SAR_MAX_ITEMS) throw new Error(`SAR keeps an item-by-item matrix: ${n} items is more than ${SAR_MAX_ITEMS}.`);
  const c = new Float32Array(n * n);
  for (let u = 0; u < x.nUsers; u++) {
    const a = x.userStart[u];
    const b = x.userStart[u + 1];
    for (let p = a; p < b; p++) {
      const row = x.userItems[p] * n;
      for (let q = a; q < b; q++) c[row + x.userItems[q]]++;
    }
  }
  const diag = new Float32Array(n);
  for (let i = 0; i < n; i++) diag[i] = c[i * n + i];
  const s = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const cij = c[i * n + j];
      if (cij < spec.threshold || cij === 0) continue;
      s[i * n + j] =
        spec.similarity === 'jaccard' ? cij / (diag[i] + diag[j] - cij) : spec.similarity === 'lift' ? cij / (diag[i] * diag[j]) : cij;
    }
  }
  const scoreHistory = (h: History, out: Float32Array): void => {
    out.fill(0);
    for (let p = 0; p < h.items.length; p++) {
      const w = h.conf[p];
      const row = h.items[p] * n;
      for (let j = 0; j < n; j++) out[j] += w * s[row + j];
    }
  };
  return {
    kind: 'sar',
    nItems: n,
    scoreUser: (u, out) => scoreHistory(userHistory(x, u), out),
    scoreHistory,
    itemSimilarity: (i, out) => out.set(s.subarray(i * n, (i + 1) * n)),
  };
}
