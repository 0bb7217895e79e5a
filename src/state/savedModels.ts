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
  /** The three downloaded files, in any order: model.json, weights.bin and the pipeline JSON. */
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
    const weightsFile = files.find((f) => f.name.endsWith('.bin'));
    const jsons = files.filter((f) => f.name.endsWith('.json'));
    const texts = await Promise.all(jsons.map((f) => f.text()));
    const modelIndex = texts.findIndex((t) => t.includes('"modelTopology"'));
    const pipelineIndex = texts.findIndex((t) => t.includes('"loupe-pipeline/'));
    if (!weightsFile || modelIndex < 0 || pipelineIndex < 0) {
      set({ message: 'Choose the three files of a downloaded model together: model.json, weights.bin and the …-pipeline.json file.', model: null, scores: null });
      return;
    }
    set({ busy: true, message: null });
    try {
      const result = await engineConnection().engine.saved.loadSavedModel({ modelJson: texts[modelIndex], weights: await weightsFile.arrayBuffer(), pipelineJson: texts[pipelineIndex] });
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
