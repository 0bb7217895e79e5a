/**
 * The Explain view: the chosen run and row, its waterfall, the what-if edits (only the latest
 * edit's answer is drawn), the global summary and importance jobs (with cancel), partial
 * dependence and the SHAP CSV download. Every engine call lives here, not in components.
 */
import { create } from 'zustand';
import type {
  JobProgress, DependenceResult, ExplainSettings, ExplainSpace, FeatureValue, GlobalExplanation, ImportanceResult, RowExplanation, RowMatch, RowValues, WorstError,
} from '../engine/api';
import { saveBlob } from './download';
import { engineConnection } from './engine';
import { useRuns } from './runs';

export interface ExplainJob {
  id: string;
  fraction: number | null;
  message: string;
}

export interface ExplainStore {
  runId: string | null;
  rowIndex: number | null;
  settings: ExplainSettings;
  row: RowExplanation | null;
  rowError: string | null;
  values: RowValues | null;
  edits: Record<string, FeatureValue>;
  whatIf: RowExplanation | null;
  whatIfError: string | null;
  worst: WorstError[];
  matches: RowMatch[];
  global: GlobalExplanation | null;
  globalJob: ExplainJob | null;
  globalError: string | null;
  importance: ImportanceResult | null;
  importanceJob: ExplainJob | null;
  importanceError: string | null;
  dependence: DependenceResult | null;
  dependenceError: string | null;
  exportNote: string | null;

  open(runId: string): Promise<void>;
  selectRow(rowIndex: number): Promise<void>;
  setSpace(space: ExplainSpace): Promise<void>;
  editValue(name: string, value: FeatureValue): Promise<void>;
  resetEdits(): void;
  search(query: string): Promise<void>;
  runGlobal(rows: number): Promise<void>;
  cancelGlobal(): Promise<void>;
  runImportance(repeats: number): Promise<void>;
  cancelImportance(): Promise<void>;
  loadDependence(feature: string): Promise<void>;
  exportCsv(): Promise<void>;
}

const DEFAULT_SETTINGS: ExplainSettings = { space: 'probability', method: 'auto', samples: 2048, backgroundSize: 30, backgroundKind: 'kmeans' };
/** The global summary trades samples for rows: 512 coalitions a row keeps 200 rows to seconds. */
const GLOBAL_SAMPLES = 512;
const GLOBAL_BACKGROUND = 20;
let jobCounter = 0;
/** Only the latest what-if request may draw: answers to older edits are dropped. */
let whatIfRequest = 0;
let rowRequest = 0;

export const useExplain = create<ExplainStore>((set, get) => ({
  runId: null,
  rowIndex: null,
  settings: DEFAULT_SETTINGS,
  row: null,
  rowError: null,
  values: null,
  edits: {},
  whatIf: null,
  whatIfError: null,
  worst: [],
  matches: [],
  global: null,
  globalJob: null,
  globalError: null,
  importance: null,
  importanceJob: null,
  importanceError: null,
  dependence: null,
  dependenceError: null,
  exportNote: null,

  async open(runId) {
    if (get().runId === runId) return;
    // Trees explain themselves exactly and fast (TreeSHAP) in their own margin: start there.
    const summary = useRuns.getState().runs.find((r) => r.id === runId);
    const settings: ExplainSettings = summary?.capabilities.exactExplainer === 'tree' ? { ...DEFAULT_SETTINGS, space: 'margin' } : DEFAULT_SETTINGS;
    set({ runId, rowIndex: null, row: null, rowError: null, values: null, edits: {}, whatIf: null, whatIfError: null, matches: [], global: null, globalError: null, importance: null, importanceError: null, dependence: null, dependenceError: null, exportNote: null, settings });
    const answer = await engineConnection().engine.explain.worstErrors(runId, 8);
    if (get().runId !== runId) return;
    const worst = answer.ok ? answer.value : [];
    set({ worst });
    if (worst.length > 0) await get().selectRow(worst[0].rowIndex);
  },

  async selectRow(rowIndex) {
    const { runId, settings } = get();
    if (!runId) return;
    const request = ++rowRequest;
    whatIfRequest++;
    set({ rowIndex, edits: {}, whatIf: null, whatIfError: null, rowError: null });
    const { engine } = engineConnection();
    const [row, values] = await Promise.all([engine.explain.explainRow(runId, rowIndex, settings), engine.explain.rowValues(runId, rowIndex)]);
    if (request !== rowRequest) return;
    set({ row: row.ok ? row.value : null, rowError: row.ok ? null : row.message, values: values.ok ? values.value : null });
  },

  async setSpace(space) {
    set((s) => ({ settings: { ...s.settings, space }, global: null, dependence: null }));
    const { rowIndex, edits } = get();
    if (rowIndex !== null) {
      const keep = edits;
      await get().selectRow(rowIndex);
      if (Object.keys(keep).length > 0) for (const [name, value] of Object.entries(keep)) await get().editValue(name, value);
    }
  },

  async editValue(name, value) {
    const { runId, rowIndex, settings } = get();
    if (!runId || rowIndex === null) return;
    const edits = { ...get().edits, [name]: value };
    set({ edits });
    const request = ++whatIfRequest;
    const result = await engineConnection().engine.explain.whatIf(runId, rowIndex, edits, settings);
    if (request !== whatIfRequest) return;
    set(result.ok ? { whatIf: result.value, whatIfError: null } : { whatIfError: result.message });
  },

  resetEdits() {
    whatIfRequest++;
    set({ edits: {}, whatIf: null, whatIfError: null });
  },

  async search(query) {
    const runId = get().runId;
    if (!runId) return;
    const matches = await engineConnection().engine.explain.searchRows(runId, query);
    set({ matches: matches.ok ? matches.value : [] });
  },

  async runGlobal(rows) {
    const { runId, settings, globalJob } = get();
    if (!runId || globalJob) return;
    const id = `explain-${++jobCounter}`;
    set({ globalJob: { id, fraction: 0, message: 'Starting…' }, globalError: null });
    const { engine, callback } = engineConnection();
    try {
      const result = await engine.explain.explainGlobal(
        runId,
        { ...settings, rows, samples: GLOBAL_SAMPLES, backgroundSize: GLOBAL_BACKGROUND },
        id,
        callback((p: JobProgress) => set((s) => (s.globalJob && s.globalJob.id === p.jobId ? { globalJob: { id: p.jobId, fraction: p.fraction, message: p.message } } : {}))),
      );
      if (result.ok) set({ global: result.value });
      else set({ globalError: result.message });
    } catch (error) {
      set({ globalError: `The summary failed: ${(error as Error).message}` });
    } finally {
      set({ globalJob: null });
    }
  },

  async cancelGlobal() {
    const job = get().globalJob;
    if (job) await engineConnection().engine.session.cancel(job.id);
  },

  async runImportance(repeats) {
    const { runId, importanceJob } = get();
    if (!runId || importanceJob) return;
    const id = `importance-${++jobCounter}`;
    set({ importanceJob: { id, fraction: 0, message: 'Starting…' }, importanceError: null });
    const { engine, callback } = engineConnection();
    try {
      const result = await engine.explain.permutationImportance(runId, { repeats }, id, callback((p: JobProgress) => set((s) => (s.importanceJob && s.importanceJob.id === p.jobId ? { importanceJob: { id: p.jobId, fraction: p.fraction, message: p.message } } : {}))));
      if (result.ok) set({ importance: result.value });
      else set({ importanceError: result.message });
    } finally {
      set({ importanceJob: null });
    }
  },

  async cancelImportance() {
    const job = get().importanceJob;
    if (job) await engineConnection().engine.session.cancel(job.id);
  },

  async loadDependence(feature) {
    const { runId, settings } = get();
    if (!runId) return;
    const result = await engineConnection().engine.explain.partialDependence(runId, feature, settings.space);
    set(result.ok ? { dependence: result.value, dependenceError: null } : { dependence: null, dependenceError: result.message });
  },

  async exportCsv() {
    const runId = get().runId;
    if (!runId) return;
    const result = await engineConnection().engine.explain.exportShapCsv(runId);
    if (!result.ok) {
      set({ exportNote: result.message });
      return;
    }
    saveBlob(`loupe-${runId}-shap-${result.value.space}.csv`, result.value.csv);
    set({ exportNote: `${result.value.rows} explained rows, in ${result.value.space === 'margin' ? 'log-odds' : 'the output'} space.` });
  },
}));
