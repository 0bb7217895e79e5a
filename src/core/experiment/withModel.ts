/**
 * A run's experiment with another model in it (an online update of its model): the same
 * pipeline, split and targets; every row re-scored and the test split re-evaluated, so the new
 * version's metrics compare with its parent's on the same rows.
 */
import type { Dataset } from '../frame/types';
import type { FittedModel } from '../models/kind';
import { transform } from '../prep/transform';
import type { ThresholdTable } from '../metrics';
import { evaluateBinary, evaluateMulticlass, evaluateRegression, type Evaluation } from './evaluation';
import type { Experiment } from './run';

export async function experimentWithModel(run: Experiment, dataset: Dataset, model: FittedModel): Promise<Experiment> {
  const t0 = performance.now();
  const design = transform(run.pipeline, dataset.columns, null);
  const scores = await model.predict(design.matrix, design.rows);
  const test: number[] = [];
  run.splitOf.forEach((s, r) => s === 3 && test.push(r));
  const k = run.config.task === 'regression' ? 1 : run.classes.length;
  let evaluation: Evaluation;
  let thresholdTable: ThresholdTable | null = null;
  if (run.config.task === 'binary') {
    const result = evaluateBinary(Float64Array.from(test, (r) => run.y[r]), Float64Array.from(test, (r) => scores[r]), run.config.threshold);
    evaluation = result.evaluation;
    thresholdTable = result.table;
  } else if (run.config.task === 'multiclass') {
    const probs = new Float64Array(test.length * k);
    test.forEach((r, i) => probs.set(scores.subarray(r * k, (r + 1) * k), i * k));
    evaluation = evaluateMulticlass(Int32Array.from(test, (r) => run.y[r]), probs, run.classes);
  } else {
    evaluation = evaluateRegression(Float64Array.from(test, (r) => run.y[r]), Float64Array.from(test, (r) => scores[r]));
  }
  return { ...run, model, scores, evaluation, thresholdTable, history: [], timings: { prepareMs: 0, trainMs: 0, evaluateMs: performance.now() - t0 } };
}
