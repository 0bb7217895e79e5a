// Expected values: scikit-learn 1.2.1 via fixtures/make_fixtures.py (see its header).
import { describe, expect, it } from 'vitest';
import { precisionRecallCurve, rocCurve } from './curves';
import { decodeArray, decodeNumber, maxAbsDiff, type Encoded } from './fixtures/decode';
import fixture from './fixtures/binary.json';

const TOL = 1e-9;

interface BinaryCase {
  name: string;
  yTrue: number[];
  scores: number[];
  roc: { fpr: Encoded[]; tpr: Encoded[]; thresholds: Encoded[] };
  pr: { precision: Encoded[]; recall: Encoded[]; thresholds: Encoded[] };
  rocAuc: Encoded;
  averagePrecision: Encoded;
}
const cases = fixture.cases as BinaryCase[];

describe('rocCurve against sklearn roc_curve(drop_intermediate=False) and roc_auc_score', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const roc = rocCurve(c.yTrue, c.scores);
    expect(maxAbsDiff(roc.fpr, decodeArray(c.roc.fpr))).toBeLessThan(TOL);
    expect(maxAbsDiff(roc.tpr, decodeArray(c.roc.tpr))).toBeLessThan(TOL);
    const t = decodeArray(c.roc.thresholds);
    // sklearn 1.2.1 starts at max(score) + 1; we start at Infinity (sklearn >= 1.3).
    expect(roc.thresholds[0]).toBe(Infinity);
    expect(t[0]).toBeCloseTo(roc.thresholds[1] + 1, 9);
    expect(maxAbsDiff(roc.thresholds.subarray(1), t.subarray(1))).toBeLessThan(TOL);
    expect(roc.auc).not.toBeNull();
    expect(Math.abs((roc.auc as number) - decodeNumber(c.rocAuc))).toBeLessThan(TOL);
    expect(roc.aucNote).toBeNull();
  });
});

describe('precisionRecallCurve against sklearn precision_recall_curve and average_precision_score', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const pr = precisionRecallCurve(c.yTrue, c.scores);
    expect(maxAbsDiff(pr.precision, decodeArray(c.pr.precision))).toBeLessThan(TOL);
    expect(maxAbsDiff(pr.recall, decodeArray(c.pr.recall))).toBeLessThan(TOL);
    expect(maxAbsDiff(pr.thresholds, decodeArray(c.pr.thresholds))).toBeLessThan(TOL);
    expect(Math.abs((pr.averagePrecision as number) - decodeNumber(c.averagePrecision))).toBeLessThan(TOL);
  });
});

describe('ties and degenerate splits', () => {
  it('gives one step per distinct score, whatever the input order', () => {
    const y = [1, 0, 1, 0, 1, 0];
    const s = [0.5, 0.5, 0.9, 0.1, 0.5, 0.9];
    const roc = rocCurve(y, s);
    expect(Array.from(roc.thresholds)).toEqual([Infinity, 0.9, 0.5, 0.1]);
    expect(Array.from(roc.tpr)).toEqual([0, 1 / 3, 1, 1]);
    expect(Array.from(roc.fpr)).toEqual([0, 1 / 3, 2 / 3, 1]);
    // Trapezoids: (1/3)(1/3)/2 + (1/3)(1/3 + 1)/2 + (1/3)(2)/2 = 1/18 + 4/18 + 6/18.
    expect(roc.auc).toBeCloseTo(11 / 18, 12);
    const rev = rocCurve([...y].reverse(), [...s].reverse());
    expect(rev.auc).toBe(roc.auc);
  });
  it('all-equal scores give the chance diagonal, AUC 0.5', () => {
    const roc = rocCurve([0, 1, 1, 0, 1], [0.3, 0.3, 0.3, 0.3, 0.3]);
    expect(Array.from(roc.fpr)).toEqual([0, 1]);
    expect(Array.from(roc.tpr)).toEqual([0, 1]);
    expect(roc.auc).toBe(0.5);
  });
  it('only negatives: no NaN, auc and average precision null with a reason', () => {
    const roc = rocCurve([0, 0, 0], [0.2, 0.7, 0.4]);
    expect(roc.auc).toBeNull();
    expect(roc.aucNote).toMatch(/only negatives/);
    expect(Array.from(roc.tpr)).toEqual([0, 0, 0, 0]);
    expect(Array.from(roc.fpr)).toEqual([0, 1 / 3, 2 / 3, 1]);
    const pr = precisionRecallCurve([0, 0, 0], [0.2, 0.7, 0.4]);
    expect(pr.averagePrecision).toBeNull();
    expect(pr.averagePrecisionNote).toMatch(/only negatives/);
    // As sklearn 1.2.1: recall set to 1, precision 0, then the final (1, 0) point.
    expect(Array.from(pr.recall)).toEqual([1, 1, 1, 0]);
    expect(Array.from(pr.precision)).toEqual([0, 0, 0, 1]);
  });
  it('only positives: auc null, fpr zeros, average precision 1', () => {
    const roc = rocCurve([1, 1], [0.2, 0.6]);
    expect(roc.auc).toBeNull();
    expect(roc.aucNote).toMatch(/only positives/);
    expect(Array.from(roc.fpr)).toEqual([0, 0, 0]);
    expect(precisionRecallCurve([1, 1], [0.2, 0.6]).averagePrecision).toBe(1);
  });
  it('rejects inputs no metric can mean', () => {
    expect(() => rocCurve([0, 1], [0.5])).toThrow(/length/);
    expect(() => rocCurve([], [])).toThrow(/no samples/);
    expect(() => rocCurve([0, 2], [0.1, 0.2])).toThrow(/0 or 1/);
    expect(() => rocCurve([0, 1], [0.1, NaN])).toThrow(/NaN/);
  });
});
