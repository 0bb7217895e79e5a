/**
 * The monitor service: a snapshot of jobs, models, memory, backend and the log (cheap: counts and
 * lists), and "Measure latency", a job that scores test rows of a run through its fitted model.
 */
import { activeBackend } from '../../core/compute/backends';
import { tf } from '../../core/compute/tf';
import { summariseLatency } from '../../core/monitor/latency';
import { transform } from '../../core/prep';
import type { JobRunner } from '../jobs';
import { fail, ok } from '../outcome';
import type { Resources } from '../resources';
import type { RunStore } from '../runs/store';
import type { SessionApi } from '../session/api';
import type { SessionState } from '../session/service';
import type { LatencyReport, MonitorApi } from './api';
import type { MonitorRecorder } from './record';

/** Enough rows for a steady p95 and still a few seconds on a slow backend. */
const DEFAULT_ROWS = 200;
const MAX_ROWS = 2000;

/** `count` rows spread evenly over `rows` (deterministic: no seed needed). */
function spread(rows: Int32Array, count: number): Int32Array {
  if (rows.length <= count) return rows;
  return Int32Array.from({ length: count }, (_, i) => rows[Math.floor((i * rows.length) / count)]);
}

export function createMonitorService(recorder: MonitorRecorder, store: RunStore, resources: Resources, session: { api: SessionApi; state: SessionState }, jobs: JobRunner): MonitorApi {
  const latency = new Map<string, LatencyReport>();

  return {
    async snapshot() {
      const list = resources.list();
      const models = list.flatMap((r) => {
        const stored = r.kind === 'run' ? store.get(r.id) : undefined;
        if (!stored) return [];
        const { summary } = stored;
        return [{ runId: r.id, label: summary.label, model: summary.config.model.kind, backend: summary.backend, fitMs: summary.timings.trainMs, prepareMs: summary.timings.prepareMs, evaluateMs: summary.timings.evaluateMs, trainRows: summary.trainRows, bytes: r.bytes, latency: latency.get(r.id) ?? null }];
      });
      // A removed run's measurement goes with it.
      for (const id of latency.keys()) if (!models.some((m) => m.runId === id)) latency.delete(id);
      const memory = tf.memory();
      const info = await session.api.info();
      return {
        jobs: recorder.jobs(),
        models,
        memory: { numTensors: memory.numTensors, numBytes: memory.numBytes, heldBytes: list.reduce((s, r) => s + r.bytes, 0), budgetBytes: session.state.budgetBytes(), resources: list },
        backend: info.ok ? { active: info.value.compute.active, chosenBy: info.value.compute.chosenBy } : null,
        log: recorder.log(),
      };
    },

    measureLatency(runId, options, jobId, onProgress) {
      return jobs.run(jobId, onProgress, async (job) => {
        const stored = store.get(runId);
        if (!stored) return fail('not-found', `That run (${runId}) is no longer available; train it again.`);
        const { run, dataset } = stored;
        const test = Int32Array.from({ length: run.splitOf.length }, (_, r) => r).filter((r) => run.splitOf[r] === 3);
        if (test.length === 0) return fail('no-test-rows', 'This run has no test rows to score.');
        const sample = spread(test, Math.min(Math.max(1, Math.floor(options.rows ?? DEFAULT_ROWS)), MAX_ROWS));
        let design;
        try {
          design = transform(run.pipeline, dataset.columns, sample);
        } catch (error) {
          return fail('failed', `Could not prepare the rows: ${(error as Error).message}`);
        }
        const { matrix, cols } = design;
        const n = sample.length;
        // The first call on a backend compiles kernels: one warm-up call, not counted.
        await run.model.predict(matrix.slice(0, cols), 1);
        const times = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const row = matrix.slice(i * cols, (i + 1) * cols);
          const t0 = performance.now();
          await run.model.predict(row, 1);
          times[i] = performance.now() - t0;
          if (i % 10 === 9) {
            job.progress({ jobId, fraction: (i + 1) / (n + 1), message: `Scored ${i + 1} of ${n} rows one at a time` });
            await job.yield();
            if (job.signal.aborted) return fail('cancelled', 'Measuring latency was cancelled.');
          }
        }
        job.progress({ jobId, fraction: n / (n + 1), message: `Scoring ${n} rows in one batch` }, true);
        const t0 = performance.now();
        await run.model.predict(matrix, n);
        const batchMs = performance.now() - t0;
        const report: LatencyReport = { runId, rows: n, perRow: summariseLatency(times), batchMs, batchRowsPerSecond: batchMs > 0 ? n / (batchMs / 1000) : Number.POSITIVE_INFINITY, backend: activeBackend(), measuredAt: Date.now() };
        latency.set(runId, report);
        return ok({ ...report, label: stored.summary.label });
      });
    },
  };
}
