import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobProgress } from './api';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from './testEngine.testing';

describe.each(TRANSPORTS)('engine, data and session (%s)', (transport) => {
  let connection: TestEngine;
  afterEach(() => connection?.close());

  it('starts with the demo datasets, loads a file, pages rows, overrides a type and removes it', async () => {
    connection = await startTestEngine(transport, { loadDemo: true });
    const { engine, callback } = connection;
    const info = expectOk(await engine.session.info());
    expect(info.compute.active).toBe('cpu');
    const demo = await engine.data.listDatasets();
    expect(demo.map((d) => d.name)).toEqual(['demo-customers.csv', 'demo-ratings.csv']);

    const progress: JobProgress[] = [];
    const file = new Blob(['city,temp\nOslo,3\nLima,19\nPune,NA\n']);
    const loaded = expectOk(await engine.data.loadFile(file, 'weather.csv', null, 'job-1', callback((p: JobProgress) => progress.push(p))));
    expect(loaded.rowCount).toBe(3);
    // Over comlink a progress message travels on its own channel and may land after the answer.
    await vi.waitFor(() => expect(progress.at(-1)?.fraction).toBe(1));
    expect(expectOk(await engine.data.rows(loaded.id, 1, 5)).rows).toEqual([['Lima', '19'], ['Pune', null]]);

    const retyped = await engine.data.setColumnKind(loaded.id, 'temp', 'categorical');
    expect(retyped.ok && retyped.value.columns[1].kind).toBe('categorical');
    const refused = await engine.data.setColumnKind(loaded.id, 'city', 'numeric');
    expect(!refused.ok && refused.reason).toBe('cannot-convert');
    const versions = (await engine.session.resources()).resources.find((r) => r.id === loaded.id);
    expect(versions?.version).toBe(2);

    const removed = expectOk(await engine.data.removeDataset(loaded.id));
    expect(removed.dependents).toEqual([]);
    expect(removed.freedBytes).toBeGreaterThan(0);
    expect((await engine.data.listDatasets()).length).toBe(2);
  });

  it('a bad file is a failure value and loses nothing; unknown ids are not-found', async () => {
    connection = await startTestEngine(transport);
    const { engine, callback } = connection;
    await engine.data.loadFile(new Blob(['a,b\n1,2\n']), 'good.csv', null, 'j1', callback(() => {}));
    const bad = await engine.data.loadFile(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])]), 'x.csv', null, 'j2', callback(() => {}));
    expect(bad).toMatchObject({ ok: false, reason: 'binary-file' });
    expect((await engine.data.listDatasets()).map((d) => d.name)).toEqual(['good.csv']);
    expect(await engine.data.rows('ds99', 0, 5)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await engine.runs.exportReport('run99')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await engine.runs.metricsAt('run99', 0.5)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await engine.explain.worstErrors('run99', 5)).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('refuses a file over the memory budget before parsing', async () => {
    connection = await startTestEngine(transport, { memoryBudgetMB: 1 });
    const big = new Blob(['a,b,c\n' + '1,2,3\n'.repeat(300_000)]);
    const result = await connection.engine.data.loadFile(big, 'big.csv', null, 'j', connection.callback(() => {}));
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('holds every dataset to one total budget and says what holds the memory', async () => {
    connection = await startTestEngine(transport, { memoryBudgetMB: 3 });
    const { engine, callback } = connection;
    // Each file alone fits (about 1.9 MB of columns); two do not.
    const file = () => new Blob(['a,b,c,d\n' + '1.5,2.5,3.5,4.5\n'.repeat(60_000)]);
    const first = expectOk(await engine.data.loadFile(file(), 'first.csv', null, 'j1', callback(() => {})));
    const memory = await engine.session.resources();
    expect(memory.budgetBytes).toBe(3 * 1024 * 1024);
    expect(memory.resources).toEqual([expect.objectContaining({ id: first.id, kind: 'dataset', label: 'first.csv', bytes: 60_000 * 4 * 8 })]);
    const second = await engine.data.loadFile(file(), 'second.csv', null, 'j2', callback(() => {}));
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.reason).toBe('too-large');
    expect(second.message).toMatch(/Loupe already holds 1\.8 MB: first\.csv 1\.8 MB\. The budget is 3\.0 MB in all/);
    expectOk(await engine.data.removeDataset(first.id));
    expectOk(await engine.data.loadFile(file(), 'second.csv', null, 'j3', callback(() => {})));
  });

  it('cancels a load by its job id', async () => {
    connection = await startTestEngine(transport, { ingestChunkKB: 1, ingestDelayMs: 5 });
    const { engine, callback } = connection;
    const file = new Blob(['a,b\n' + '1,2\n'.repeat(5000)]);
    let cancelled = false;
    const result = await engine.data.loadFile(
      file,
      'slow.csv',
      null,
      'job-slow',
      callback((p: JobProgress) => {
        if (!cancelled) void engine.session.cancel(p.jobId);
        cancelled = true;
      }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(await engine.data.listDatasets()).toEqual([]);
  });
});
