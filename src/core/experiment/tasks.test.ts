import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import type { MulticlassMetrics, RegressionMetrics } from '../metrics';
import { defaultModelSpec, type ModelKind, type ModelSpec } from '../models';
import { float32Text, predictionsCsv, runReport } from './exports';
import { datasetFromCsv, regressionCsv, threeClassCsv } from './fixtures/smallData';
import { DEFAULT_SPLIT, runExperiment, type Experiment } from './run';
import { setupTask } from './setup';

async function run(csv: string, target: string, kind: ModelKind, model: Partial<ModelSpec> = {}): Promise<Experiment> {
  const ds = datasetFromCsv(csv);
  const setup = setupTask(ds, target);
  if (!setup.ok) throw new Error(setup.error.message);
  const s = setup.value;
  const result = await runExperiment(ds, {
    target,
    task: s.task,
    positiveClass: s.positiveClass,
    features: s.features.filter((f) => f.include).map((f) => f.name),
    model: { ...defaultModelSpec(kind, s.task), ...model } as ModelSpec,
    seed: 5,
    split: DEFAULT_SPLIT,
    threshold: 0.5,
  });
  if (!result.ok) throw new Error(`${result.error.reason}: ${result.error.message}`);
  return result.value;
}

const meta = { runId: 'r', dataset: 'test.csv', backend: 'cpu', createdAt: '' };

describe('multiclass and regression through runExperiment', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  // Bayes accuracy with these centres (unit-variance blobs 4 apart, plus the shade hint) is about 0.97.
  for (const kind of ['logistic', 'mlp'] as const) {
    it(`three classes, ${kind}: task inferred, accuracy and macro AUC near the Bayes rate`, async () => {
      const r = await run(threeClassCsv(900, 11), 'label', kind, { epochs: 20 });
      expect(r.config.task).toBe('multiclass');
      expect(r.classes.slice().sort()).toEqual(['a', 'b', 'c']);
      const m = r.evaluation.metrics as MulticlassMetrics;
      expect(m.accuracy).toBeGreaterThan(0.9);
      expect(m.macroAucOvr!).toBeGreaterThan(0.97);
      expect(m.macroF1).toBeGreaterThan(0.9);
      // Probabilities per row sum to 1.
      for (let row = 0; row < 20; row++) {
        const p = r.scores.subarray(row * 3, row * 3 + 3);
        expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 5);
      }
      const lines = predictionsCsv(r).trimEnd().split('\n');
      expect(lines[0]).toBe(`row_index,split,y_true,y_pred,${r.classes.map((c) => `p_${c}`).join(',')}`);
      expect(lines).toHaveLength(901);
      const report = runReport(r, meta);
      expect(report.positiveClass).toBeNull();
      expect(report.confusionMatrix).toMatchObject({ labels: r.classes, rows: 'true', columns: 'predicted' });
    });
  }

  for (const kind of ['linear', 'mlp'] as const) {
    it(`regression, ${kind}: RMSE near the noise (2), R2 above 0.95`, async () => {
      const r = await run(regressionCsv(800, 13), 'price', kind, { epochs: 40 });
      expect(r.config.task).toBe('regression');
      const m = r.evaluation.metrics as RegressionMetrics;
      // Var(price) = 144 + 49 + 6.25 + 4 = 203: R2 of a perfect model is 1 - 4/203 = 0.98.
      expect(m.rmse).toBeLessThan(kind === 'linear' ? 2.4 : 3);
      expect(m.mae).toBeLessThan(m.rmse);
      expect(m.r2).toBeGreaterThan(0.95);
      const lines = predictionsCsv(r).trimEnd().split('\n');
      expect(lines[0]).toBe('row_index,split,y_true,y_pred');
      expect(lines).toHaveLength(801);
      const [index, split, yTrue, yPred] = lines[1].split(',');
      expect(index).toBe('0');
      expect(['train', 'val', 'test']).toContain(split);
      // y_true is the file's text, not float32 noise (42.123, not 42.12300109863281).
      expect(yTrue).toBe(String(Number(regressionCsv(800, 13).split('\n')[1].split(',')[3])));
      expect(Number.isFinite(Number(yPred))).toBe(true);
      expect(runReport(r, meta).confusionMatrix).toBeNull();
    });
  }
});

describe('float32Text', () => {
  it('prints the shortest decimal of the same float32', () => {
    for (const text of ['42.123', '0.1', '-7.25', '1e-7', '123456', '0']) {
      expect(float32Text(Math.fround(Number(text)))).toBe(String(Number(text)));
    }
    expect(float32Text(Math.fround(1234567.89))).toBe('1234567.9'); // beyond float32: the nearest float32's text
    // Always the same float32 back, at most 9 significant digits.
    for (let i = 1; i < 2000; i++) {
      const v = Math.fround(Math.sin(i) * 10 ** ((i % 40) - 20));
      const text = float32Text(v);
      expect(Math.fround(Number(text))).toBe(v);
      expect(text.replace(/^-|e.*$|\./g, '').replace(/^0+|0+$/g, '').length).toBeLessThanOrEqual(9);
    }
  });
});
