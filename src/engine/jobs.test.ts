import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJobRunner, PROGRESS_INTERVAL_MS } from './jobs';

// The clock is faked: what is asserted is which messages go out, not how long anything takes.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('job runner', () => {
  it('sends the first progress at once, keeps later ones to one per interval, and always sends the last', async () => {
    const jobs = createJobRunner();
    const sent: number[] = [];
    await jobs.run('j', (p: number) => sent.push(p), async (job) => {
      job.progress(1);
      job.progress(2);
      job.progress(3);
      vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
      job.progress(4);
      job.progress(5);
    });
    expect(sent).toEqual([1, 4, 5]);
  });

  it('sends urgent progress at once and merges what waits, so batched deltas lose nothing', async () => {
    const jobs = createJobRunner();
    const sent: number[][] = [];
    await jobs.run(
      'j',
      (p: number[]) => sent.push(p),
      async (job) => {
        job.progress([1]);
        job.progress([2]);
        job.progress([3]);
        job.progress([4], true);
        job.progress([5]);
      },
      (waiting, next) => [...waiting, ...next],
    );
    expect(sent).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('cancels a running job by id, ignores unknown ids and forgets the job when it ends', async () => {
    const jobs = createJobRunner();
    let seen = false;
    const result = jobs.run('load-1', null, async (job) => {
      expect(jobs.running()).toEqual(['load-1']);
      jobs.cancel('load-1');
      jobs.cancel('no-such-job');
      seen = job.signal.aborted;
      return 'done';
    });
    await expect(result).resolves.toBe('done');
    expect(seen).toBe(true);
    expect(jobs.running()).toEqual([]);
  });

  it('yields to the event loop when forced, and skips a yield asked for within the interval', async () => {
    const jobs = createJobRunner();
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    const done = jobs.run('j', null, async (job) => {
      await job.yield();
      order.push('after skipped yield');
      const forced = job.yield(true);
      vi.advanceTimersByTime(0);
      await forced;
      order.push('after forced yield');
    });
    await vi.runAllTimersAsync();
    await done;
    expect(order).toEqual(['after skipped yield', 'timer', 'after forced yield']);
  });

  it('sends no progress after a cancel, not even the one that was waiting (issue 16)', async () => {
    const jobs = createJobRunner();
    const sent: number[] = [];
    await jobs.run('j', (p: number) => sent.push(p), async (job) => {
      job.progress(1);
      job.progress(2); // kept for later by the throttle
      jobs.cancel('j');
      job.progress(3);
    });
    expect(sent).toEqual([1]);
  });
});
