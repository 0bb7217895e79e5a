/** Models loaded back from downloaded files, used to score loaded datasets. */
import type { TaskKind } from '../../core/prep';
import type { Outcome } from '../outcome';

import type { ModelFile } from '../../core/models';

/** What the user picked: every file of one model download, any order (JSON as text, the rest as bytes). */
export type SavedModelFiles = ModelFile[];

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
  /** Load a downloaded model (its pipeline JSON and the kind's model files) back into the engine. */
  loadSavedModel(files: SavedModelFiles): Promise<Outcome<SavedModelSummary, 'bad-file'>>;
  /** Score every row of a loaded dataset with a reloaded model. */
  scoreWithSavedModel(modelId: string, datasetId: string): Promise<Outcome<SavedModelScores, 'not-found' | 'bad-data'>>;
  removeSavedModel(modelId: string): Promise<Outcome<{ modelId: string }, 'not-found'>>;
}
