import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import type { BinaryMetrics } from '../metrics';
import { demoConfig, loadDemoCustomers, splitHash, type DemoCustomers } from './fixtures/demoRun';
// From make_sklearn_reference.py (scikit-learn 1.2.1) on the matrices export-demo-design.mjs dumps.
import reference from './fixtures/sklearn-demo-customers.json';
import { runExperiment, type Experiment } from './run';

/**
 * The studio's defaults on demo-customers, seed 42, cpu backend. Measured here (cpu):
 * logistic 0.8015, MLP (64, 32) 0.8148 test AUC: a gap of 0.013. The gap is seed-sensitive
 * (the test split has ~110 positives), so it is pinned on this seed with room to spare.
 */
const SEED = 42;
const MIN_MLP_GAIN = 0.005;

describe('model quality on demo-customers (studio defaults, seed 42)', () => {
  let demo: DemoCustomers;
  let logistic: Experiment;

  const auc = (run: Experiment) => (run.evaluation.metrics as BinaryMetrics).auc!;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    demo = loadDemoCustomers();
    const result = await runExperiment(demo.dataset, demoConfig(demo.setup, 'logistic', SEED));
    if (!result.ok) throw new Error(result.error.message);
    logistic = result.value;
  }, 120_000);

  it('the fixture was made on this very split and pipeline', () => {
    // When demo data, split or pipeline change, regenerate the fixture (see make_sklearn_reference.py).
    expect(splitHash(logistic), 'split changed: regenerate fixtures/sklearn-demo-customers.json').toBe(reference.splitHash);
    expect(logistic.pipeline && logistic.model.inputCols).toBe(reference.cols);
    expect(logistic.config.features).toEqual(reference.features);
    expect(logistic.classes[1]).toBe(reference.positiveClass);
  });

  it(`logistic (l2 = 1) is within 0.01 test AUC of scikit-learn LogisticRegression(C=1) on our split (${reference.testAuc.toFixed(4)})`, () => {
    expect(Math.abs(auc(logistic) - reference.testAuc)).toBeLessThan(0.01);
  });

  it(`the MLP (64, 32) beats logistic by at least ${MIN_MLP_GAIN} test AUC`, async () => {
    const result = await runExperiment(demo.dataset, demoConfig(demo.setup, 'mlp', SEED));
    if (!result.ok) throw new Error(result.error.message);
    expect(splitHash(result.value)).toBe(splitHash(logistic)); // same split: the model is the only difference
    expect(auc(result.value) - auc(logistic)).toBeGreaterThan(MIN_MLP_GAIN);
  }, 180_000);
});
