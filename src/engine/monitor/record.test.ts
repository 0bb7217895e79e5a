import { describe, expect, it } from 'vitest';
import { createJobRunner } from '../jobs';
import { fail, ok } from '../outcome';
import { createMonitorRecorder, MAX_JOBS } from './record';

function setup() {
  const recorder = createMonitorRecorder();
  const runner = createJobRunner(recorder.listener);
  return { recorder, runner, train: recorder.tagged(runner, 'Train'), load: recorder.tagged(runner, 'Load data') };
}

describe('monitor job recording', () => {
  it('records an ok job with its kind, label from the answer, start, end and duration', async () => {
    const { recorder, train } = setup();
    const seen: string[] = [];
    const answer = await train.run('job-1', null, async () => {
      seen.push(recorder.jobs()[0].outcome);
      return ok({ label: 'Run 1 · mlp' });
    });
    expect(answer).toEqual(ok({ label: 'Run 1 · mlp' }));
    expect(seen).toEqual(['running']);
    const [job] = recorder.jobs();
    expect(job).toMatchObject({ id: 'job-1', kind: 'Train', label: 'Run 1 · mlp', outcome: 'ok' });
    expect(job.endedAt! - job.startedAt).toBe(job.durationMs);
    expect(recorder.log()).toEqual([]);
  });

  it('records a failed answer with its reason and logs the message as an error', async () => {
    const { recorder, train } = setup();
    await train.run('job-2', null, async () => fail('nan-loss', 'The loss became NaN: lower the learning rate.'));
    expect(recorder.jobs()[0]).toMatchObject({ kind: 'Train', outcome: 'failed', reason: 'nan-loss', message: 'The loss became NaN: lower the learning rate.' });
    expect(recorder.log()).toEqual([expect.objectContaining({ level: 'error', source: 'Train', message: 'The loss became NaN: lower the learning rate.' })]);
  });

  it('records a thrown error as failed, and still rethrows it', async () => {
    const { recorder, train } = setup();
    await expect(train.run('job-3', null, async () => { throw new Error('worker lost'); })).rejects.toThrow('worker lost');
    expect(recorder.jobs()[0]).toMatchObject({ outcome: 'failed', reason: 'error', message: 'worker lost' });
    expect(recorder.log()[0]).toMatchObject({ level: 'error', message: 'worker lost' });
  });

  it('records a cancelled job as cancelled, not as an error', async () => {
    const { recorder, runner, train } = setup();
    const answer = train.run('job-4', null, async (job) => {
      while (!job.signal.aborted) await new Promise((r) => setTimeout(r, 1));
      return fail('cancelled', 'Training was cancelled.');
    });
    runner.cancel('job-4');
    await answer;
    expect(recorder.jobs()[0]).toMatchObject({ id: 'job-4', outcome: 'cancelled', reason: 'cancelled' });
    expect(recorder.log()).toEqual([]);
  });

  it('logs parse warnings of a load, lists jobs latest first and keeps only the last 100', async () => {
    const { recorder, load, train } = setup();
    // As the data service's load job answers: the dataset and its profile.
    await load.run('load-1', null, async () => ok({ dataset: {}, profile: { name: 'sales.csv', warnings: [{ kind: 'ragged-rows', message: '3 rows had too few fields.' }] } }));
    expect(recorder.jobs()[0]).toMatchObject({ kind: 'Load data', label: 'sales.csv', outcome: 'ok' });
    expect(recorder.log()[0]).toMatchObject({ level: 'warning', source: 'Load data · sales.csv', message: '3 rows had too few fields.' });
    for (let i = 0; i < MAX_JOBS + 5; i++) await train.run(`t${i}`, null, async () => ok(i));
    const jobs = recorder.jobs();
    expect(jobs).toHaveLength(MAX_JOBS);
    expect(jobs[0].id).toBe(`t${MAX_JOBS + 4}`);
    expect(jobs.some((j) => j.id === 'load-1')).toBe(false);
  });

  it('a job from an untagged runner is recorded as "Job"', async () => {
    const { recorder, runner } = setup();
    await runner.run('x', null, async () => ok(1));
    expect(recorder.jobs()[0]).toMatchObject({ kind: 'Job', outcome: 'ok' });
  });
});
