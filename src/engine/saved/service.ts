/** Reloaded models, owned by the engine: each registered as a resource until removed. */
import { readModelDownload, scoreWithSaved, type PipelineFile } from '../../core/experiment/reload';
import type { FittedModel } from '../../core/models';
import type { DatasetHost } from '../data/service';
import { fail, ok } from '../outcome';
import type { Resources } from '../resources';
import type { SavedApi } from './api';

const PREVIEW_LINES = 6;

export function createSavedService(datasets: DatasetHost, resources: Resources): SavedApi {
  const models = new Map<string, { model: FittedModel; pipeline: PipelineFile }>();

  resources.add({
    list: () =>
      [...models.entries()].map(([id, m]) => ({ id, kind: 'saved-model' as const, label: `Reloaded model (${m.pipeline.target})`, bytes: m.model.bytes(), dependsOn: [] })),
  });

  return {
    async loadSavedModel(files) {
      const read = await readModelDownload(files);
      if (!read.ok) return fail('bad-file', read.message);
      const { model, pipeline: p } = read.value;
      const modelId = resources.newId('saved');
      models.set(modelId, { model, pipeline: p });
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
      saved.model.dispose();
      models.delete(modelId);
      return ok({ modelId });
    },
  };
}
