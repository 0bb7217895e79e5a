import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../compute/tf';
import { logisticKind } from '../logistic';
import fixture from './fixtures/logistic.json';
import { disposeModel, linearWeights, predict } from './predict';
import { trainModel } from './train';
import { rankAuc } from '../validation';

// fixtures/logistic.json comes from fixtures/make_logistic.py (scikit-learn 1.2.1).
const train = {
  x: Float32Array.from(fixture.xTrain),
  y: Float32Array.from(fixture.yTrain),
  rows: fixture.rows.train,
  cols: fixture.cols,
};
const test = { x: Float32Array.from(fixture.xTest), y: Float32Array.from(fixture.yTest), rows: fixture.rows.test, cols: fixture.cols };

describe('logistic regression against scikit-learn', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const reference of fixture.fits) {
    it(`matches LogisticRegression(C=${reference.C}) within 0.01 test AUC with l2 = 1/C`, async () => {
      const spec = { ...logisticKind.defaults('binary'), l2: 1 / reference.C };
      const outcome = await trainModel(spec, 'binary', 2, train, test, { seed: 1 });
      if (!outcome.ok) throw new Error(outcome.message);
      const p = predict(outcome.model, test.x, test.rows);
      const auc = rankAuc(p, test.y);
      expect(Math.abs(auc - reference.testAuc)).toBeLessThan(0.01);
      // The penalty derivation shows in the coefficients, not only the ranking.
      const w = linearWeights(outcome.model)!;
      reference.coef.forEach((c, j) => expect(Math.abs(w.weights[j] - c)).toBeLessThan(0.05));
      expect(Math.abs(w.bias[0] - reference.intercept)).toBeLessThan(0.05);
      disposeModel(outcome.model);
    });
  }
});
