import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../api';
import { startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';

// Issue 16: "Cancel loading" at 72% on a big file did not cancel, and the file was added anyway.
describe.each(TRANSPORTS)('cancelling a load (%s)', (transport) => {
  let connection: TestEngine;
  afterEach(() => connection?.close());

  it('sends no more progress events once the cancel has been answered', async () => {
    connection = await startTestEngine(transport, { ingestChunkKB: 1, ingestDelayMs: 2 });
    const { engine, callback } = connection;
    const file = new Blob(['a,b\n' + '1,2\n'.repeat(20_000)]);
    let cancelAnswered = false;
    let cancelling: Promise<void> | null = null;
    const afterCancel: JobProgress[] = [];
    const result = await engine.data.loadFile(
      file,
      'big.csv',
      null,
      'job-big',
      callback((p: JobProgress) => {
        if (cancelAnswered) afterCancel.push(p);
        cancelling ??= engine.session.cancel(p.jobId).then(() => {
          cancelAnswered = true;
        });
      }),
    );
    await cancelling;
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(afterCancel).toEqual([]);
    expect(await engine.data.listDatasets()).toEqual([]);
  });

  it('keeps nothing when the cancel comes as the last chunk is read (columns still being built)', async () => {
    connection = await startTestEngine(transport, { ingestChunkKB: 4, ingestDelayMs: 1 });
    const { engine, callback } = connection;
    const file = new Blob(['a,b,c\n' + '1,x,2.5\n'.repeat(4_000)]);
    const result = await engine.data.loadFile(
      file,
      'late.csv',
      null,
      'job-late',
      callback((p: JobProgress) => {
        if (p.fraction === 1) void engine.session.cancel(p.jobId);
      }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(await engine.data.listDatasets()).toEqual([]);
  });
});
