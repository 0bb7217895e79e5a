/**
 * The anomaly service: runs core's isolation forest on a held dataset as a job, and records what
 * it did in the audit log (names, ids and counts, never cell values).
 */
import { detectAnomalies } from '../../core/anomaly/detect';
import type { AuditLog } from '../audit/log';
import type { DatasetHost } from '../data/service';
import type { JobRunner } from '../jobs';
import { fail, ok } from '../outcome';
import type { AnomalyApi } from './api';
import { anomalousRows, scoreHistogram } from './summary';

export const MAX_TOP = 100;

export function createAnomalyService(datasets: DatasetHost, jobs: JobRunner, audit: AuditLog): AnomalyApi {
  return {
    score: (datasetId, request, jobId, onProgress) => jobs.run(jobId, onProgress, async (job) => {
      const dataset = datasets.get(datasetId);
      if (!dataset) return fail('not-found', 'That dataset is no longer loaded: load it again to look for anomalies.');
      const { topN, ...spec } = request;
      if (!Number.isInteger(topN) || topN < 1 || topN > MAX_TOP) return fail('bad-input', `Top anomalies must be a whole number from 1 to ${MAX_TOP}.`);
      job.progress({ jobId, fraction: 0, message: 'Building the isolation forest…' }, true);
      const result = await detectAnomalies(dataset, spec, {
        signal: job.signal,
        onProgress: (fraction) => job.progress({ jobId, fraction, message: fraction < 0.1 ? 'Building the isolation forest…' : 'Scoring rows…' }),
        pause: () => job.yield(),
      });
      if (!result.ok) return result.cancelled ? fail('cancelled', 'Anomaly detection was cancelled.') : fail('bad-input', result.message);
      const detection = result.value;
      const top = anomalousRows(dataset, detection, topN);
      audit.record('anomaly', dataset.name, [dataset.id],
        `Scored ${dataset.rowCount} rows on ${detection.prepared.columns.length} columns (${detection.prepared.columns.map((c) => c.name).join(', ')}) with an isolation forest of ${spec.nTrees} trees, seed ${spec.seed}; ${detection.flagged} rows above the threshold`);
      job.progress({ jobId, fraction: 1, message: 'Done' }, true);
      return ok({
        datasetId: dataset.id, datasetName: dataset.name, rowCount: dataset.rowCount, spec,
        used: detection.prepared.columns, excluded: detection.prepared.excluded, sampleSize: detection.forest.sampleSize,
        bins: scoreHistogram(detection.scores, detection.flags), threshold: detection.threshold, flagged: detection.flagged,
        top, cellColumns: detection.prepared.columns.map((c) => c.name), timings: detection.timings,
      });
    }),
  };
}
