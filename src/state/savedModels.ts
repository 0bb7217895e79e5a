/** A model reloaded from downloaded files, and the scores of a file it was applied to. */
import { create } from 'zustand';
import type { SavedModelScores, SavedModelSummary } from '../engine/api';
import { saveBlob } from './download';
import { engineConnection } from './engine';

export interface SavedModelsStore {
  model: SavedModelSummary | null;
  scores: (SavedModelScores & { datasetName: string }) | null;
  message: string | null;
  busy: boolean;
  /** Every file of one model download, in any order: the pipeline JSON and the model's files. */
  load(files: File[]): Promise<void>;
  score(datasetId: string, datasetName: string): Promise<void>;
  downloadScores(): void;
}

export const useSavedModels = create<SavedModelsStore>((set, get) => ({
  model: null,
  scores: null,
  message: null,
  busy: false,

  async load(files) {
    if (files.length === 0) return;
    // JSON files go as text (the engine tells the pipeline from the model by content), the rest as bytes.
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, data: f.name.toLowerCase().endsWith('.json') ? await f.text() : await f.arrayBuffer() })));
    set({ busy: true, message: null });
    try {
      const result = await engineConnection().engine.saved.loadSavedModel(read);
      set(result.ok ? { model: result.value, scores: null, message: null } : { model: null, scores: null, message: result.message });
    } finally {
      set({ busy: false });
    }
  },

  async score(datasetId, datasetName) {
    const model = get().model;
    if (!model) return;
    set({ busy: true, message: null });
    try {
      const result = await engineConnection().engine.saved.scoreWithSavedModel(model.modelId, datasetId);
      set(result.ok ? { scores: { ...result.value, datasetName } } : { scores: null, message: result.message });
    } finally {
      set({ busy: false });
    }
  },

  downloadScores() {
    const scores = get().scores;
    if (scores) saveBlob(`loupe-scores-${scores.datasetName.replace(/\.[^.]+$/, '')}.csv`, scores.csv);
  },
}));
