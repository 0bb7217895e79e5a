import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { binaryMetrics, type BinaryMetrics } from '../metrics';
import { predictionsCsv, REPORT_FORMAT, runReport } from './exports';
import { demoConfig, designRows, loadDemoCustomers, rowsIn, type DemoCustomers } from './fixtures/demoRun';
import { runExperiment, type Experiment, type ExperimentConfig } from './run';

// Few epochs: these tests pin reproducibility and the export formats, not model quality
// (quality.test.ts does that), and keep the file fast on a shared 2-core machine.
const EPOCHS = 3;

async function mustRun(demo: DemoCustomers, config: ExperimentConfig): Promise<Experiment> {
  const result = await runExperiment(demo.dataset, config);
  if (!result.ok) throw new Error(`${result.error.reason}: ${result.error.message}`);
  return result.value;
}

/** Minimal RFC 4180 line split: the demo's labels have no quotes, but the check should not assume it. */
function fields(line: string): string[] {
  return line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((f) => f.replace(/,$/, ''));
}

describe('runExperiment on demo-customers', () => {
  let demo: DemoCustomers;
  let first: Experiment;
  let second: Experiment;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    demo = loadDemoCustomers();
    first = await mustRun(demo, demoConfig(demo.setup, 'logistic', 42, { epochs: EPOCHS }));
    second = await mustRun(demo, demoConfig(demo.setup, 'logistic', 42, { epochs: EPOCHS }));
  }, 120_000);

  it('defaults to the minority class as positive', () => {
    const counts = demo.setup.classes;
    expect(counts).toHaveLength(2);
    const minority = counts.reduce((a, b) => (b.count < a.count ? b : a)).label;
    expect(demo.setup.positiveClass).toBe(minority);
    expect(first.classes[1]).toBe(minority);
  });

  it('same seed: identical split, scores and test metrics', () => {
    expect(Array.from(second.splitOf)).toEqual(Array.from(first.splitOf));
    expect(Array.from(second.scores)).toEqual(Array.from(first.scores));
    const { confusion: c1, ...m1 } = first.evaluation.metrics as BinaryMetrics;
    const { confusion: c2, ...m2 } = second.evaluation.metrics as BinaryMetrics;
    expect(m2).toEqual(m1);
    expect(c2).toEqual(c1);
  });

  it('another seed: another split', async () => {
    const other = await mustRun(demo, demoConfig(demo.setup, 'logistic', 7, { epochs: 1 }));
    let moved = 0;
    other.splitOf.forEach((s, r) => (moved += s !== first.splitOf[r] ? 1 : 0));
    expect(moved).toBeGreaterThan(first.splitOf.length * 0.2);
  });

  it('splits 70/15/15, stratified, every labelled row once', () => {
    const n = demo.dataset.rowCount;
    const [train, val, test] = [1, 2, 3].map((c) => rowsIn(first, c as 1 | 2 | 3));
    expect(train.length + val.length + test.length).toBe(n); // churned has no missing values
    expect(train.length / n).toBeCloseTo(0.7, 2);
    expect(test.length / n).toBeCloseTo(0.15, 2);
    const rate = (rows: number[]) => rows.reduce((s, r) => s + first.y[r], 0) / rows.length;
    expect(Math.abs(rate(test) - rate(train))).toBeLessThan(0.01);
  });

  it('score is P(positive): sigmoid of the logistic model on the design row', () => {
    const rows = rowsIn(first, 3).slice(0, 50);
    const { x } = designRows(first, demo.dataset, rows);
    const z = first.model.margin!(x, rows.length);
    rows.forEach((r, i) => expect(first.scores[r]).toBeCloseTo(1 / (1 + Math.exp(-z[i])), 5));
    // And it ranks the positive class up, even after a few epochs.
    expect((first.evaluation.metrics as BinaryMetrics).auc).toBeGreaterThan(0.7);
  });

  it('predictions CSV: header, one line per file row in order, splits, labels, y_pred at the threshold', () => {
    const lines = predictionsCsv(first).split('\n');
    expect(lines.at(-1)).toBe(''); // ends with a newline
    lines.pop();
    expect(lines[0]).toBe('row_index,split,y_true,y_pred,score,threshold');
    const body = lines.slice(1).map(fields);
    expect(body.length).toBe(demo.dataset.rowCount);
    const names = ['none', 'train', 'val', 'test'];
    body.forEach((f, r) => {
      expect(f.length).toBe(6);
      expect(f[5]).toBe('0.5');
      expect(f[0]).toBe(String(r));
      expect(f[1]).toBe(names[first.splitOf[r]]);
      expect(f[2]).toBe(first.classes[first.y[r]]);
      const score = Number(f[4]);
      expect(score).toBe(first.scores[r]); // full float64 precision, no rounding
      expect(f[3]).toBe(score >= 0.5 ? first.classes[1] : first.classes[0]);
    });
    expect(new Set(body.map((f) => f[1]))).toEqual(new Set(['train', 'val', 'test']));
  });

  it('exports at the threshold on screen: y_pred, the threshold column, report metrics and confusion at 0.2', () => {
    const body = predictionsCsv(first, 0.2).trimEnd().split('\n').slice(1).map(fields);
    let predictedPositive = 0;
    body.forEach((f, r) => {
      expect(f[5]).toBe('0.2');
      expect(f[3]).toBe(first.scores[r] >= 0.2 ? first.classes[1] : first.classes[0]);
      if (first.splitOf[r] === 3 && f[3] === first.classes[1]) predictedPositive++;
    });
    const report = JSON.parse(JSON.stringify(runReport(first, { runId: 'run1', dataset: 'd', backend: 'cpu', createdAt: '' }, 0.2)));
    const test = rowsIn(first, 3);
    const exact = binaryMetrics(test.map((r) => first.y[r]), test.map((r) => first.scores[r]), 0.2);
    expect(report.threshold).toBe(0.2);
    expect(report.metrics.threshold).toBe(0.2);
    expect(report.confusionMatrix).toMatchObject({ threshold: 0.2, ...exact.confusion });
    expect(report.confusionMatrix.tp + report.confusionMatrix.fp).toBe(predictedPositive);
    expect(report.metrics.recall).toBe(exact.recall);
    expect(report.config.threshold).toBe(0.5); // what it was trained with stays as it was
    // Different from 0.5, or the test proves nothing.
    expect(exact.confusion.tp + exact.confusion.fp).not.toBe((first.evaluation.metrics as BinaryMetrics).confusion.tp + (first.evaluation.metrics as BinaryMetrics).confusion.fp);
  });

  it('report JSON: format, config, positive class, test metrics, curves, confusion, timings', () => {
    const report = JSON.parse(JSON.stringify(runReport(first, { runId: 'run1', dataset: 'demo-customers.csv', backend: 'cpu', createdAt: '2026-01-01T00:00:00.000Z' })));
    expect(report.format).toBe(REPORT_FORMAT);
    expect(report).toMatchObject({ runId: 'run1', dataset: 'demo-customers.csv', backend: 'cpu', positiveClass: demo.setup.positiveClass, classes: first.classes });
    expect(report.config).toEqual(first.config);
    const metrics = first.evaluation.metrics as BinaryMetrics;
    expect(report.rows).toEqual({ train: rowsIn(first, 1).length, val: rowsIn(first, 2).length, test: rowsIn(first, 3).length, unlabeled: 0 });
    expect(report.metrics.split).toBe('test');
    for (const key of ['auc', 'averagePrecision', 'accuracy', 'f1', 'logLoss', 'precision', 'recall'] as const) expect(report.metrics[key]).toBe(metrics[key]);
    expect(report.metrics.confusion).toBeUndefined(); // it lives under confusionMatrix
    const { tp, fp, tn, fn } = report.confusionMatrix;
    expect(report.confusionMatrix.labels).toEqual(first.classes);
    expect(report.confusionMatrix.threshold).toBe(0.5);
    expect(tp + fp + tn + fn).toBe(report.rows.test);
    expect(tp + fn).toBe(metrics.positives);
    for (const curve of [report.curves.roc, report.curves.pr]) {
      expect(curve.x.length).toBe(curve.y.length);
      expect(curve.x.length).toBeGreaterThan(10);
    }
    expect(report.curves.roc.x[0]).toBe(0);
    expect(report.curves.roc.x.at(-1)).toBe(1);
    expect(report.history).toHaveLength(EPOCHS);
    expect(report.timings.trainMs).toBeGreaterThan(0);
    expect(report.timings.samplesPerSecond).toBeGreaterThan(0);
  });

  it('positive class override: scores become P(majority class)', async () => {
    const [negative, positive] = first.classes;
    const config = { ...demoConfig(demo.setup, 'logistic', 42, { epochs: 1 }), positiveClass: negative };
    const flipped = await mustRun(demo, config);
    expect(flipped.classes).toEqual([positive, negative]);
    expect(predictionsCsv(flipped).split('\n')[1]).toMatch(new RegExp(`^0,(train|val|test),(${negative}|${positive}),(${negative}|${positive}),[0-9.e-]+,0\\.5$`));
    // The score now ranks the former negative class up. (The split itself may differ: stratifiedSplit draws per
    // encoded class, and flipping the positive class swaps the codes.)
    expect((flipped.evaluation.metrics as BinaryMetrics).auc).toBeGreaterThan(0.6);
    expect(runReport(flipped, { runId: 'r', dataset: 'd', backend: 'cpu', createdAt: '' }).positiveClass).toBe(negative);
  });
});
