/**
 * The Clean view's engine calls: preview the draft recipe of a dataset (after each change), apply
 * it as a job that makes a new dataset version (then selected for Train), and move recipes in and
 * out as JSON files. The draft itself lives in recipeDraft.ts, shared with the privacy and anomaly panels.
 */
import { create } from 'zustand';
import type { RecipePreview, JobProgress } from '../engine/api';
import { useDatasets } from './datasets';
import { engineConnection } from './engine';
import { saveBlob } from './download';
import { usePseudonymKey } from './pseudonymKey';
import { useRecipeDraft } from './recipeDraft';
import { useUi } from './ui';

export interface CleanJob {
  id: string;
  datasetId: string;
  fraction: number | null;
  message: string;
}

export interface CleanStore {
  /** The latest preview per dataset id, with the draft length it was made for. */
  previews: Record<string, RecipePreview & { stepCount: number }>;
  job: CleanJob | null;
  /** The latest problem or success per dataset id. */
  notes: Record<string, { kind: 'error' | 'done'; text: string }>;
  preview(datasetId: string): Promise<void>;
  apply(datasetId: string): Promise<void>;
  cancel(): Promise<void>;
  exportRecipe(datasetId: string): Promise<void>;
  importRecipe(datasetId: string, file: File): Promise<void>;
  /** Copy this dataset's draft to another dataset with the same columns. */
  copyTo(fromId: string, toId: string): Promise<void>;
}

let counter = 0;
const secrets = () => ({ ...(usePseudonymKey.getState().key ? { pseudonymKey: usePseudonymKey.getState().key! } : {}) });
const steps = (datasetId: string) => useRecipeDraft.getState().drafts[datasetId] ?? [];

export const useClean = create<CleanStore>((set, get) => {
  const note = (datasetId: string, kind: 'error' | 'done', text: string) => set((s) => ({ notes: { ...s.notes, [datasetId]: { kind, text } } }));

  return {
    previews: {},
    job: null,
    notes: {},

    async preview(datasetId) {
      const draft = steps(datasetId);
      if (draft.length === 0) return set((s) => ({ previews: { ...s.previews, [datasetId]: { reports: [], failedStep: null, message: null, rowsAfter: 0, columnsAfter: 0, stepCount: 0 } } }));
      const result = await engineConnection().engine.clean.preview(datasetId, draft, secrets());
      // A newer draft may have been previewed meanwhile: keep the one that matches what is on screen.
      if (steps(datasetId) !== draft) return;
      if (result.ok) set((s) => ({ previews: { ...s.previews, [datasetId]: { ...result.value, stepCount: draft.length } } }));
      else note(datasetId, 'error', result.message);
    },

    async apply(datasetId) {
      if (get().job) return;
      const id = `clean-${Date.now().toString(36)}-${++counter}`;
      set({ job: { id, datasetId, fraction: 0, message: 'Starting…' } });
      const { engine, callback } = engineConnection();
      try {
        const result = await engine.clean.apply(datasetId, steps(datasetId), secrets(), id, callback((p: JobProgress) => set((s) => (s.job?.id === p.jobId ? { job: { ...s.job, fraction: p.fraction, message: p.message } } : {}))));
        if (!result.ok) return note(datasetId, 'error', result.message);
        const profile = result.value.profile;
        await useDatasets.getState().refresh();
        useDatasets.getState().select(profile.id);
        // The new version is selected, so the note goes with it (and with the original, for going back).
        const text = `Made ${profile.name}: ${profile.rowCount.toLocaleString('en-US')} rows × ${profile.columnCount} columns. It is selected for Train; ${useDatasets.getState().byId[datasetId]?.name ?? 'the original'} is unchanged.`;
        note(datasetId, 'done', text);
        note(profile.id, 'done', text);
        useUi.getState().announce(`Recipe applied: ${profile.name} is ready`);
      } catch (error) {
        note(datasetId, 'error', `Cleaning failed: ${(error as Error).message}`);
      } finally {
        set({ job: null });
      }
    },

    async cancel() {
      const job = get().job;
      if (job) await engineConnection().engine.session.cancel(job.id);
    },

    async exportRecipe(datasetId) {
      const result = await engineConnection().engine.clean.exportRecipe(datasetId, steps(datasetId));
      if (!result.ok) return note(datasetId, 'error', result.message);
      const name = useDatasets.getState().byId[datasetId]?.name ?? 'dataset';
      saveBlob(`${name.replace(/\.[a-z]+$/i, '')}-recipe.json`, result.value);
    },

    async importRecipe(datasetId, file) {
      const text = await file.text();
      const result = await engineConnection().engine.clean.readRecipe(text, datasetId);
      // A bad file changes nothing: the draft on screen stays as it was.
      if (!result.ok) return note(datasetId, 'error', `${file.name}: ${result.message}`);
      useRecipeDraft.getState().setSteps(datasetId, result.value);
      note(datasetId, 'done', `Read ${result.value.length} steps from ${file.name}.`);
      await get().preview(datasetId);
    },

    async copyTo(fromId, toId) {
      const blob = await engineConnection().engine.clean.exportRecipe(fromId, steps(fromId));
      if (!blob.ok) return note(fromId, 'error', blob.message);
      const result = await engineConnection().engine.clean.readRecipe(await blob.value.text(), toId);
      if (!result.ok) return note(fromId, 'error', result.message);
      useRecipeDraft.getState().setSteps(toId, result.value);
      useDatasets.getState().select(toId);
      note(toId, 'done', `Copied ${result.value.length} steps from ${useDatasets.getState().byId[fromId]?.name}. Check the preview, then apply.`);
      await get().preview(toId);
    },
  };
});
