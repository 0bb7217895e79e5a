import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { binaryMetrics } from '../metrics';
import { confidentErrors, NUMERIC_BINS, sliceMetrics } from './errorAnalysis';
import { demoConfig, loadDemoCustomers, rowsIn, type DemoCustomers } from './fixtures/demoRun';
import { datasetFromCsv, regressionCsv } from './fixtures/smallData';
import { defaultModelSpec, type ModelSpec } from '../models';
import { DEFAULT_SPLIT, runExperiment, type Experiment } from './run';

describe('error analysis on demo-customers', () => {
  let demo: DemoCustomers;
  let run: Experiment;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    demo = loadDemoCustomers();
    const result = await runExperiment(demo.dataset, demoConfig(demo.setup, 'logistic', 42, { epochs: 3 }));
    if (!result.ok) throw new Error(result.error.message);
    run = result.value;
  }, 60_000);

  it('slices by a categorical column: counts add up and each slice equals the metric on its rows alone', () => {
    const result = sliceMetrics(run, demo.dataset, 'country');
    if (!result.ok) throw new Error(result.message);
    const test = rowsIn(run, 3);
    expect(result.value.slices.reduce((s, x) => s + x.count, 0)).toBe(test.length);
    const country = demo.dataset.columns.find((c) => c.name === 'country')!;
    if (country.storage !== 'dictionary') throw new Error('country should be categorical');
    for (const slice of result.value.slices.filter((s) => s.label !== '(missing)' && s.label !== '(other)')) {
      const rows = test.filter((r) => country.dictionary[country.codes[r]] === slice.label);
      expect(rows.length).toBe(slice.count);
      const m = binaryMetrics(rows.map((r) => run.y[r]), rows.map((r) => run.scores[r]), 0.5);
      expect(slice.metrics.accuracy).toBe(m.accuracy);
      expect(slice.metrics.AUC).toBe(m.auc);
    }
  });

  it('slices and confident errors follow the threshold on screen (the slider), not the run’s 0.5', () => {
    const at = sliceMetrics(run, demo.dataset, 'country', 0.2);
    if (!at.ok) throw new Error(at.message);
    const test = rowsIn(run, 3);
    const all = binaryMetrics(test.map((r) => run.y[r]), test.map((r) => run.scores[r]), 0.2);
    const recall = at.value.slices.reduce((s, x) => s + (x.metrics.recall ?? 0) * x.count, 0);
    expect(all.recall).toBeGreaterThan(binaryMetrics(test.map((r) => run.y[r]), test.map((r) => run.scores[r]), 0.5).recall);
    expect(recall).toBeGreaterThan(0);
    const us = at.value.slices.find((s) => s.label === 'US')!;
    const country = demo.dataset.columns.find((c) => c.name === 'country')!;
    if (country.storage !== 'dictionary') throw new Error('country should be categorical');
    const rows = test.filter((r) => country.dictionary[country.codes[r]] === 'US');
    expect(us.metrics.accuracy).toBe(binaryMetrics(rows.map((r) => run.y[r]), rows.map((r) => run.scores[r]), 0.2).accuracy);
    // A mistake is a mistake at the threshold asked for: every listed row is predicted wrong at 0.2.
    for (const e of confidentErrors(run, demo.dataset, 20, 0.2).errors) expect((run.scores[e.row] >= 0.2 ? 1 : 0) === run.y[e.row]).toBe(false);
  });

  it('bins a numeric column by quantile, with every test row in one bin', () => {
    const result = sliceMetrics(run, demo.dataset, 'sessions');
    if (!result.ok) throw new Error(result.message);
    const bins = result.value.slices.filter((s) => s.label !== '(missing)');
    expect(bins.length).toBeLessThanOrEqual(NUMERIC_BINS);
    expect(bins.length).toBeGreaterThan(1);
    expect(result.value.slices.reduce((s, x) => s + x.count, 0)).toBe(rowsIn(run, 3).length);
  });

  it('labels the bins of a datetime column with dates, not epoch milliseconds', () => {
    const result = sliceMetrics(run, demo.dataset, 'signup_date');
    if (!result.ok) throw new Error(result.message);
    const bins = result.value.slices.filter((s) => s.label !== '(missing)');
    expect(bins.length).toBeGreaterThan(1);
    for (const s of bins) expect(s.label).toMatch(/^\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
  });

  it('names an unknown column instead of failing', () => {
    const result = sliceMetrics(run, demo.dataset, 'nope');
    expect(result.ok).toBe(false);
  });

  it('lists the most confident wrong predictions first, with their original rows', () => {
    const { columns, errors } = confidentErrors(run, demo.dataset, 10);
    expect(columns).toContain('country');
    expect(errors.length).toBe(10);
    // Brute force: the confidence of every wrong test prediction.
    const wrong = rowsIn(run, 3)
      .filter((r) => (run.scores[r] >= 0.5 ? 1 : 0) !== run.y[r])
      .map((r) => (run.scores[r] >= 0.5 ? run.scores[r] : 1 - run.scores[r]))
      .sort((a, b) => b - a);
    expect(errors.map((e) => e.confidence)).toEqual(wrong.slice(0, 10));
    for (const e of errors) {
      expect(e.actual).not.toBe(e.predicted);
      expect(e.cells[columns.indexOf('churned')]).toBe(e.actual);
    }
  });
});

describe('error analysis on a regression run', () => {
  it('shows predictions rounded for reading and the actual value as the file wrote it', async () => {
    await tf.setBackend('cpu');
    const prices = datasetFromCsv(regressionCsv(400, 3));
    const result = await runExperiment(prices, {
      target: 'price',
      task: 'regression',
      positiveClass: null,
      features: ['x1', 'x2', 'city'],
      model: { ...defaultModelSpec('linear', 'regression'), epochs: 5 } as ModelSpec,
      seed: 1,
      split: DEFAULT_SPLIT,
      threshold: 0.5,
    });
    if (!result.ok) throw new Error(result.error.message);
    const { errors } = confidentErrors(result.value, prices, 10);
    expect(errors.length).toBe(10);
    for (const e of errors) {
      // Four significant digits (more only for a long integer part), never float64 noise like 41.93871307373047.
      expect(e.predicted.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length).toBeLessThanOrEqual(Math.max(4, e.predicted.split('.')[0].replace('-', '').length));
      expect(e.actual.length).toBeLessThan(12);
    }
  });
});
