import { describe, expect, it } from 'vitest';
import fixture from './fixtures/drift.json';
import { chiSquareTwoSample, driftLevel, ksTwoSample, psiFromCounts, psiNumeric, PSI_BINS, PSI_EPSILON, sortedFinite } from './drift';
import { chiSquareSurvival, kolmogorovSurvival } from './special';

/** p-values are compared relative to their size (they reach 1e-65), to 1e-6. */
const closeP = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(expected, 1e-300) + 1e-300);

describe('drift statistics against scipy 1.10.1 (fixtures/make_drift_fixtures.py)', () => {
  it('uses the script constants', () => {
    expect(fixture.epsilon).toBe(PSI_EPSILON);
    expect(fixture.bins).toBe(PSI_BINS);
  });

  for (const c of fixture.numeric) {
    it(`numbers: ${c.name}`, () => {
      const ref = sortedFinite(c.reference);
      const cur = sortedFinite(c.current);
      const ks = ksTwoSample(ref, cur);
      expect(Math.abs(ks.statistic - c.ksStatistic)).toBeLessThan(1e-9);
      closeP(ks.pValue, c.ksPValue);
      expect(Math.abs(psiNumeric(ref, cur) - c.psi)).toBeLessThan(1e-9);
    });
  }

  for (const c of fixture.categorical) {
    it(`categories: ${c.name}`, () => {
      const chi = chiSquareTwoSample(c.reference, c.current);
      expect(Math.abs(chi.statistic - c.chiSquare)).toBeLessThan(1e-9);
      expect(chi.dof).toBe(c.dof);
      closeP(chi.pValue, c.pValue);
      expect(Math.abs(psiFromCounts(c.reference, c.current) - c.psi)).toBeLessThan(1e-9);
    });
  }

  it('missing values are left out', () => {
    expect(Array.from(sortedFinite([3, NaN, 1, 2]))).toEqual([1, 2, 3]);
  });

  it('tail functions at known points', () => {
    // kstwobign.sf(1.0) = 0.26999967167735456, chi2.sf(3.84, 1) = 0.05004352124870519
    closeP(kolmogorovSurvival(1), 0.26999967167735456);
    closeP(chiSquareSurvival(3.84, 1), 0.05004352124870519);
    expect(kolmogorovSurvival(0)).toBe(1);
  });

  it('levels: PSI 0.1 warns, 0.25 alerts, p < 0.01 alerts', () => {
    expect(driftLevel(0.05, 0.5)).toBe('ok');
    expect(driftLevel(0.12, 0.5)).toBe('warn');
    expect(driftLevel(0.3, 0.5)).toBe('alert');
    expect(driftLevel(0.01, 0.005)).toBe('alert');
  });
});
