/** Reloaded models, owned by the engine: each registered as a resource until removed. */
import { parsePipelineFile, scoreWithSaved, type PipelineFile } from '../../core/experiment/reload';
import { disposeModel, loadModel, type TrainedModel } from '../../core/models';
import type { DatasetHost } from '../data/service';
import { fail, ok } from '../outcome';
import type { Resources } from '../resources';
import type { SavedApi } from './api';

const PREVIEW_LINES = 6;

export function createSavedService(datasets: DatasetHost, resources: Resources): SavedApi {
  const models = new Map<string, { model: TrainedModel; pipeline: PipelineFile; weightBytes: number }>();

  resources.add({
    list: () =>
      [...models.entries()].map(([id, m]) => ({ id, kind: 'saved-model' as const, label: `Reloaded model (${m.pipeline.target})`, bytes: m.weightBytes, dependsOn: [] })),
  });

  return {
    async loadSavedModel(files) {
      const parsed = parsePipelineFile(files.pipelineJson);
      if (!parsed.ok) return fail('bad-file', parsed.message);
      let model: TrainedModel;
      try {
        model = await loadModel({ modelJson: files.modelJson, weights: files.weights });
      } catch (error) {
        return fail('bad-file', `The model files could not be read: ${(error as Error).message}`);
      }
      const modelId = resources.newId('saved');
      models.set(modelId, { model, pipeline: parsed.value, weightBytes: files.weights.byteLength });
      const p = parsed.value;
      return ok({ modelId, target: p.target, task: p.task, classes: p.classes, features: p.pipeline.features.map((f) => f.column) });
    },

    async scoreWithSavedModel(modelId, datasetId) {
      const saved = models.get(modelId);
      const ds = datasets.get(datasetId);
      if (!saved || !ds) return fail('not-found', 'That model or dataset is no longer loaded.');
      const result = await scoreWithSaved(saved.model, saved.pipeline, ds);
      if (!result.ok) return fail('bad-data', result.message);
      const csv = result.value.csv;
      return ok({ csv: new Blob([csv], { type: 'text/csv' }), rows: result.value.rows, preview: csv.split('\n', PREVIEW_LINES) });
    },

    async removeSavedModel(modelId) {
      const saved = models.get(modelId);
      if (!saved) return fail('not-found', 'That model is no longer loaded.');
      disposeModel(saved.model);
      models.delete(modelId);
      return ok({ modelId });
    },
  };
}
