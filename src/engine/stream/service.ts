/**
 * The stream service: sessions by stream id, each a monitor (core/stream/monitor.ts) over a source
 * of rows (source.ts), driven by one loop with play, pause, step, pace and stop.
 */
import { createStreamMonitor, driftFeatures, driftReference, type StreamMonitor } from '../../core/stream';
import { PipelineError } from '../../core/prep/types';
import type { AuditLog } from '../audit/log';
import type { DatasetHost } from '../data/service';
import type { JobRunner } from '../jobs';
import { fail, ok } from '../outcome';
import type { RunStore, StoredRun } from '../runs/store';
import type { StreamApi, StreamConfig, StreamProgress, StreamResult, StreamState } from './api';
import { datasetSource, liveSource, type RowSource } from './source';

interface Session {
  config: StreamConfig;
  stored: StoredRun;
  source: RowSource;
  monitor: StreamMonitor | null;
  state: StreamState;
  speed: number;
  /** Resolves a wait (pause, pacing, rows) early: a control call or new rows. */
  wake: (() => void) | null;
  stepping: boolean;
  ended: boolean;
  windows: number;
  updates: number;
  name: string;
}

const mergeProgress = (waiting: StreamProgress, next: StreamProgress): StreamProgress => ({ ...next, windows: [...waiting.windows, ...next.windows] });
const gone = (id: string) => fail('not-found', `No stream "${id}" is running; start it again.`);

export function createStreamService(runs: RunStore, datasets: DatasetHost, jobs: JobRunner, audit: AuditLog): StreamApi {
  const sessions = new Map<string, Session>();
  const wakeUp = (s: Session) => {
    const w = s.wake;
    s.wake = null;
    w?.();
  };
  /** Waits up to ms, or until woken. */
  const sleep = (s: Session, ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => ((s.wake = null), resolve()), ms);
    s.wake = () => (clearTimeout(timer), resolve());
  });

  return {
    async start(config, streamId, onProgress) {
      const stored = runs.get(config.runId);
      if (!stored) return fail('not-found', 'That run is no longer available; train it again.');
      const previous = sessions.get(streamId);
      if (previous && !previous.ended) return fail('bad-config', 'This stream is already running; stop it first.');
      previous?.monitor?.dispose();
      const { run } = stored;
      const source = config.source.kind === 'dataset' ? datasetSource(datasets, config, stored) : liveSource(config, stored);
      if (!source.ok) return fail(source.reason, source.message);
      const session: Session = { config, stored, source: source.value, monitor: null, state: config.paused ? 'paused' : 'playing', speed: config.rowsPerSecond, wake: null, stepping: false, ended: false, windows: 0, updates: 0, name: source.value.name };
      sessions.set(streamId, session);
      const model = { pipeline: run.pipeline, model: run.model, task: run.config.task, classes: run.classes, target: run.config.target, threshold: run.config.threshold };
      const started = performance.now();
      let rowsDone = 0;
      let alerts = 0;

      return jobs.run(streamId, onProgress, async (job) => {
        const stopped = () => session.ended || job.signal.aborted;
        const send = (windows: StreamProgress['windows'], urgent = false) =>
          job.progress({ streamId, windows, state: session.state, windowsDone: session.windows, totalWindows: session.source.totalWindows, rowsDone, totalRows: session.source.totalRows, throughput: rowsDone / Math.max((performance.now() - started) / 1000, 1e-3) }, urgent);
        try {
          send([], true);
          for (;;) {
            while (session.state === 'paused' && !stopped()) await sleep(session, 60_000);
            if (stopped()) break;
            const next = await session.source.next(() => stopped(), (waiting) => {
              session.state = waiting ? 'waiting' : session.stepping ? 'paused' : 'playing';
              if (waiting) send([], true);
            }, (ms) => sleep(session, ms));
            if (!next) break;
            if (!session.monitor) {
              const features = driftFeatures(next.columns, run.config.features);
              session.monitor = createStreamMonitor(model, driftReference(next.referenceColumns, features, next.referenceRows), { update: config.update, seed: config.seed, partialFit: config.partialFit, driftRule: config.driftRule });
            }
            const t0 = performance.now();
            const report = await session.monitor.window(next.columns, next.rows, next.newRows, next.meta, job.signal);
            session.windows++;
            if (report.update) session.updates++;
            rowsDone += next.newRows.length;
            alerts += report.alerts.length;
            if (session.stepping) {
              session.stepping = false;
              session.state = 'paused';
            }
            // Paced or paused, each window goes out at once; as fast as possible, windows batch (the job runner's interval).
            send([report], session.speed > 0 || session.state !== 'playing');
            // Pacing: the window's rows at the chosen speed, less the time spent on them.
            if (session.speed > 0 && session.state === 'playing') {
              const wait = (next.newRows.length / session.speed) * 1000 - (performance.now() - t0);
              if (wait > 0) await sleep(session, wait);
            } else await job.yield();
          }
        } catch (error) {
          session.ended = true;
          session.state = 'stopped';
          if (error instanceof PipelineError) return fail('bad-config', error.message);
          throw error;
        }
        const cancelled = job.signal.aborted;
        const finished: StreamResult['state'] = session.ended || cancelled ? 'stopped' : 'done';
        session.ended = true;
        session.state = finished;
        send([], true);
        const ms = performance.now() - started;
        return ok({ streamId, state: finished, windows: session.windows, rows: rowsDone, alerts, updates: session.updates, ms, throughput: rowsDone / Math.max(ms / 1000, 1e-3) });
      }, mergeProgress);
    },

    async control(streamId, action) {
      const s = sessions.get(streamId);
      if (!s) return gone(streamId);
      if (s.ended) return fail('ended', 'The stream has ended; start it again to replay.');
      if (action === 'pause') s.state = 'paused';
      else {
        s.stepping = action === 'step';
        s.state = 'playing';
        wakeUp(s);
      }
      return ok(s.state);
    },

    async setSpeed(streamId, rowsPerSecond) {
      const s = sessions.get(streamId);
      if (!s) return gone(streamId);
      s.speed = Math.max(0, rowsPerSecond);
      wakeUp(s);
      return ok(null);
    },

    async stop(streamId) {
      const s = sessions.get(streamId);
      if (!s) return gone(streamId);
      s.ended = true;
      wakeUp(s);
      return ok(null);
    },

    async append(streamId, lines, header) {
      const s = sessions.get(streamId);
      if (!s) return gone(streamId);
      if (s.ended) return fail('ended', 'The stream has ended.');
      if (!s.source.append) return fail('bad-rows', 'This stream replays a dataset; only a live file takes new lines.');
      const r = s.source.append(lines, header);
      if (!r.ok) return fail('bad-rows', r.message);
      wakeUp(s);
      return ok({ rows: r.rows });
    },

    async keepUpdated(streamId) {
      const s = sessions.get(streamId);
      if (!s) return gone(streamId);
      if (!s.monitor?.hasUpdates()) return fail('no-updates', 'The model has not been updated yet: play the stream with an update policy other than "never".');
      const note = `updated online over ${s.name}: ${s.updates} updates in ${s.windows} windows`;
      const summary = await runs.addUpdated(s.config.runId, s.monitor.keep(), note);
      if (!summary) return fail('not-found', 'The run the stream started from is no longer available.');
      audit.record('update', summary.label, [s.config.runId, summary.id], `${s.updates} online updates over ${s.windows} windows of ${s.name}`);
      return ok(summary);
    },

    async close(streamId) {
      const s = sessions.get(streamId);
      if (!s) return gone(streamId);
      s.ended = true;
      wakeUp(s);
      s.monitor?.dispose();
      sessions.delete(streamId);
      return ok(null);
    },
  };
}
