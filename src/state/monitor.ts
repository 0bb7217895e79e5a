/**
 * The Monitoring panel's state: the engine's last snapshot (jobs, models, memory, backend, log),
 * refreshed by the panel while it is on screen, and the "Measure latency" job with progress and cancel.
 */
import { create } from 'zustand';
import type { JobProgress, MonitorSnapshot } from '../engine/api';
import { engineConnection } from './engine';

export interface LatencyJob {
  id: string;
  runId: string;
  fraction: number | null;
  message: string;
}

export interface MonitorStore {
  snapshot: MonitorSnapshot | null;
  /** Why the last refresh or measurement failed, in words. */
  error: string | null;
  job: LatencyJob | null;
  refresh(): Promise<void>;
  measureLatency(runId: string, rows: number): Promise<void>;
  cancel(): Promise<void>;
}

let counter = 0;

export const useMonitor = create<MonitorStore>((set, get) => ({
  snapshot: null,
  error: null,
  job: null,

  async refresh() {
    try {
      set({ snapshot: await engineConnection().engine.monitor.snapshot() });
    } catch (error) {
      set({ error: `Could not read the engine's state: ${(error as Error).message}` });
    }
  },

  async measureLatency(runId, rows) {
    if (get().job) return;
    const id = `latency-${Date.now().toString(36)}-${++counter}`;
    set({ job: { id, runId, fraction: 0, message: 'Starting…' }, error: null });
    const { engine, callback } = engineConnection();
    try {
      const result = await engine.monitor.measureLatency(runId, { rows }, id, callback((p: JobProgress) => set((s) => (s.job?.id === p.jobId ? { job: { ...s.job, fraction: p.fraction, message: p.message } } : {}))));
      if (!result.ok && result.reason !== 'cancelled') set({ error: result.message });
    } catch (error) {
      set({ error: `Measuring latency failed: ${(error as Error).message}` });
    } finally {
      set({ job: null });
      await get().refresh();
    }
  },

  async cancel() {
    const job = get().job;
    if (job) await engineConnection().engine.session.cancel(job.id);
  },
}));
