/** Online updates of boosted trees: added rounds start from the current margins and keep the old trees. */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random';
import { gbdtKind } from '.';
import { forestOf } from './fitted';
import type { TrainingData } from '../kind';

function rows(n: number, flip: boolean, seed: number): TrainingData {
  const r = createRandom(seed);
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = r.normal();
    x[2 * i + 1] = r.normal();
    y[i] = (x[2 * i] > 0) !== flip ? 1 : 0;
  }
  return { x, y, rows: n, cols: 2 };
}

describe('gbdt partialFit', () => {
  it('adds rounds on top of the current trees, lowering the loss on a flipped stream', async () => {
    const empty = { x: new Float32Array(0), y: new Float32Array(0), rows: 0, cols: 2 };
    const fit = await gbdtKind.fit({ task: 'binary', classes: 2, train: rows(400, false, 1), val: empty, seed: 1 }, { ...gbdtKind.defaults('binary'), rounds: 10, maxDepth: 3 }, {});
    if (!fit.ok) throw new Error(fit.message);
    const base = forestOf(fit.model)!;
    const shifted = rows(300, true, 2);
    const r = await fit.model.partialFit!(shifted, { seed: 1, rounds: 10 });
    if (!r.ok) throw new Error(r.message);
    const updated = forestOf(r.model)!;
    expect(updated.trees.length).toBe(base.trees.length + 10);
    expect(updated.trees.slice(0, base.trees.length)).toEqual(base.trees);
    expect(updated.baseMargin).toBe(base.baseMargin);
    expect(r.lossAfter).toBeLessThan(0.5 * r.lossBefore);
    // The frozen model is left as it was.
    expect(forestOf(fit.model)!.trees.length).toBe(base.trees.length);
  });
});
