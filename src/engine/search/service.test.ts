import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../core/compute/tf';
import { searchModels, type SearchSpec } from '../../core/experiment/search';
import { demoConfig, loadDemoCustomers, type DemoCustomers } from '../../core/experiment/fixtures/demoRun';
import type { Dataset } from '../../core/frame/types';
import { ChannelWorker } from '../channelWorker.testing';
import { createFoldService, type FoldApi } from '../folds';
import { createJobRunner } from '../jobs';
import type { SearchProgress } from './api';
import { createSearchService, type SearchService } from './service';

/**
 * Stands in for the fold worker: a fold service exposed on one end of a MessageChannel, reached
 * through comlink as the pool reaches a Worker, so arguments are structured-cloned and the
 * dataset's buffers really are transferred. Counts the datasets each helper was sent.
 */
class FakeFoldWorker extends ChannelWorker {
  static started: FakeFoldWorker[] = [];
  datasetsSent = 0;

  constructor() {
    const service = createFoldService({ ownsBackend: true });
    const counted: FoldApi = {
      putDataset: (key, ds) => (this.datasetsSent++, service.putDataset(key, ds)),
      runFold: (job, signal) => service.runFold(job, signal),
    };
    super(counted);
    FakeFoldWorker.started.push(this);
  }
}

afterEach(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
  FakeFoldWorker.started.length = 0;
});

describe('search service', () => {
  let demo: DemoCustomers;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    demo = loadDemoCustomers();
  });

  const spec: SearchSpec = { mode: 'grid', space: { l2: [1, 10, 100] }, samples: 0, k: 3 };
  const config = () => demoConfig(demo.setup, 'logistic', 42, { epochs: 1 });
  const metricsOf = (value: { cv: { metrics: unknown } }[]) => value.map((c) => c.cv.metrics);
  // Each search is one job of the engine's runner, as in the engine; cancel goes through it too.
  const jobs = createJobRunner();
  const run = (service: SearchService, s: SearchSpec, onProgress: (p: SearchProgress) => void = () => undefined, jobId = 'search') =>
    jobs.run(jobId, onProgress, (job) => service.search('demo', config(), s, job));

  it('in-process (no workers here): the pool runs fits one at a time, streams each finished fit, and equals the one-by-one search', async () => {
    const oneByOne = await searchModels(demo.dataset, config(), spec);
    const service = createSearchService(() => demo.dataset, { wasmPath: () => undefined, foldWorkers: () => 2 });
    const seen: SearchProgress[] = [];
    const pooled = await run(service, spec, (p) => seen.push(p));
    const inEngine = await run(createSearchService(() => demo.dataset, { wasmPath: () => undefined, foldWorkers: () => 0 }), spec);
    if (!oneByOne.ok || !pooled.ok || !inEngine.ok) throw new Error('searches should finish');
    expect(metricsOf(pooled.value)).toEqual(metricsOf(oneByOne.value));
    expect(metricsOf(inEngine.value)).toEqual(metricsOf(oneByOne.value));
    // Every finished candidate is sent (unthrottled), with the fits finished so far and 1 worker.
    const finished = seen.filter((p) => p.finished);
    expect(finished.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(finished.map((p) => p.fitsDone)).toEqual([3, 6, 9]);
    expect(seen.every((p) => p.fitsTotal === 9 && p.workers === 1)).toBe(true);
  }, 120_000);

  it('on helpers: same numbers, each helper sent the dataset once and kept it for the next search, resent after a new version', async () => {
    (globalThis as { Worker?: unknown }).Worker = FakeFoldWorker;
    let current: Dataset = demo.dataset;
    const service = createSearchService(() => current, { wasmPath: () => undefined, foldWorkers: () => 2 });
    const oneByOne = await searchModels(demo.dataset, config(), spec);
    const seen: SearchProgress[] = [];
    const first = await run(service, spec, (p) => seen.push(p));
    if (!oneByOne.ok || !first.ok) throw new Error(!first.ok ? first.message : 'searches should finish');
    expect(metricsOf(first.value)).toEqual(metricsOf(oneByOne.value));
    expect(FakeFoldWorker.started).toHaveLength(2);
    expect(FakeFoldWorker.started.map((w) => w.datasetsSent)).toEqual([1, 1]);
    expect(seen.at(-1)?.workers).toBe(2);
    // The engine's own columns were copied, not transferred away.
    expect(demo.dataset.columns.every((c) => (c.storage === 'number' ? c.values.length : c.codes.length) === demo.dataset.rowCount)).toBe(true);

    const again = await run(service, spec);
    expect(again.ok).toBe(true);
    expect(FakeFoldWorker.started.map((w) => w.datasetsSent)).toEqual([1, 1]);

    current = { ...demo.dataset }; // a re-read or type change: same id, new dataset
    await run(service, spec);
    expect(FakeFoldWorker.started.map((w) => w.datasetsSent)).toEqual([2, 2]);
  }, 120_000);

  it('cancel on helpers: the search stops with the candidates finished so far', async () => {
    (globalThis as { Worker?: unknown }).Worker = FakeFoldWorker;
    const service = createSearchService(() => demo.dataset, { wasmPath: () => undefined, foldWorkers: () => 2 });
    const many: SearchSpec = { mode: 'grid', space: { l2: [1, 10, 100, 1000, 0.1, 0.01] }, samples: 0, k: 3 };
    const out = await run(service, many, (p) => p.finished && jobs.cancel('cancel-me'), 'cancel-me');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.reason).toBe('cancelled');
    expect(out.message).toMatch(/Search cancelled after \d of 6 candidates/);
    expect(out.partial.length).toBeGreaterThanOrEqual(1);
    expect(out.partial.length).toBeLessThan(6);
  }, 120_000);
});
