import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../api';
import { expectOk, startTestEngine, type TestEngine } from '../testEngine.testing';

// In-process only: the comlink path is the same typed API, and training twice costs time on 2 cores.
describe('monitor service through the engine', () => {
  let connection: TestEngine;
  let runId = '';
  beforeAll(async () => {
    connection = await startTestEngine('in-process', { loadDemo: true });
    const { engine } = connection;
    const datasetId = (await engine.data.listDatasets()).find((d) => d.name === 'demo-customers.csv')!.id;
    const setup = expectOk(await engine.runs.setupTask(datasetId, 'churned', null));
    const config: ExperimentConfig = {
      target: setup.target, task: setup.task, positiveClass: setup.positiveClass, features: setup.features.filter((f) => f.include).map((f) => f.name),
      model: { ...(await engine.runs.defaultModel('logistic', setup.task)), epochs: 2 }, seed: 7, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5,
    };
    runId = expectOk(await engine.runs.train(datasetId, config, 'train-m', () => undefined)).id;
    await engine.runs.train('ds-missing', config, 'train-gone', () => undefined);
  });
  afterAll(() => connection.close());

  it('lists the train jobs (latest first, ok and failed), the model with its fit time, memory and backend', async () => {
    const snap = await connection.engine.monitor.snapshot();
    expect(snap.jobs.slice(0, 2)).toMatchObject([{ id: 'train-gone', kind: 'Train', outcome: 'failed', reason: 'not-found' }, { id: 'train-m', kind: 'Train', outcome: 'ok', label: expect.stringMatching(/^Run \d+ · logistic$/) }]);
    expect(snap.log[0]).toMatchObject({ level: 'error', message: 'That dataset is no longer loaded.' });
    const model = snap.models.find((m) => m.runId === runId)!;
    expect(model.fitMs).toBeGreaterThan(0);
    expect(model.bytes).toBeGreaterThan(0);
    expect(model.latency).toBeNull();
    expect(snap.memory.numTensors).toBeGreaterThan(0);
    expect(snap.memory.resources.some((r) => r.id === runId)).toBe(true);
    expect(snap.backend).toEqual({ active: 'cpu', chosenBy: 'forced' });
  });

  it('measures per-row p50 <= p95 and batch rows/s, keeps it on the model, and leaks no tensors', async () => {
    const { engine } = connection;
    const before = (await engine.monitor.snapshot()).memory.numTensors;
    const report = expectOk(await engine.monitor.measureLatency(runId, { rows: 30 }, 'lat-1', () => undefined));
    expect(report.rows).toBe(30);
    expect(report.perRow.samples).toBe(30);
    expect(report.perRow.p50).toBeGreaterThan(0);
    expect(report.perRow.p95).toBeGreaterThanOrEqual(report.perRow.p50);
    expect(report.batchRowsPerSecond).toBeGreaterThan(0);
    const snap = await engine.monitor.snapshot();
    expect(snap.models.find((m) => m.runId === runId)!.latency).toMatchObject({ rows: 30, perRow: report.perRow });
    expect(snap.jobs[0]).toMatchObject({ id: 'lat-1', kind: 'Measure latency', outcome: 'ok' });
    expect(snap.memory.numTensors).toBe(before);
  });

  it('stops when cancelled and records the job as cancelled', async () => {
    const { engine } = connection;
    const answer = engine.monitor.measureLatency(runId, { rows: 2000 }, 'lat-c', () => undefined);
    await engine.session.cancel('lat-c');
    expect(await answer).toMatchObject({ ok: false, reason: 'cancelled' });
    expect((await engine.monitor.snapshot()).jobs[0]).toMatchObject({ id: 'lat-c', outcome: 'cancelled' });
  });

  it('says when the run is gone', async () => {
    const answer = await connection.engine.monitor.measureLatency('run-missing', {}, 'lat-2', () => undefined);
    expect(answer).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
