import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig, StreamProgress, WindowReport } from '../api';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';
import { driftCsv } from './driftData.testing';

const ROWS = 4000;
const DRIFT_AT = 2000;
const WINDOW = 250;

describe.each(TRANSPORTS)('stream replay through the engine (%s)', (transport) => {
  let connection: TestEngine;
  let streamDataset = '';
  let runId = '';
  beforeAll(async () => {
    connection = await startTestEngine(transport);
    const { engine, callback } = connection;
    // Trained on the rows before the drift; the stream replays them all.
    const history = expectOk(await engine.data.loadFile(new Blob([driftCsv(DRIFT_AT, DRIFT_AT, 1)]), 'history.csv', null, 'load-1', callback(() => {})));
    streamDataset = expectOk(await engine.data.loadFile(new Blob([driftCsv(ROWS, DRIFT_AT, 2)]), 'stream.csv', null, 'load-2', callback(() => {}))).id;
    const setup = expectOk(await engine.runs.setupTask(history.id, 'label', null));
    const config: ExperimentConfig = {
      target: 'label', task: 'binary', positiveClass: '1', features: ['x1', 'x2', 'colour'],
      model: { ...(await engine.runs.defaultModel('logistic', setup.task)), epochs: 10 }, seed: 1, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5,
    };
    runId = expectOk(await engine.runs.train(history.id, config, 'train-1', callback(() => {}))).id;
  });
  afterAll(() => connection.close());

  it('alerts within a window of the planted drift; the updated model recovers, the frozen one does not; keep makes a run', async () => {
    const { engine, callback } = connection;
    const windows: WindowReport[] = [];
    const result = expectOk(await engine.stream.start(
      { runId, source: { kind: 'dataset', datasetId: streamDataset, timeColumn: 'time' }, window: { kind: 'tumbling', unit: 'rows', size: WINDOW }, rowsPerSecond: 0, update: 'on-drift', partialFit: { epochs: 3 }, seed: 1 },
      'stream-1',
      callback((p: StreamProgress) => windows.push(...p.windows)),
    ));
    // Progress comes over its own port (comlink): let the last message land.
    await new Promise((r) => setTimeout(r, 100));
    expect(result.state).toBe('done');
    expect(result.rows).toBe(ROWS);
    expect(windows.map((w) => w.index)).toEqual(Array.from({ length: ROWS / WINDOW }, (_, i) => i));
    const driftWindow = DRIFT_AT / WINDOW;
    // DDM warnings come and go with noise; the drift alert is a feature alert or a DDM drift.
    const firstAlert = windows.findIndex((w) => w.alerts.some((a) => a.kind !== 'ddm-warning'));
    expect(Math.abs(firstAlert - driftWindow)).toBeLessThanOrEqual(1);
    expect(windows[driftWindow].drift.find((d) => d.feature === 'x2')!.level).toBe('alert');
    expect(windows[driftWindow].drift.find((d) => d.feature === 'colour')!.level).not.toBe('alert');
    expect(windows.slice(driftWindow).some((w) => w.ddmLevel === 'drift')).toBe(true);
    const last = windows.slice(-4);
    for (const w of last) {
      expect(w.frozen.auc).toBeLessThan(0.2);
      expect(w.updated.auc).toBeGreaterThan(0.85);
    }
    // Before the drift, nothing was updated.
    expect(windows.slice(0, driftWindow - 1).every((w) => w.update === null)).toBe(true);

    const kept = expectOk(await engine.stream.keepUpdated('stream-1'));
    expect(kept.origin).toBe('update');
    expect(kept.parentRunId).toBe(runId);
    const audit = await engine.audit.list();
    expect(audit.some((e) => e.action === 'update')).toBe(true);
    expectOk(await engine.stream.close('stream-1'));
  });

  it('pauses, steps one window at a time, and stops', async () => {
    const { engine, callback } = connection;
    const windows: number[] = [];
    const running = engine.stream.start(
      { runId, source: { kind: 'dataset', datasetId: streamDataset, timeColumn: null }, window: { kind: 'tumbling', unit: 'rows', size: 500 }, rowsPerSecond: 0, update: 'never', seed: 1, paused: true },
      'stream-2',
      callback((p: StreamProgress) => windows.push(...p.windows.map((w) => w.index))),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(windows).toEqual([]);
    expectOk(await engine.stream.control('stream-2', 'step'));
    for (let i = 0; i < 50 && windows.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 250));
    expect(windows).toEqual([0]);
    expectOk(await engine.stream.stop('stream-2'));
    const result = expectOk(await running);
    expect(result.state).toBe('stopped');
    expect(result.windows).toBe(1);
    expect((await engine.stream.keepUpdated('stream-2')).ok).toBe(false);
    expectOk(await engine.stream.close('stream-2'));
  });

  it('a live file: appended lines become windows as they arrive, parsed with the training schema', async () => {
    const { engine, callback } = connection;
    const windows: number[] = [];
    let waiting = false;
    const running = engine.stream.start(
      { runId, source: { kind: 'live', format: 'csv' }, window: { kind: 'tumbling', unit: 'rows', size: 200 }, rowsPerSecond: 0, update: 'every-window', seed: 1 },
      'stream-live',
      callback((p: StreamProgress) => {
        windows.push(...p.windows.map((w) => w.index));
        waiting = p.state === 'waiting';
      }),
    );
    const [header, ...lines] = driftCsv(500, DRIFT_AT, 3).trimEnd().split('\n');
    const bytes = (text: string) => new TextEncoder().encode(text);
    expectOk(await engine.stream.append('stream-live', bytes(lines.slice(0, 150).join('\n') + '\n'), bytes(header + '\n')));
    await new Promise((r) => setTimeout(r, 100));
    expect(windows).toEqual([]);
    expect(waiting).toBe(true);
    expect(expectOk(await engine.stream.append('stream-live', bytes(lines.slice(150).join('\n') + '\n'), bytes(header + '\n'))).rows).toBe(350);
    for (let i = 0; i < 50 && windows.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(windows).toEqual([0, 1]);
    const bad = await engine.stream.append('stream-live', bytes('2026-01-01T00:00:00.000Z,abc,1,red,1\n'), bytes(header + '\n'));
    expect(bad.ok ? '' : bad.message).toMatch(/x1/);
    expectOk(await engine.stream.stop('stream-live'));
    expect(expectOk(await running).windows).toBe(2);
    expect(expectOk(await engine.stream.keepUpdated('stream-live')).origin).toBe('update');
    expectOk(await engine.stream.close('stream-live'));
  });

  it('says what is wrong with a bad start', async () => {
    const { engine } = connection;
    const bad = await engine.stream.start({ runId, source: { kind: 'dataset', datasetId: streamDataset, timeColumn: 'colour' }, window: { kind: 'tumbling', unit: 'rows', size: 100 }, rowsPerSecond: 0, update: 'never', seed: 1 }, 'stream-3', null);
    expect(bad.ok ? '' : bad.message).toMatch(/not a date or a number/);
    const base = { runId, source: { kind: 'dataset' as const, datasetId: streamDataset, timeColumn: null }, window: { kind: 'tumbling' as const, unit: 'rows' as const, size: 500 }, rowsPerSecond: 0, update: 'never' as const, seed: 1 };
    const half = await engine.stream.start({ ...base, referenceWindows: 1.5 }, 'stream-4', null);
    expect(half.ok ? '' : half.message).toMatch(/whole number of windows/);
    const all = await engine.stream.start({ ...base, referenceWindows: ROWS / 500 }, 'stream-5', null);
    expect(all.ok ? '' : all.message).toMatch(/would take the whole stream of 8 windows/);
  });

  it('a longer reference: drift is measured against the first N windows, and only PSI alerts under the PSI rule', async () => {
    const { engine, callback } = connection;
    const windows: WindowReport[] = [];
    expectOk(await engine.stream.start(
      { runId, source: { kind: 'dataset', datasetId: streamDataset, timeColumn: 'time' }, window: { kind: 'tumbling', unit: 'rows', size: WINDOW }, referenceWindows: 4, driftRule: 'psi', rowsPerSecond: 0, update: 'never', seed: 1 },
      'stream-6',
      callback((p: StreamProgress) => windows.push(...p.windows)),
    ));
    await new Promise((r) => setTimeout(r, 100));
    const driftWindow = DRIFT_AT / WINDOW;
    expect(windows[driftWindow].drift.find((d) => d.feature === 'x2')!.level).toBe('alert');
    // Under the PSI rule a feature alerts exactly when its PSI reaches 0.25.
    for (const w of windows) for (const d of w.drift) expect(d.level === 'alert').toBe(d.psi >= 0.25);
    // A feature alert carries the PSI behind it (the view tells test-only alerts apart by it).
    for (const w of windows) for (const a of w.alerts) if (a.kind === 'feature-drift') expect(a.psi).toBe(w.drift.find((d) => d.feature === a.feature)!.psi);
    expectOk(await engine.stream.close('stream-6'));
  });

  it('a live file with a reference of two windows waits for both before the first window', async () => {
    const { engine, callback } = connection;
    const windows: number[] = [];
    const running = engine.stream.start(
      { runId, source: { kind: 'live', format: 'csv' }, window: { kind: 'tumbling', unit: 'rows', size: 200 }, referenceWindows: 2, rowsPerSecond: 0, update: 'never', seed: 1 },
      'stream-live-2',
      callback((p: StreamProgress) => windows.push(...p.windows.map((w) => w.index))),
    );
    const [header, ...lines] = driftCsv(500, DRIFT_AT, 4).trimEnd().split('\n');
    const bytes = (text: string) => new TextEncoder().encode(text);
    expectOk(await engine.stream.append('stream-live-2', bytes(lines.slice(0, 300).join('\n') + '\n'), bytes(header + '\n')));
    await new Promise((r) => setTimeout(r, 150));
    expect(windows).toEqual([]);
    expectOk(await engine.stream.append('stream-live-2', bytes(lines.slice(300).join('\n') + '\n'), bytes(header + '\n')));
    for (let i = 0; i < 50 && windows.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(windows).toEqual([0, 1]);
    expectOk(await engine.stream.stop('stream-live-2'));
    await running;
    expectOk(await engine.stream.close('stream-live-2'));
  });
});
