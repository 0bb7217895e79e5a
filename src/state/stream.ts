/**
 * The Stream view's state: the form, the stream's status, alerts and the latest window's drift.
 * Per-window points go to the bounded series (streamSeries.ts), not here.
 */
import { create } from 'zustand';
import type { DriftRule, FeatureDrift, StreamAlert, StreamConfig, StreamProgress, StreamState, UpdatePolicy, WindowMetrics, WindowReport } from '../engine/api';
import { createTailReader, type TailFormat } from '../core/stream/tail';
import { engineConnection } from './engine';
import { useRuns } from './runs';
import { useUi } from './ui';
import { createStreamSeries } from './streamSeries';

export interface StreamForm {
  datasetId: string | null;
  runId: string | null;
  timeColumn: string | null;
  windowKind: 'tumbling' | 'sliding';
  unit: 'rows' | 'time';
  /** Text as typed, so a bad value is kept to correct; parsed on Play. */
  size: string;
  step: string;
  rowsPerSecond: string;
  update: UpdatePolicy;
  /** How many windows from the start make the drift reference, as typed. */
  referenceWindows: string;
  driftRule: DriftRule;
}

const MAX_ALERTS = 200;
/** How often a tailed file is read again. */
export const TAIL_INTERVAL_MS = 2000;

export interface StreamStore {
  form: StreamForm;
  streamId: string | null;
  state: StreamState | 'idle';
  source: 'dataset' | 'live';
  windowsDone: number;
  totalWindows: number | null;
  rowsDone: number;
  totalRows: number | null;
  throughput: number;
  alerts: StreamAlert[];
  latestDrift: FeatureDrift[];
  /** The running (or last) stream's drift reference and rule, for the drift table's caption. */
  driftSettings: { referenceWindows: number; rule: DriftRule };
  latest: { frozen: WindowMetrics; updated: WindowMetrics; classBalance: number[]; ddm: WindowReport['ddm']; ddmLevel: WindowReport['ddmLevel'] } | null;
  updates: number;
  error: string | null;
  kept: string | null;
  tail: { name: string; bytes: number } | null;
  setForm(patch: Partial<StreamForm>): void;
  start(paused?: boolean): Promise<void>;
  startLive(handle: FileSystemFileHandle): Promise<void>;
  control(action: 'play' | 'pause' | 'step'): Promise<void>;
  stop(): Promise<void>;
  keep(): Promise<void>;
}

/** The series the charts draw: one per app, outside React state. */
export const streamSeries = createStreamSeries();
let counter = 0;
let tailTimer: ReturnType<typeof setInterval> | null = null;

function parseConfig(form: StreamForm, live: TailFormat | null): { ok: true; value: StreamConfig } | { ok: false; message: string } {
  if (!form.runId) return { ok: false, message: 'Pick a trained model (run) to watch.' };
  if (!live && !form.datasetId) return { ok: false, message: 'Pick a dataset to replay.' };
  const size = Number(form.size);
  const step = Number(form.step);
  const speed = form.rowsPerSecond.trim() === '' ? 0 : Number(form.rowsPerSecond);
  if (!(size > 0)) return { ok: false, message: `The window size "${form.size}" is not a positive number.` };
  if (form.windowKind === 'sliding' && !(step > 0 && step <= size)) return { ok: false, message: `The step "${form.step}" must be above zero and no larger than the window.` };
  if (!(speed >= 0)) return { ok: false, message: `The speed "${form.rowsPerSecond}" is not a number of rows per second (leave it empty or 0 for as fast as possible).` };
  const referenceWindows = Number(form.referenceWindows);
  if (!(Number.isInteger(referenceWindows) && referenceWindows >= 1)) return { ok: false, message: `The reference "${form.referenceWindows}" is not a whole number of windows (1 or more).` };
  const scale = form.unit === 'time' ? 60_000 : 1;
  return {
    ok: true,
    value: {
      runId: form.runId,
      source: live ? { kind: 'live', format: live } : { kind: 'dataset', datasetId: form.datasetId!, timeColumn: form.timeColumn },
      window: { kind: form.windowKind, unit: live ? 'rows' : form.unit, size: size * scale, ...(form.windowKind === 'sliding' ? { step: step * scale } : {}) },
      rowsPerSecond: speed,
      update: form.update,
      referenceWindows,
      driftRule: form.driftRule,
      partialFit: { epochs: 5, rounds: 5 },
      seed: 1,
    },
  };
}

export const useStream = create<StreamStore>((set, get) => {
  const metricOf = (runId: string) => {
    const run = useRuns.getState().runs.find((r) => r.id === runId);
    return run?.config.task === 'regression' ? 'rmse' : run?.config.task === 'multiclass' ? 'accuracy' : 'auc';
  };
  const onProgress = (p: StreamProgress) => {
    if (p.streamId !== get().streamId) return;
    streamSeries.push(p.windows, metricOf(get().form.runId ?? ''));
    const last = p.windows[p.windows.length - 1];
    const newAlerts = p.windows.flatMap((w) => w.alerts.filter((a) => a.kind !== 'ddm-warning'));
    set((s) => ({
      state: p.state,
      windowsDone: p.windowsDone,
      totalWindows: p.totalWindows,
      rowsDone: p.rowsDone,
      totalRows: p.totalRows,
      throughput: p.throughput,
      updates: s.updates + p.windows.filter((w) => w.update).length,
      ...(newAlerts.length ? { alerts: [...s.alerts, ...newAlerts].slice(-MAX_ALERTS) } : {}),
      ...(last ? { latestDrift: last.drift, latest: { frozen: last.frozen, updated: last.updated, classBalance: last.classBalance, ddm: last.ddm, ddmLevel: last.ddmLevel } } : {}),
    }));
    if (newAlerts.length) useUi.getState().announce(`Stream alert in window ${newAlerts[0].window + 1}: ${newAlerts[0].message}`);
  };

  const run = async (config: StreamConfig, source: 'dataset' | 'live') => {
    const { engine, callback } = engineConnection();
    const previous = get().streamId;
    if (previous) await engine.stream.close(previous);
    const streamId = `stream-${++counter}`;
    streamSeries.clear();
    set({ streamId, state: config.paused ? 'paused' : 'playing', source, driftSettings: { referenceWindows: config.referenceWindows ?? 1, rule: config.driftRule ?? 'psi-or-test' }, windowsDone: 0, totalWindows: null, rowsDone: 0, totalRows: null, alerts: [], latestDrift: [], latest: null, updates: 0, error: null, kept: null });
    const result = await engine.stream.start(config, streamId, callback(onProgress));
    if (tailTimer && get().streamId === streamId) {
      clearInterval(tailTimer);
      tailTimer = null;
    }
    if (get().streamId !== streamId) return;
    if (result.ok) set({ state: result.value.state, throughput: result.value.throughput });
    else set({ state: 'stopped', error: result.message });
  };

  return {
    form: { datasetId: null, runId: null, timeColumn: null, windowKind: 'tumbling', unit: 'rows', size: '500', step: '250', rowsPerSecond: '', update: 'every-window', referenceWindows: '1', driftRule: 'psi-or-test' },
    streamId: null,
    state: 'idle',
    source: 'dataset',
    windowsDone: 0,
    totalWindows: null,
    rowsDone: 0,
    totalRows: null,
    throughput: 0,
    alerts: [],
    latestDrift: [],
    driftSettings: { referenceWindows: 1, rule: 'psi-or-test' },
    latest: null,
    updates: 0,
    error: null,
    kept: null,
    tail: null,

    setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch }, error: null })),

    async start(paused = false) {
      const parsed = parseConfig(get().form, null);
      if (!parsed.ok) return set({ error: parsed.message });
      await run({ ...parsed.value, paused }, 'dataset');
    },

    async startLive(handle) {
      const format: TailFormat = /\.(jsonl|ndjson)$/i.test(handle.name) ? 'jsonl' : 'csv';
      const parsed = parseConfig({ ...get().form, unit: 'rows' }, format);
      if (!parsed.ok) return set({ error: parsed.message });
      const reader = createTailReader(format);
      set({ tail: { name: handle.name, bytes: 0 } });
      const poll = async () => {
        const { streamId } = get();
        if (!streamId) return;
        try {
          const r = await reader.read(await handle.getFile());
          set({ tail: { name: handle.name, bytes: reader.offset() } });
          if (r.lines.length === 0) return;
          const appended = await engineConnection().engine.stream.append(streamId, r.lines, reader.header());
          if (!appended.ok) set({ error: appended.message });
        } catch (error) {
          set({ error: `Could not read ${handle.name}: ${(error as Error).message}` });
        }
      };
      if (tailTimer) clearInterval(tailTimer);
      tailTimer = setInterval(() => void poll(), TAIL_INTERVAL_MS);
      setTimeout(() => void poll(), 100);
      await run(parsed.value, 'live');
    },

    async control(action) {
      const { streamId } = get();
      if (!streamId) return;
      const r = await engineConnection().engine.stream.control(streamId, action);
      if (r.ok) set({ state: r.value });
      else set({ error: r.message });
    },

    async stop() {
      const { streamId } = get();
      if (streamId) await engineConnection().engine.stream.stop(streamId);
    },

    async keep() {
      const { streamId } = get();
      if (!streamId) return;
      const r = await engineConnection().engine.stream.keepUpdated(streamId);
      if (!r.ok) return set({ error: r.message });
      useRuns.setState((s) => ({ runs: [...s.runs, r.value] }));
      set({ kept: r.value.label });
      useUi.getState().announce(`Kept the updated model as ${r.value.label}.`);
    },
  };
});
