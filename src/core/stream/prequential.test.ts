import { describe, expect, it } from 'vitest';
import { classBalance, predictionErrors, windowMetrics } from './prequential';

describe('prequential window metrics, by hand', () => {
  it('binary: accuracy, AUC and log loss of five rows', () => {
    const y = [1, 0, 1, 0, 1];
    const p = [0.9, 0.4, 0.35, 0.2, 0.6];
    const m = windowMetrics('binary', y, p, 2, 0.5);
    // At 0.5: predicted 1,0,0,0,1 -> rows 0,1,3,4 right: 4/5.
    expect(m.accuracy).toBeCloseTo(0.8, 12);
    // Positive/negative pairs (6): 0.9 beats both, 0.6 beats both, 0.35 beats 0.2 only -> 5/6.
    expect(m.auc).toBeCloseTo(5 / 6, 12);
    const ll = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8) + Math.log(0.6)) / 5;
    expect(m.logLoss).toBeCloseTo(ll, 12);
    expect(m.rows).toBe(5);
  });

  it('binary with one class has no AUC', () => {
    expect(windowMetrics('binary', [1, 1], [0.2, 0.7], 2, 0.5).auc).toBeNaN();
  });

  it('regression: RMSE', () => {
    const m = windowMetrics('regression', [1, 2, 3], [1.5, 2, 2], 1, 0);
    expect(m.rmse).toBeCloseTo(Math.sqrt((0.25 + 0 + 1) / 3), 12);
  });

  it('multiclass: top-class accuracy and log loss', () => {
    const probs = [0.7, 0.2, 0.1, 0.1, 0.3, 0.6];
    const m = windowMetrics('multiclass', [0, 1], probs, 3, 0.5);
    expect(m.accuracy).toBe(0.5);
    expect(m.logLoss).toBeCloseTo(-(Math.log(0.7) + Math.log(0.3)) / 2, 12);
  });

  it('errors and class balance', () => {
    expect(Array.from(predictionErrors('binary', [1, 0, 1], [0.6, 0.6, 0.4], 2, 0.5, 0))).toEqual([0, 1, 1]);
    expect(Array.from(predictionErrors('regression', [1, 1], [1.5, 3], 1, 0, 1))).toEqual([0, 1]);
    expect(classBalance('binary', [1, 0, 1, 1], 2)).toEqual([0.25, 0.75]);
  });
});
