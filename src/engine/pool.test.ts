import { afterEach, describe, expect, it } from 'vitest';
import { ChannelWorker } from './channelWorker.testing';
import { createWorkerPool, PoolCancelled, spareCores } from './pool';

interface SlowApi {
  /** Resolves with `value` after `ms`; records how many calls overlap. */
  echo(value: number, ms: number): Promise<number>;
  fail(): Promise<never>;
}

let running = 0;
let peak = 0;
const started: FakeWorker[] = [];

function slowApi(): SlowApi {
  return {
    async echo(value, ms) {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
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
  started.length = 0;
});

describe('worker pool', () => {
  it('runs tasks in-process, one API instance, where there are no workers', async () => {
    let made = 0;
    const pool = createWorkerPool<SlowApi>({ size: 3, startWorker: () => new FakeWorker() as unknown as Worker, inline: () => (made++, slowApi()) });
    expect(pool.parallel).toBe(false);
    expect(pool.size).toBe(1);
    const out = await Promise.all([1, 2, 3].map((v) => pool.run((api) => api.echo(v, 5))));
    expect(out).toEqual([1, 2, 3]);
    expect(made).toBe(1);
    expect(started).toHaveLength(0);
  });

  it('runs at most `size` tasks at once on workers and queues the rest in order', async () => {
    withWorkerGlobal();
    const pool = createWorkerPool<SlowApi>({ size: 2, startWorker: () => new FakeWorker() as unknown as Worker, inline: slowApi });
    expect(pool.parallel).toBe(true);
    const out = await Promise.all([1, 2, 3, 4, 5].map((v) => pool.run((api) => api.echo(v, 20))));
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
    const slow = pool.run((api) => api.echo(1, 2000), signal);
    setTimeout(() => (signal.aborted = true), 30);
    await expect(slow).rejects.toBeInstanceOf(PoolCancelled);
    expect(started[0].terminated).toBe(true);
    await expect(pool.run((api) => api.echo(7, 1))).resolves.toBe(7);
    expect(started).toHaveLength(2);
    pool.dispose();
  });

  it('an error thrown by the task comes back as is and keeps the worker', async () => {
    withWorkerGlobal();
    const pool = createWorkerPool<SlowApi>({ size: 1, startWorker: () => new FakeWorker() as unknown as Worker, inline: slowApi });
    await expect(pool.run((api) => api.fail())).rejects.toThrow('bad input in the helper');
    await expect(pool.run((api) => api.echo(3, 1))).resolves.toBe(3);
    expect(started).toHaveLength(1);
    pool.dispose();
  });

  it('falls back to in-process when a worker fails before finishing any task', async () => {
    withWorkerGlobal();
    const pool = createWorkerPool<SlowApi>({
      size: 2,
      startWorker: () => {
        const w = new FakeWorker(false); // never answers, as a worker whose script did not load
        setTimeout(() => w.crash('Failed to fetch module script'), 10);
        return w as unknown as Worker;
      },
      inline: slowApi,
    });
    const out = await Promise.all([1, 2, 3].map((v) => pool.run((api) => api.echo(v, 5))));
    expect(out).toEqual([1, 2, 3]);
    expect(pool.parallel).toBe(false);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('counts cores within 1..8', () => {
    expect(spareCores()).toBeGreaterThanOrEqual(1);
    expect(spareCores()).toBeLessThanOrEqual(8);
  });
});
