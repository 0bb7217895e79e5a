import { afterAll, describe, expect, it } from 'vitest';
import { switchBackend } from '../../compute/backends';
import { tf } from '../../compute/tf';
import { mlpKind } from '../mlp';
import { disposeModel, predict } from './predict';
import { blobs } from '../testData';
import { trainModel } from './train';
import type { MlpSpec } from './types';

// One training run per backend with the same seed: cpu is the reference. Skipped here:
// webgpu and webgl (no adapter or DOM in Node; the e2e suite covers them in Chromium).
const BACKENDS = ['cpu', 'wasm'] as const;
/** float32 kernels differ in summation order between backends; 1e-3 on probabilities. */
const TOLERANCE = 1e-3;

describe('models give the same results on every backend', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it(`MLP with dropout: predictions within ${TOLERANCE} of cpu`, async () => {
    const train = blobs(200, 4, 3, 1);
    const spec: MlpSpec = { ...(mlpKind.defaults('multiclass') as MlpSpec), hidden: [8, 4], dropout: 0.1, epochs: 3, earlyStoppingPatience: 0 };
    const results: Float64Array[] = [];
    for (const backend of BACKENDS) {
      const switched = await switchBackend(backend);
      if (!switched.ok) throw new Error(`${backend}: ${switched.message}`);
      const r = await trainModel(spec, 'multiclass', 3, train, train, { seed: 7 });
      if (!r.ok) throw new Error(r.message);
      results.push(predict(r.model, train.x, train.rows));
      disposeModel(r.model);
    }
    const [reference, ...others] = results;
    for (const other of others) {
      let worst = 0;
      other.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - reference[i]))));
      expect(worst).toBeLessThan(TOLERANCE);
    }
  });

  it('wasm: the same seed gives the same model twice (batches cut on the host, flat weights)', async () => {
    const switched = await switchBackend('wasm');
    if (!switched.ok) throw new Error(switched.message);
    const train = blobs(300, 5, 2, 2);
    const spec: MlpSpec = { ...(mlpKind.defaults('binary') as MlpSpec), hidden: [16, 8], dropout: 0.1, batchSize: 64, epochs: 3, earlyStoppingPatience: 0 };
    const runs: Float64Array[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await trainModel(spec, 'binary', 2, train, train, { seed: 11 });
      if (!r.ok) throw new Error(r.message);
      runs.push(predict(r.model, train.x, train.rows));
      disposeModel(r.model);
    }
    expect(Array.from(runs[1])).toEqual(Array.from(runs[0]));
  });
});
