import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChannelWorker } from './channelWorker.testing';
import { createWorkerPool, PoolCancelled, spareCores } from './pool';

interface SlowApi {
  /** Resolves with `value` once the test opens the gate (or at once when it is open); counts overlapping calls. */
  echo(value: number): Promise<number>;
  fail(): Promise<never>;
}

// Tasks wait on gates the test opens, so overlap is counted by events, not by how long a sleep lasts.
let running = 0;
let peak = 0;
let gateOpen = true;
let waitingAtGate: (() => void)[] = [];
const started: FakeWorker[] = [];

function closeGate() {
  gateOpen = false;
}

function openGate() {
  gateOpen = true;
  for (const go of waitingAtGate.splice(0)) go();
}

function slowApi(): SlowApi {
  return {
    async echo(value) {
      running++;
      peak = Math.max(peak, running);
      if (!gateOpen) await new Promise<void>((resolve) => waitingAtGate.push(resolve));
      running--;
      return value;
    },
    async fail() {
      throw new Error('bad input in the helper');
    },
  };
}

class FakeWorker extends ChannelWorker {
  constructor(loads = true) {
    super(loads ? slowApi() : null);
    started.push(this);
  }
}

const withWorkerGlobal = () => {
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
};

afterEach(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
  running = 0;
  peak = 0;
  gateOpen = true;
  waitingAtGate = [];
  started.length = 0;
});

describe('worker pool', () => {
  it('runs tasks in-process, one API instance, where there are no workers', async () => {
    let made = 0;
    const pool = createWorkerPool<SlowApi>({ size: 3, startWorker: () => new FakeWorker() as unknown as Worker, inline: () => (made++, slowApi()) });
    expect(pool.parallel).toBe(false);
    expect(pool.size).toBe(1);
    const out = await Promise.all([1, 2, 3].map((v) => pool.run((api) => api.echo(v))));
    expect(out).toEqual([1, 2, 3]);
    expect(made).toBe(1);
    expect(started).toHaveLength(0);
  });

  it('runs at most `size` tasks at once on workers and queues the rest in order', async () => {
    withWorkerGlobal();
    const pool = createWorkerPool<SlowApi>({ size: 2, startWorker: () => new FakeWorker() as unknown as Worker, inline: slowApi });
    expect(pool.parallel).toBe(true);
    closeGate();
    const all = Promise.all([1, 2, 3, 4, 5].map((v) => pool.run((api) => api.echo(v))));
    // Two tasks reach the helpers and wait there; the other three stay queued in the pool.
    await vi.waitFor(() => expect(running).toBe(2));
    expect(waitingAtGate).toHaveLength(2);
    openGate();
    const out = await all;
    expect(out).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(started).toHaveLength(2);
    pool.dispose();
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('a cancelled task terminates its worker and rejects; the next task gets a fresh one', async () => {
    withWorkerGlobal();
    const pool = createWorkerPool<SlowApi>({ size: 1, startWorker: () => new FakeWorker() as unknown as Worker, inline: slowApi });
    const signal = { aborted: false };
    closeGate();
    const slow = pool.run((api) => api.echo(1), signal);
    // Cancel once the task is really running in the helper (it would wait at the gate for ever).
    await vi.waitFor(() => expect(running).toBe(1));
    signal.aborted = true;
    await expect(slow).rejects.toBeInstanceOf(PoolCancelled);
    expect(started[0].terminated).toBe(true);
    openGate();
    await expect(pool.run((api) => api.echo(7))).resolves.toBe(7);
    expect(started).toHaveLength(2);
    pool.dispose();
  });

  it('an error thrown by the task comes back as is and keeps the worker', async () => {
    withWorkerGlobal();
    const pool = createWorkerPool<SlowApi>({ size: 1, startWorker: () => new FakeWorker() as unknown as Worker, inline: slowApi });
    await expect(pool.run((api) => api.fail())).rejects.toThrow('bad input in the helper');
    await expect(pool.run((api) => api.echo(3))).resolves.toBe(3);
    expect(started).toHaveLength(1);
    pool.dispose();
  });

  it('falls back to in-process when a worker fails before finishing any task', async () => {
    withWorkerGlobal();
    const pool = createWorkerPool<SlowApi>({
      size: 2,
      startWorker: () => {
        const w = new FakeWorker(false); // never answers, as a worker whose script did not load
        // After the pool has attached its error listener: the next task of the event loop.
        setTimeout(() => w.crash('Failed to fetch module script'), 0);
        return w as unknown as Worker;
      },
      inline: slowApi,
    });
    const out = await Promise.all([1, 2, 3].map((v) => pool.run((api) => api.echo(v))));
    expect(out).toEqual([1, 2, 3]);
    expect(pool.parallel).toBe(false);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('counts cores within 1..8', () => {
    expect(spareCores()).toBeGreaterThanOrEqual(1);
    expect(spareCores()).toBeLessThanOrEqual(8);
  });
});
