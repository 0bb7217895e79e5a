/** Models loaded back from downloaded files, owned by the engine, used to score loaded datasets. */
import { readModelDownload, scoreWithSaved, type PipelineFile } from '../core/experiment/reload';
import type { Dataset, Result } from '../core/frame/types';
import type { FittedModel, ModelFile } from '../core/models';
import type { TaskKind } from '../core/prep';

/** Every file of one model download, in any order: the pipeline JSON and the model's own files. */
export type SavedModelFiles = ModelFile[];

export interface SavedModelSummary {
  modelId: string;
  target: string;
  task: TaskKind;
  classes: string[];
  features: string[];
}

export interface SavedModelScores {
  csv: string;
  rows: number;
  /** The first lines of the CSV, header included, for a preview. */
  preview: string[];
}

export function createSavedModelService(datasetOf: (id: string) => Dataset | null) {
  const models = new Map<string, { model: FittedModel; pipeline: PipelineFile }>();
  let counter = 0;
  return {
    async load(files: SavedModelFiles): Promise<Result<SavedModelSummary, { message: string }>> {
      const read = await readModelDownload(files);
      if (!read.ok) return { ok: false, error: { message: read.message } };
      const { model, pipeline: p } = read.value;
      const modelId = `saved${++counter}`;
      models.set(modelId, { model, pipeline: p });
      return { ok: true, value: { modelId, target: p.target, task: p.task, classes: p.classes, features: p.pipeline.features.map((f) => f.column) } };
    },

    async score(modelId: string, datasetId: string): Promise<Result<SavedModelScores, { message: string }>> {
      const saved = models.get(modelId);
      const ds = datasetOf(datasetId);
      if (!saved || !ds) return { ok: false, error: { message: 'That model or dataset is no longer loaded.' } };
      const result = await scoreWithSaved(saved.model, saved.pipeline, ds);
      if (!result.ok) return { ok: false, error: { message: result.message } };
      return { ok: true, value: { csv: result.value.csv, rows: result.value.rows, preview: result.value.csv.split('\n').slice(0, 6) } };
    },

    remove(modelId: string): void {
      const saved = models.get(modelId);
      if (saved) saved.model.dispose();
      models.delete(modelId);
    },
  };
}
