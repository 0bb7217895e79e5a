/** The explain service: the public ExplainApi over the explainer; the two long calls are jobs. */
import type { JobRunner } from '../jobs';
import type { ExplainApi } from './api';
import type { Explainer } from './explainer';

export function createExplainService(explainer: Explainer, jobs: JobRunner): ExplainApi {
  return {
    explainRow: async (runId, rowIndex, settings) => explainer.explainRow(runId, rowIndex, settings),
    explainGlobal: (runId, settings, jobId, onProgress) => jobs.run(jobId, onProgress, (job) => explainer.explainGlobal(runId, settings, job)),
    permutationImportance: (runId, options, jobId, onProgress) => jobs.run(jobId, onProgress, (job) => explainer.permutationImportance(runId, options.repeats, job)),
    partialDependence: async (runId, feature, space) => explainer.partialDependence(runId, feature, space),
    whatIf: async (runId, rowIndex, edits, settings) => explainer.whatIf(runId, rowIndex, edits, settings),
    rowValues: async (runId, rowIndex) => explainer.rowValues(runId, rowIndex),
    searchRows: async (runId, query) => explainer.searchRows(runId, query),
    worstErrors: async (runId, n) => explainer.worstErrors(runId, n),
    exportShapCsv: async (runId) => explainer.exportShapCsv(runId),
  };
}
