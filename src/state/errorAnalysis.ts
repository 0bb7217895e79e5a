/** Error analysis for the selected run: one slice table and the confident-errors list, latest request wins. */
import { create } from 'zustand';
import type { ConfidentError, SliceTable } from '../engine/api';
import { engineConnection } from './engine';
import { useRuns } from './runs';

export interface ErrorAnalysisStore {
  runId: string | null;
  column: string | null;
  table: SliceTable | null;
  error: string | null;
  errors: { columns: string[]; rows: ConfidentError[] } | null;
  sliceBy(runId: string, column: string): Promise<void>;
  loadErrors(runId: string): Promise<void>;
}

let request = 0;
let errorsRequest = 0;
const ERROR_ROWS = 20;

export const useErrorAnalysis = create<ErrorAnalysisStore>((set) => ({
  runId: null,
  column: null,
  table: null,
  error: null,
  errors: null,

  async sliceBy(runId, column) {
    const mine = ++request;
    set({ runId, column, error: null });
    // At the threshold on screen, as the metric cards above are.
    const result = await engineConnection().engine.runs.sliceMetrics(runId, column, useRuns.getState().threshold);
    if (mine !== request) return;
    set(result.ok ? { table: result.value, error: null } : { table: null, error: result.message });
  },

  async loadErrors(runId) {
    const mine = ++errorsRequest;
    const result = await engineConnection().engine.runs.confidentErrors(runId, ERROR_ROWS, useRuns.getState().threshold);
    if (mine !== errorsRequest) return;
    set({ errors: result.ok ? { columns: result.value.columns, rows: result.value.errors } : null });
  },
}));
