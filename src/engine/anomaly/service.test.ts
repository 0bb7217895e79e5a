/** The anomaly service through both transports: a result on the demo customers, the audit entry, bad input, cancel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../api';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';
import type { AnomalyRequest } from './api';
import { topRows } from './summary';

const REQUEST: Omit<AnomalyRequest, 'columns'> = { nTrees: 100, sampleSize: 256, seed: 42, cut: { kind: 'contamination', share: 0.01 }, topN: 10 };

describe.each(TRANSPORTS)('anomaly service (%s)', (transport) => {
  let connection: TestEngine;
  let customers = '';
  beforeAll(async () => {
    connection = await startTestEngine(transport, { loadDemo: true });
    customers = (await connection.engine.data.listDatasets()).find((d) => d.name === 'demo-customers.csv')!.id;
  });
  afterAll(() => connection.close());

  it('scores the demo customers: histogram of every row, 1% flagged, top rows with why and cells, an audit entry', async () => {
    const { engine, callback } = connection;
    const progress: JobProgress[] = [];
    const result = expectOk(await engine.anomaly.score(customers, { ...REQUEST, columns: ['age', 'sessions', 'spend', 'email'] }, 'an-1', callback((p: JobProgress) => progress.push(p))));
    expect(result.used.map((c) => c.name)).toEqual(['age', 'sessions', 'spend']);
    expect(result.excluded.map((c) => c.name)).toEqual(['email']);
    expect(result.used[0].filled).toBeGreaterThan(0);
    expect(result.bins.reduce((s, b) => s + b.count, 0)).toBe(result.rowCount);
    expect(result.bins.reduce((s, b) => s + b.flagged, 0)).toBe(result.flagged);
    expect(Math.abs(result.flagged - result.rowCount * 0.01)).toBeLessThanOrEqual(1);
    expect(result.top).toHaveLength(10);
    expect(result.top.every((r, i) => i === 0 || r.score <= result.top[i - 1].score)).toBe(true);
    expect(result.top[0].score).toBeGreaterThan(result.threshold);
    expect(result.top[0].why.map((w) => w.feature).sort()).toEqual(['age', 'sessions', 'spend']);
    expect(result.top[0].cells).toHaveLength(3);
    // The demo plants heavy users and whale spenders: the top row is isolated by sessions or spend, and a whale is in the top 10.
    expect(['sessions', 'spend']).toContain(result.top[0].why[0].feature);
    expect(result.top[0].why[0].contribution).toBeGreaterThan(1);
    const spend = result.cellColumns.indexOf('spend');
    expect(result.top.some((r) => Number(r.cells[spend]) > 1000)).toBe(true);
    const log = await engine.audit.list();
    const entry = log.find((e) => e.action === 'anomaly');
    expect(entry).toMatchObject({ target: 'demo-customers.csv', ids: [customers] });
    expect(entry!.detail).toMatch(/^Scored \d+ rows on 3 columns \(age, sessions, spend\) with an isolation forest of 100 trees, seed 42; \d+ rows above the threshold$/);
  });

  it('bad input and unknown datasets are messages', async () => {
    const none = connection.callback(() => {});
    const bad = await connection.engine.anomaly.score(customers, { ...REQUEST, columns: ['age'], cut: { kind: 'threshold', score: 1.5 } }, 'an-2', none);
    expect(bad).toEqual({ ok: false, reason: 'bad-input', message: 'Score threshold must be between 0 and 1 (scores near 1 are the most anomalous).' });
    const gone = await connection.engine.anomaly.score('nope', { ...REQUEST, columns: ['age'] }, 'an-3', none);
    expect(gone.ok === false && gone.reason).toBe('not-found');
  });

  it('cancels while scoring', async () => {
    const none = connection.callback(() => {});
    const lines = ['x,y'];
    for (let i = 0; i < 150_000; i++) lines.push(`${i % 997},${(i * 7919) % 1009}`);
    const ds = expectOk(await connection.engine.data.loadFile(new Blob([lines.join('\n')]), 'big.csv', null, 'load-big', none));
    let cancelled: Promise<void> | null = null;
    const onProgress = connection.callback((p: JobProgress) => {
      if (!cancelled && (p.fraction ?? 0) > 0.1) cancelled = connection.engine.session.cancel(p.jobId);
    });
    const result = await connection.engine.anomaly.score(ds.id, { ...REQUEST, nTrees: 1000, columns: ['x', 'y'] }, 'an-big', onProgress);
    expect(result).toEqual({ ok: false, reason: 'cancelled', message: 'Anomaly detection was cancelled.' });
  });
});

describe('top rows', () => {
  it('keeps the n highest, highest first', () => {
    expect(topRows(Float64Array.from([0.1, 0.9, 0.3, 0.9, 0.5, 0.2]), 3)).toEqual([1, 3, 4]);
    expect(topRows(Float64Array.from([0.4, 0.2]), 5)).toEqual([0, 1]);
  });
});
