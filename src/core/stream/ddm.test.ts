import { describe, expect, it } from 'vitest';
import { createDdm, DDM_MIN_ROWS } from './ddm';
import { createRandom } from '../random';

describe('DDM (Gama et al. 2004)', () => {
  it('follows the rule on a hand-checked sequence', () => {
    const ddm = createDdm();
    // 100 rows with every 10th wrong: p = 0.1 settles; pmin + smin tracked.
    for (let i = 0; i < 100; i++) ddm.add(i % 10 === 9);
    const s = ddm.state();
    expect(s.level).toBe('in-control');
    expect(s.errorRate).toBeCloseTo(0.1, 12);
    // Then wrong rows until the rule fires: check the level against p + s vs pmin + k smin by hand.
    let n = 100;
    let errors = 10;
    for (let i = 0; i < 200; i++) {
      const before = ddm.state();
      const level = ddm.add(true);
      n++;
      errors++;
      const p = errors / n;
      const sd = Math.sqrt((p * (1 - p)) / n);
      const pmin = Math.min(before.minErrorRate, p + sd < before.minErrorRate + before.minStd ? p : Infinity);
      const smin = p + sd < before.minErrorRate + before.minStd ? sd : before.minStd;
      const expected = p + sd >= pmin + 3 * smin ? 'drift' : p + sd >= pmin + 2 * smin ? 'warning' : 'in-control';
      expect(level).toBe(expected);
      if (level === 'drift') break;
    }
    expect(ddm.state().drifts).toBe(1);
    expect(ddm.state().rows).toBe(0);
  });

  it('no warning before the minimum rows', () => {
    const ddm = createDdm();
    for (let i = 0; i < DDM_MIN_ROWS - 1; i++) expect(ddm.add(i > 5)).toBe('in-control');
  });

  it('signals drift when the error rate jumps from 10% to 50%, not before', () => {
    const random = createRandom(3);
    const ddm = createDdm();
    let firstDrift = -1;
    for (let i = 0; i < 4000; i++) {
      const level = ddm.add(random.next() < (i < 2000 ? 0.1 : 0.5));
      if (level === 'drift' && firstDrift < 0) firstDrift = i;
    }
    expect(firstDrift).toBeGreaterThanOrEqual(2000);
    expect(firstDrift).toBeLessThan(2200);
  });
});

describe('DDM before a first error', () => {
  it('an accurate start does not make the first error a drift', () => {
    const ddm = createDdm();
    for (let i = 0; i < 100; i++) ddm.add(false);
    expect(ddm.add(true)).toBe('in-control');
  });
});

describe('DDM checked per window', () => {
  it('in 50 seeded streams at 10% error, no false drift in 12 windows of 250; the jump to 50% is caught in its window or the next', () => {
    for (let seed = 0; seed < 50; seed++) {
      const r = createRandom(seed);
      const ddm = createDdm();
      let first = -1;
      for (let w = 0; w < 14 && first < 0; w++) {
        const errors = Uint8Array.from({ length: 250 }, () => (r.next() < (w < 12 ? 0.1 : 0.5) ? 1 : 0));
        if (ddm.addWindow(errors) === 'drift') first = w;
      }
      expect([12, 13], `seed ${seed}`).toContain(first);
    }
  });
});
