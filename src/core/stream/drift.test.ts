import { describe, expect, it } from 'vitest';
import fixture from './fixtures/drift.json';
import { chiSquareTwoSample, driftLevel, ksTwoSample, psiFromCounts, psiNumeric, PSI_BINS, PSI_EPSILON, sortedFinite } from './drift';
import { chiSquareSurvival, kolmogorovSurvival } from './special';
import { driftReference, windowDrift } from './reference';
import { load } from '../frame/testing';

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

  it("the 'psi' rule ignores the test's p-value: only PSI alerts", () => {
    expect(driftLevel(0.01, 0.005, 'psi')).toBe('ok');
    expect(driftLevel(0.12, 1e-30, 'psi')).toBe('warn');
    expect(driftLevel(0.3, 0.5, 'psi')).toBe('alert');
  });
});

describe('a small shift in a large window', () => {
  // 10,000 rows shifted by 3% of the range: KS calls it highly significant, PSI calls it small.
  const lines = ['x'];
  for (let i = 0; i < 10_000; i++) lines.push(String(((i * 7919) % 10_000) / 10_000));
  for (let i = 0; i < 10_000; i++) lines.push(String(0.03 + ((i * 7919) % 10_000) / 10_000));
  const data = load(lines.join('\n'));
  const reference = driftReference(data.columns, ['x'], Int32Array.from({ length: 10_000 }, (_, i) => i));
  const current = Int32Array.from({ length: 10_000 }, (_, i) => 10_000 + i);

  it('alerts under the default rule on the KS test alone, and not under PSI only', () => {
    const [byTest] = windowDrift(reference, data.columns, current);
    expect(byTest.pValue).toBeLessThan(0.01);
    expect(byTest.psi).toBeLessThan(0.1);
    expect(byTest.level).toBe('alert');
    const [byPsi] = windowDrift(reference, data.columns, current, 'psi');
    expect(byPsi.level).toBe('ok');
    expect(byPsi.pValue).toBe(byTest.pValue);
  });
});
