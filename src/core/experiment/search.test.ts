import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { candidatesOf, gridOf, searchModels, searchProblem } from './search';
import { crossValidate, runFoldHere } from './crossValidate';
import { demoConfig, loadDemoCustomers, type DemoCustomers } from './fixtures/demoRun';
import { defaultModelSpec } from '../models';

describe('search candidates', () => {
  const space = { learningRate: [0.1, 0.01], hidden: [[8], [16, 8]], activation: ['relu'] };
  it('grid: every combination once', () => {
    const grid = gridOf(space);
    expect(grid).toHaveLength(4);
    expect(new Set(grid.map((g) => JSON.stringify(g))).size).toBe(4);
  });
  it('random: seeded draws from the grid without repeats', () => {
    const a = candidatesOf({ mode: 'random', space, samples: 3, k: 2 }, 1);
    expect(a).toHaveLength(3);
    expect(new Set(a.map((g) => JSON.stringify(g))).size).toBe(3);
    expect(candidatesOf({ mode: 'random', space, samples: 3, k: 2 }, 1)).toEqual(a);
  });
  it('names a setting the model does not have', () => {
    expect(searchProblem({ mode: 'grid', space: { hidden: [[4]] }, samples: 1, k: 2 }, defaultModelSpec('logistic', 'binary'), 1)).toMatch(/hidden/);
  });
});

describe('searchModels on demo-customers', () => {
  let demo: DemoCustomers;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    demo = loadDemoCustomers();
  });

  it('scores each candidate by the same CV as crossValidate, streaming progress, and cancels', async () => {
    const config = demoConfig(demo.setup, 'logistic', 42, { epochs: 1 });
    const seen: number[] = [];
    const result = await searchModels(demo.dataset, config, { mode: 'grid', space: { l2: [1, 10] }, samples: 0, k: 2 }, { onProgress: (p) => p.finished && seen.push(p.done) });
    if (!result.ok) throw new Error(result.error.message);
    expect(seen).toEqual([1, 2]);
    const direct = await crossValidate(demo.dataset, { ...config, model: { ...config.model, l2: 10 } }, 2);
    if (!direct.ok) throw new Error(direct.error.message);
    expect(result.value[1].cv.metrics).toEqual(direct.value.metrics);

    const signal = { aborted: false };
    const cancelled = await searchModels(demo.dataset, config, { mode: 'grid', space: { l2: [1, 10, 100] }, samples: 0, k: 2 }, {
      signal,
      onProgress: (p) => {
        if (p.finished) signal.aborted = true;
      },
    });
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) {
      expect(cancelled.error.reason).toBe('cancelled');
      expect(cancelled.partial).toHaveLength(1);
    }
  }, 120_000);

  it('a fold runner (as the worker pool uses) gives the same results as running folds one by one', async () => {
    const config = demoConfig(demo.setup, 'logistic', 42, { epochs: 1 });
    const spec = { mode: 'grid' as const, space: { l2: [1, 10] }, samples: 0, k: 2 };
    const one = await searchModels(demo.dataset, config, spec);
    let calls = 0;
    const pooled = await searchModels(demo.dataset, config, spec, { runFold: (c, split) => (calls++, runFoldHere(demo.dataset, c, split)) });
    if (!one.ok || !pooled.ok) throw new Error('searches should finish');
    expect(calls).toBe(4);
    expect(pooled.value.map((c) => c.cv.metrics)).toEqual(one.value.map((c) => c.cv.metrics));
  }, 120_000);
});
