// Expected values: scikit-learn 1.2.1 via fixtures/make_fixtures.py (see its header).
import { describe, expect, it } from 'vitest';
import { decodeArray, decodeNumber, maxAbsDiff, type Encoded } from './fixtures/decode';
import fixture from './fixtures/multiclass.json';
import { multiclassMetrics, oneVsRestRoc } from './multiclass';

const TOL = 1e-9;

interface MulticlassCase {
  name: string;
  k: number;
  yTrue: number[];
  probabilities: number[];
  accuracy: Encoded;
  precision: Encoded[]; recall: Encoded[]; f1: Encoded[]; support: number[];
  macroF1: Encoded; weightedF1: Encoded; macroPrecision: Encoded; macroRecall: Encoded;
  macroAucOvr: Encoded; weightedAucOvr: Encoded; logLoss: Encoded;
  confusion: number[][];
  ovrRoc: { fpr: Encoded[]; tpr: Encoded[]; thresholds: Encoded[] }[];
}
const cases = fixture.cases as MulticlassCase[];
const close = (a: number | null, e: Encoded) => expect(Math.abs((a as number) - decodeNumber(e))).toBeLessThan(TOL);
const labelsOf = (k: number) => Array.from({ length: k }, (_, c) => `class ${c}`);

describe('multiclassMetrics against sklearn precision_recall_fscore_support, roc_auc_score(ovr), log_loss', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const m = multiclassMetrics(Int32Array.from(c.yTrue), Float64Array.from(c.probabilities), labelsOf(c.k));
    expect(m.confusion).toEqual(c.confusion);
    close(m.accuracy, c.accuracy);
    expect(maxAbsDiff(m.perClass.map((p) => p.precision), decodeArray(c.precision))).toBeLessThan(TOL);
    expect(maxAbsDiff(m.perClass.map((p) => p.recall), decodeArray(c.recall))).toBeLessThan(TOL);
    expect(maxAbsDiff(m.perClass.map((p) => p.f1), decodeArray(c.f1))).toBeLessThan(TOL);
    expect(m.perClass.map((p) => p.support)).toEqual(c.support);
    expect(m.perClass.map((p) => p.label)).toEqual(labelsOf(c.k));
    close(m.macroF1, c.macroF1);
    close(m.weightedF1, c.weightedF1);
    close(m.macroPrecision, c.macroPrecision);
    close(m.macroRecall, c.macroRecall);
    close(m.macroAucOvr, c.macroAucOvr);
    close(m.weightedAucOvr, c.weightedAucOvr);
    expect(m.aucNote).toBeNull();
    close(m.logLoss, c.logLoss);
  });
  it.each(cases.map((c) => [c.name, c] as const))('oneVsRestRoc matches sklearn roc_curve per class: %s', (_, c) => {
    const curves = oneVsRestRoc(Int32Array.from(c.yTrue), Float64Array.from(c.probabilities), c.k);
    expect(curves).toHaveLength(c.k);
    curves.forEach((roc, k) => {
      const e = c.ovrRoc[k];
      expect(maxAbsDiff(roc.fpr, decodeArray(e.fpr))).toBeLessThan(TOL);
      expect(maxAbsDiff(roc.tpr, decodeArray(e.tpr))).toBeLessThan(TOL);
      expect(maxAbsDiff(roc.thresholds.subarray(1), decodeArray(e.thresholds).subarray(1))).toBeLessThan(TOL);
    });
  });
});

describe('multiclass edge cases', () => {
  it('a class absent from the split: precision/recall 0, left out of the AUC averages with a note', () => {
    // Class 2 never occurs and is never predicted.
    const y = Int32Array.from([0, 1, 0, 1]);
    const p = Float64Array.from([0.7, 0.2, 0.1, 0.3, 0.6, 0.1, 0.4, 0.5, 0.1, 0.2, 0.7, 0.1]);
    const m = multiclassMetrics(y, p, ['a', 'b', 'c']);
    expect(m.confusion).toEqual([[1, 1, 0], [0, 2, 0], [0, 0, 0]]);
    expect(m.perClass[2]).toEqual({ label: 'c', precision: 0, recall: 0, f1: 0, support: 0 });
    expect(m.macroRecall).toBeCloseTo((0.5 + 1 + 0) / 3, 15);
    // Class a: positives 0.7, 0.4 vs negatives 0.3, 0.2 -> 1; class b: 0.6, 0.7 vs 0.2, 0.5 -> 1.
    expect(m.macroAucOvr).toBe(1);
    expect(m.weightedAucOvr).toBe(1);
    expect(m.aucNote).toMatch(/no one-vs-rest AUC for c/);
  });
  it('ties in a row go to the first class, as numpy argmax', () => {
    const m = multiclassMetrics(Int32Array.from([1, 0]), Float64Array.from([0.5, 0.5, 0.5, 0.5]), ['a', 'b']);
    expect(m.confusion).toEqual([[1, 0], [1, 0]]);
  });
  it('rejects labels outside 0..k-1 and a wrong probability count', () => {
    expect(() => multiclassMetrics(Int32Array.from([3]), Float64Array.from([1, 0, 0]), ['a', 'b', 'c'])).toThrow(/class index/);
    expect(() => multiclassMetrics(Int32Array.from([0]), Float64Array.from([1, 0]), ['a', 'b', 'c'])).toThrow(/expected/);
  });
});
