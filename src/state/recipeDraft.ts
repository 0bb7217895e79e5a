/**
 * The recipe being written for each dataset, before it is applied: steps the Clean view, the
 * privacy panel and the anomaly panel add to. Applying it (state/clean.ts) makes a new version.
 */
import { create } from 'zustand';
import type { RecipeStep } from '../core/clean/types';

export interface RecipeDraftStore {
  /** Steps by source dataset id. */
  drafts: Record<string, RecipeStep[]>;
  addStep(datasetId: string, step: RecipeStep): void;
  removeStep(datasetId: string, index: number): void;
  moveStep(datasetId: string, from: number, to: number): void;
  setSteps(datasetId: string, steps: RecipeStep[]): void;
}

export const useRecipeDraft = create<RecipeDraftStore>((set) => ({
  drafts: {},
  addStep: (datasetId, step) => set((s) => ({ drafts: { ...s.drafts, [datasetId]: [...(s.drafts[datasetId] ?? []), step] } })),
  removeStep: (datasetId, index) => set((s) => ({ drafts: { ...s.drafts, [datasetId]: (s.drafts[datasetId] ?? []).filter((_, i) => i !== index) } })),
  moveStep: (datasetId, from, to) =>
    set((s) => {
      const steps = [...(s.drafts[datasetId] ?? [])];
      if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) return s;
      const [step] = steps.splice(from, 1);
      steps.splice(to, 0, step);
      return { drafts: { ...s.drafts, [datasetId]: steps } };
    }),
  setSteps: (datasetId, steps) => set((s) => ({ drafts: { ...s.drafts, [datasetId]: steps } })),
}));
