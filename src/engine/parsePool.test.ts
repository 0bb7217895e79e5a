/**
 * The engine's range runner over a pool of parse helpers. The helpers here are the real parse
 * service exposed with comlink on a MessageChannel (as parseWorker.ts exposes it), so jobs, the
 * File handle, spare arrays and returned columns all cross a real structured-clone boundary.
 */
import { transfer } from 'comlink';
import { describe, expect, it } from 'vitest';
import { ingestBlob, ingestBytes } from '../core/frame/ingest';
import { ChannelWorker } from './channelWorker.testing';
import { createWorkerPool } from './pool';
import { rangeRunner } from './parsePool';
import { createParseService, type ParseApi } from './parseService';

class ServiceWorker extends ChannelWorker {
  constructor() {
    super(createParseService({ transfer }));
  }
}

function csv(rows: number): Uint8Array {
  const lines = ['id,city,price,note'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${['Paris', 'Lyon', 'Nice'][i % 3]},${(i * 1.25) % 97},${i % 50 === 0 ? '"two\nlines"' : 'x'}`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('range runner over parse helpers', () => {
  it('gives the serial dataset through helpers (transferred columns, reused arrays)', async () => {
    (globalThis as { Worker?: unknown }).Worker = ServiceWorker;
    try {
      const pool = createWorkerPool<ParseApi>({ size: 2, startWorker: () => new ServiceWorker() as unknown as Worker, inline: createParseService });
      expect(pool.parallel).toBe(true);
      const bytes = csv(20_000);
      const blob = new Blob([bytes as BlobPart]);
      const runner = rangeRunner(pool, blob, { rangeBytes: 40_000 });
      const ranged = await ingestBlob(blob, { id: 'p', name: 'p.csv', ranges: runner });
      const serial = ingestBytes(bytes, { id: 'p', name: 'p.csv' });
      expect(ranged).toEqual(serial);
      pool.dispose();
    } finally {
      delete (globalThis as { Worker?: unknown }).Worker;
    }
  });

  it('runs in-process where there are no workers', async () => {
    const pool = createWorkerPool<ParseApi>({ size: 2, startWorker: () => new ServiceWorker() as unknown as Worker, inline: createParseService });
    expect(pool.parallel).toBe(false);
    const bytes = csv(3000);
    const blob = new Blob([bytes as BlobPart]);
    const ranged = await ingestBlob(blob, { id: 'p', name: 'p.csv', ranges: rangeRunner(pool, blob, { rangeBytes: 10_000 }) });
    expect(ranged).toEqual(ingestBytes(bytes, { id: 'p', name: 'p.csv' }));
  });
});
