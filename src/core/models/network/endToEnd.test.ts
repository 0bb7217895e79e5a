import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../compute/tf';
import { encodeTarget, fitPipeline, stratifiedSplit, transform } from '../../prep';
import { makeDataset } from '../../prep/testUtils';
import { createRandom } from '../../random';
import { logisticKind } from '../logistic';
import { disposeModel, predict } from './predict';
import { trainModel } from './train';
import { rankAuc } from '../validation';

/** Churn-like rows: tenure (some missing), plan, free-text complaint, churn yes/no. */
function churnDataset(n: number) {
  const r = createRandom(21);
  const tenure: number[] = [];
  const plan: string[] = [];
  const note: string[] = [];
  const churn: string[] = [];
  const risks: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = r.next() * 60;
    const p = ['basic', 'plus', 'pro'][r.int(3)];
    const angry = r.next() < 0.3;
    const risk = -1.5 + (p === 'basic' ? 1 : 0) - t / 30 + (angry ? 2 : 0);
    risks.push(risk);
    tenure.push(r.next() < 0.1 ? NaN : t);
    plan.push(p);
    note.push(angry ? 'slow support, cancel soon' : 'all good thanks');
    churn.push(r.next() < 1 / (1 + Math.exp(-risk)) ? 'yes' : 'no');
  }
  return { ds: makeDataset({ tenure, plan, note: { kind: 'text', values: note }, churn }), risks };
}

describe('dataset to predictions', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('encodes, splits, fits the pipeline on train, trains logistic and ranks test rows well', async () => {
    const { ds, risks } = churnDataset(1200);
    const target = encodeTarget(ds, { column: 'churn', task: 'binary', positiveClass: 'yes' });
    if (!target.ok) throw new Error(target.error.message);
    const { y, rowsWithTarget } = target.value;
    const split = stratifiedSplit(y, rowsWithTarget, { train: 0.7, val: 0.15, test: 0.15 }, 1, true);
    const pipe = fitPipeline(ds, { features: ['tenure', 'plan', 'note'], textHashBuckets: 32 }, split.train);
    const part = (rows: Int32Array) => {
      const m = transform(pipe, ds.columns, rows);
      return { x: m.matrix, y: Float32Array.from(rows, (r) => y[r]), rows: m.rows, cols: m.cols };
    };
    const [train, val, test] = [part(split.train), part(split.val), part(split.test)];
    const r = await trainModel(logisticKind.defaults('binary'), 'binary', 2, train, val, { seed: 2 });
    if (!r.ok) throw new Error(r.message);
    // The true risk is the best any model can rank by; missing tenure and label noise cap it.
    const oracle = rankAuc(Array.from(split.test, (row) => risks[row]), test.y);
    const auc = rankAuc(predict(r.model, test.x, test.rows), test.y);
    expect(auc).toBeGreaterThan(oracle - 0.03);
    disposeModel(r.model);
  });
});
