/** The ONNX export offer of the run on screen (sizes and metric changes per precision) and its download. */
import { create } from 'zustand';
import type { OnnxOffer, Precision } from '../engine/api';
import { saveBlob } from './download';
import { engineConnection } from './engine';
import { useRuns } from './runs';

export interface OnnxExportStore {
  open: boolean;
  runId: string | null;
  offer: OnnxOffer | null;
  loading: boolean;
  precision: Precision;
  error: string | null;
  toggle(): Promise<void>;
  choose(precision: Precision): void;
  download(): Promise<void>;
}

export const useOnnxExport = create<OnnxExportStore>((set, get) => ({
  open: false,
  runId: null,
  offer: null,
  loading: false,
  precision: 'float32',
  error: null,

  async toggle() {
    const runId = useRuns.getState().selectedRunId;
    if (get().open && get().runId === runId) return set({ open: false });
    set({ open: true, runId, offer: get().runId === runId ? get().offer : null, error: null });
    if (!runId || (get().offer && get().runId === runId)) return;
    set({ loading: true });
    const result = await engineConnection().engine.portable.onnxOffer(runId);
    if (get().runId !== runId) return;
    set(result.ok ? { offer: result.value, loading: false } : { offer: null, loading: false, error: result.message });
  },

  choose(precision) {
    set({ precision });
  },

  async download() {
    const { runId, precision } = get();
    const run = useRuns.getState().runs.find((r) => r.id === runId);
    if (!run) return;
    const result = await engineConnection().engine.portable.exportOnnx(run.id, precision);
    if (!result.ok) return set({ error: result.message });
    saveBlob(`loupe-${run.id}-${run.config.target}-${precision}.onnx`, result.value);
  },
}));
