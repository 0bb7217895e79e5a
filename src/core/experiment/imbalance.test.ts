import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import type { BinaryMetrics } from '../metrics';
import type { ImbalanceSpec } from '../prep';
import { demoConfig, loadDemoCustomers, rowsIn, type DemoCustomers } from './fixtures/demoRun';
import { runExperiment, type Experiment } from './run';

const EPOCHS = 5;

describe('imbalance handling on demo-customers (about 15% positive)', () => {
  let demo: DemoCustomers;
  const runs: Partial<Record<ImbalanceSpec['method'], Experiment>> = {};
  const run = async (method: ImbalanceSpec['method']) => {
    const result = await runExperiment(demo.dataset, { ...demoConfig(demo.setup, 'logistic', 42, { epochs: EPOCHS }), imbalance: { method } });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  beforeAll(async () => {
    await tf.setBackend('cpu');
    demo = loadDemoCustomers();
    for (const m of ['none', 'balanced-weights', 'oversample', 'undersample', 'smote'] as const) runs[m] = await run(m);
  }, 240_000);

  it('balanced class weights raise the positive recall at threshold 0.5', () => {
    const none = runs.none!.evaluation.metrics as BinaryMetrics;
    const balanced = runs['balanced-weights']!.evaluation.metrics as BinaryMetrics;
    expect(balanced.recall).toBeGreaterThan(none.recall + 0.2);
  });

  it('never touches validation or test rows: same split, same test rows evaluated', () => {
    const testRows = rowsIn(runs.none!, 3);
    for (const m of ['balanced-weights', 'oversample', 'undersample', 'smote'] as const) {
      const r = runs[m]!;
      expect(Array.from(r.splitOf)).toEqual(Array.from(runs.none!.splitOf));
      const c = (r.evaluation.metrics as BinaryMetrics).confusion;
      expect(c.tp + c.fp + c.tn + c.fn).toBe(testRows.length);
    }
  });

  it('changes the training set size as each method should', () => {
    const trainRows = rowsIn(runs.none!, 1).length;
    const positives = rowsIn(runs.none!, 1).filter((r) => runs.none!.y[r] === 1).length;
    const negatives = trainRows - positives;
    expect(runs.none!.trainRows).toBe(trainRows);
    expect(runs['balanced-weights']!.trainRows).toBe(trainRows);
    expect(runs.oversample!.trainRows).toBe(2 * negatives);
    expect(runs.undersample!.trainRows).toBe(2 * positives);
    expect(runs.smote!.trainRows).toBe(2 * negatives);
    expect(runs.smote!.syntheticRows).toBe(negatives - positives);
  });

  it('refuses resampling for a regression target with a message', async () => {
    const base = demoConfig(demo.setup, 'logistic', 42, { epochs: 1 });
    const features = base.features.filter((f) => f !== 'spend');
    const result = await runExperiment(demo.dataset, { ...base, features, model: { ...base.model, kind: 'linear' }, task: 'regression', target: 'spend', positiveClass: null, imbalance: { method: 'smote' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/regression/);
  });
});

describe('augmentation on demo-customers', () => {
  it('adds one perturbed copy per training row, fits the pipeline on real rows only, leaves the test split alone', async () => {
    await tf.setBackend('cpu');
    const demo = loadDemoCustomers();
    const base = demoConfig(demo.setup, 'logistic', 42, { epochs: 1 });
    const plain = await runExperiment(demo.dataset, base);
    const augmented = await runExperiment(demo.dataset, { ...base, augment: { noise: 0.3, wordDelete: 0.2, wordSwap: 0.1 } });
    if (!plain.ok || !augmented.ok) throw new Error('runs should train');
    expect(augmented.value.trainRows).toBe(2 * plain.value.trainRows);
    expect(JSON.stringify(augmented.value.pipeline)).toBe(JSON.stringify(plain.value.pipeline));
    expect(Array.from(augmented.value.splitOf)).toEqual(Array.from(plain.value.splitOf));
    const c = (augmented.value.evaluation.metrics as BinaryMetrics).confusion;
    expect(c.tp + c.fp + c.tn + c.fn).toBe(rowsIn(plain.value, 3).length);
    expect(Array.from(augmented.value.scores)).not.toEqual(Array.from(plain.value.scores));
  }, 60_000);
});
