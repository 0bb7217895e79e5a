import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import type { BinaryMetrics } from '../metrics';
import { crossValidate, foldsCsv, stratifiedFolds, trainingRows, type CvResult, type FoldAssignment } from './crossValidate';
import { demoConfig, loadDemoCustomers, type DemoCustomers } from './fixtures/demoRun';
import { runExperiment, type ExperimentConfig } from './run';

describe('stratified k-fold cross-validation on demo-customers', () => {
  let demo: DemoCustomers;
  let config: ExperimentConfig;
  let cv: CvResult;
  let folds: FoldAssignment;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    demo = loadDemoCustomers();
    config = demoConfig(demo.setup, 'logistic', 42, { epochs: 2 });
    const result = await crossValidate(demo.dataset, config, 3);
    if (!result.ok) throw new Error(result.error.message);
    cv = result.value;
    folds = result.folds;
  }, 120_000);

  it('deals each class evenly over the folds, seeded', () => {
    const base = trainingRows(demo.dataset, config);
    if (!base.ok) throw new Error(base.message);
    expect(Array.from(folds.rows)).toEqual(Array.from(base.rows));
    const sizes = [0, 0, 0];
    const positives = [0, 0, 0];
    folds.rows.forEach((r, i) => {
      sizes[folds.fold[i]]++;
      positives[folds.fold[i]] += base.y[r];
    });
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(Math.max(...positives) - Math.min(...positives)).toBeLessThanOrEqual(1);
    const again = stratifiedFolds(base.rows, base.y, 3, 42, true);
    expect(Array.from(again.fold)).toEqual(Array.from(folds.fold));
    const other = stratifiedFolds(base.rows, base.y, 3, 7, true);
    expect(Array.from(other.fold)).not.toEqual(Array.from(folds.fold));
  });

  it('fold metrics equal training on each fold’s split separately (split rebuilt from the exported CSV)', async () => {
    const lines = foldsCsv(folds).trim().split('\n');
    expect(lines[0]).toBe('row_index,fold');
    const parsed = lines.slice(1).map((l) => l.split(',').map(Number));
    for (let f = 0; f < 3; f++) {
      const split = {
        train: Int32Array.from(parsed.filter(([, g]) => g !== f).map(([r]) => r)),
        val: new Int32Array(0),
        test: Int32Array.from(parsed.filter(([, g]) => g === f).map(([r]) => r)),
      };
      const alone = await runExperiment(demo.dataset, config, { split });
      if (!alone.ok) throw new Error(alone.error.message);
      const m = alone.value.evaluation.metrics as BinaryMetrics;
      expect(cv.metrics.find((x) => x.name === 'ROC AUC')!.perFold[f]).toBe(m.auc);
      expect(cv.metrics.find((x) => x.name === 'Log loss')!.perFold[f]).toBe(m.logLoss);
      expect(cv.metrics.find((x) => x.name === 'F1')!.perFold[f]).toBe(m.f1);
      expect(cv.foldSizes[f].heldOut).toBe(split.test.length);
    }
  }, 120_000);

  it('summarises each metric as mean and population std over folds', () => {
    const auc = cv.metrics.find((x) => x.name === 'ROC AUC')!;
    const v = auc.perFold as number[];
    const mean = (v[0] + v[1] + v[2]) / 3;
    expect(auc.mean).toBeCloseTo(mean, 12);
    expect(auc.std).toBeCloseTo(Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / 3), 12);
    expect(auc.mean!).toBeGreaterThan(0.6);
  });

  it('rejects an impossible number of folds with a message', async () => {
    const result = await crossValidate(demo.dataset, config, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/folds/);
  });
});
