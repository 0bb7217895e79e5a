/** Models loaded back from downloaded files, used to score loaded datasets. */
import type { TaskKind } from '../../core/prep';
import type { Outcome } from '../outcome';

/** What the user picked: the three files of a downloaded model, read as they are. */
export interface SavedModelFiles {
  modelJson: string;
  weights: ArrayBuffer;
  pipelineJson: string;
}

export interface SavedModelSummary {
  modelId: string;
  target: string;
  task: TaskKind;
  classes: string[];
  features: string[];
}

export interface SavedModelScores {
  /** The scores of every row, as a CSV file built in the worker. */
  csv: Blob;
  rows: number;
  /** The first lines of the CSV, header included, for a preview. */
  preview: string[];
}

export interface SavedApi {
  /** Load a downloaded model (model.json + weights.bin + pipeline JSON) back into the engine. */
  loadSavedModel(files: SavedModelFiles): Promise<Outcome<SavedModelSummary, 'bad-file'>>;
  /** Score every row of a loaded dataset with a reloaded model. */
  scoreWithSavedModel(modelId: string, datasetId: string): Promise<Outcome<SavedModelScores, 'not-found' | 'bad-data'>>;
  removeSavedModel(modelId: string): Promise<Outcome<{ modelId: string }, 'not-found'>>;
}
