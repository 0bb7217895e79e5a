// Expected values: scikit-learn 1.2.1 via fixtures/make_fixtures.py (see its header).
import { describe, expect, it } from 'vitest';
import { binaryLogLoss, binaryMetrics, binaryMetricsTable, confusionAtThreshold, thresholdTable } from './binary';
import { decodeNumber, type Encoded } from './fixtures/decode';
import fixture from './fixtures/binary.json';

const TOL = 1e-9;

interface AtThreshold {
  threshold: number;
  tn: number; fp: number; fn: number; tp: number;
  accuracy: Encoded; precision: Encoded; recall: Encoded; f1: Encoded; specificity: Encoded;
}
interface BinaryCase {
  name: string;
  yTrue: number[];
  scores: number[];
  rocAuc: Encoded;
  averagePrecision: Encoded;
  logLoss: Encoded;
  atThreshold: AtThreshold[];
}
const cases = fixture.cases as BinaryCase[];
const close = (a: number | null, e: Encoded) => expect(Math.abs((a as number) - decodeNumber(e))).toBeLessThan(TOL);

describe('binaryMetrics against sklearn confusion_matrix, accuracy/precision/recall/f1 and log_loss', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    for (const e of c.atThreshold) {
      const m = binaryMetrics(c.yTrue, c.scores, e.threshold);
      expect(m.confusion).toEqual({ tp: e.tp, fp: e.fp, tn: e.tn, fn: e.fn });
      expect(confusionAtThreshold(c.yTrue, c.scores, e.threshold)).toEqual(m.confusion);
      close(m.accuracy, e.accuracy);
      close(m.precision, e.precision);
      close(m.recall, e.recall);
      close(m.f1, e.f1);
      close(m.specificity, e.specificity);
      close(m.logLoss, c.logLoss);
      close(m.auc, c.rocAuc);
      close(m.averagePrecision, c.averagePrecision);
      expect(m.positives + m.negatives).toBe(c.yTrue.length);
      expect(m.threshold).toBe(e.threshold);
    }
  });
});

describe('thresholdTable', () => {
  it.each(cases.map((c) => [c.name, c] as const))('agrees with a direct count at every score and between them: %s', (_, c) => {
    const table = thresholdTable(c.yTrue, c.scores);
    const probes = [-Infinity, Infinity, 0, 1, 0.5, ...c.scores, ...c.scores.map((s) => s + 1e-7)];
    for (const t of probes) expect(table.at(t)).toEqual(confusionAtThreshold(c.yTrue, c.scores, t));
  });
});

describe('binaryMetricsTable (the threshold slider\'s fast path)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('gives scikit-learn\'s numbers at every fixture threshold: %s', (_, c) => {
    const table = binaryMetricsTable(c.yTrue, c.scores);
    for (const e of c.atThreshold) {
      const m = table.at(e.threshold);
      expect(m.confusion).toEqual({ tp: e.tp, fp: e.fp, tn: e.tn, fn: e.fn });
      close(m.accuracy, e.accuracy);
      close(m.precision, e.precision);
      close(m.recall, e.recall);
      close(m.f1, e.f1);
      close(m.specificity, e.specificity);
      close(m.logLoss, c.logLoss);
      close(m.auc, c.rocAuc);
      close(m.averagePrecision, c.averagePrecision);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('counts what a direct pass counts at every slider step 0.00 .. 1.00: %s', (_, c) => {
    const table = binaryMetricsTable(c.yTrue, c.scores);
    for (let step = 0; step <= 100; step++) {
      const t = step / 100;
      const { tp, fp, tn, fn } = confusionAtThreshold(c.yTrue, c.scores, t);
      const m = table.at(t);
      expect(m.confusion).toEqual({ tp, fp, tn, fn });
      expect(m.accuracy).toBeCloseTo((tp + tn) / c.yTrue.length, 12);
      expect(m.recall).toBeCloseTo(tp + fn > 0 ? tp / (tp + fn) : 0, 12);
      expect(m.precision).toBeCloseTo(tp + fp > 0 ? tp / (tp + fp) : 0, 12);
    }
  });
});

describe('degenerate splits and edge values', () => {
  it('nothing predicted positive: precision 0 (zero_division=0) with a note', () => {
    const m = binaryMetrics([0, 1, 1, 0], [0.1, 0.4, 0.3, 0.2], 0.9);
    expect(m.confusion).toEqual({ tp: 0, fp: 0, tn: 2, fn: 2 });
    expect(m.precision).toBe(0);
    expect(m.f1).toBe(0);
    expect(m.notes.join(' ')).toMatch(/no score reaches/);
    expect(m.auc).toBe(1);
  });
  it('one class only: numbers stay finite, AUC null and the notes say why', () => {
    const m = binaryMetrics([1, 1, 1], [0.9, 0.2, 0.6], 0.5);
    expect(m.auc).toBeNull();
    expect(m.averagePrecision).toBe(1);
    expect(m.specificity).toBe(0);
    expect(m.recall).toBeCloseTo(2 / 3, 15);
    expect(Number.isFinite(m.logLoss)).toBe(true);
    expect(m.notes.join(' ')).toMatch(/only positives/);
    const n = binaryMetrics([0, 0], [0.9, 0.2], 0.5);
    expect(n.auc).toBeNull();
    expect(n.averagePrecision).toBeNull();
    expect(n.recall).toBe(0);
    expect(n.notes.join(' ')).toMatch(/only negatives/);
  });
  it('log loss clips a confident mistake at machine epsilon, as sklearn 1.2.1 (eps="auto")', () => {
    // sklearn: log_loss([1], [0.0], labels=[0, 1]) = -log(2.220446049250313e-16) = 36.04365338911715
    expect(binaryLogLoss([1], [0])).toBeCloseTo(36.04365338911715, 9);
    expect(binaryLogLoss([0, 1], [0.25, 0.75])).toBeCloseTo(-Math.log(0.75), 15);
  });
});
