/** The runs service: the public RunsApi over the run store. Exports are built here as Blobs. */
import { activeBackend } from '../../core/compute/backends';
import { encodedRowsCsv, predictionsCsv, runReport } from '../../core/experiment/exports';
import { modelDownload } from '../../core/experiment/reload';
import { confidentErrors, sliceMetrics } from '../../core/experiment/errorAnalysis';
import { setupTask } from '../../core/experiment/setup';
import { htmlReport } from '../../core/report/htmlReport';
import { testMetricsTable } from '../../core/experiment/thresholdMetrics';
import type { BinaryMetricsTable } from '../../core/metrics';
import { defaultModelSpec, modelKindInfos, parseModelSpec } from '../../core/models';
import { transform } from '../../core/prep';
import type { DatasetHost } from '../data/service';
import type { JobRunner } from '../jobs';
import { fail, ok } from '../outcome';
import { createLedger } from '../resources';
import type { AuditLog } from '../audit/log';
import type { RunsApi } from './api';
import { datasetWords } from '../../core/clean/lineage';
import { mergeSteps, type RunStore } from './store';
import { treeView } from './trees';

const gone = (runId: string) => fail('not-found', `That run (${runId}) is no longer available; train it again.`);

export function createRunsService(store: RunStore, datasets: DatasetHost, jobs: JobRunner, onRemove: (runId: string) => void, audit?: AuditLog): RunsApi {
  // Names and ids only: what was trained or exported, never a cell value.
  const exported = (runId: string, what: string) => {
    const summary = store.get(runId)?.summary;
    if (summary) audit?.record('export', summary.label, [runId, summary.datasetId], `Exported the ${what}`);
  };
  // One sorted test split per run, so each slider step is a binary search, not a sort (issue 16).
  const metricsTables = new WeakMap<object, BinaryMetricsTable>();
  return {
    async setupTask(datasetId, target, override) {
      const ds = datasets.get(datasetId);
      if (!ds) return fail('not-found', 'That dataset is no longer loaded.');
      const setup = setupTask(ds, target, override ?? undefined);
      return setup.ok ? setup : fail('bad-target', setup.error.message);
    },

    async modelKinds() {
      return modelKindInfos();
    },

    async defaultModel(kind, task) {
      return defaultModelSpec(kind, task);
    },

    async checkModel(spec, task) {
      const parsed = parseModelSpec(spec, task);
      return parsed.ok ? parsed : fail('bad-config', parsed.message);
    },

    async train(datasetId, config, jobId, onProgress) {
      const result = await jobs.run(jobId, onProgress, (job) => store.train(datasetId, config, job), mergeSteps);
      if (result.ok) {
        const s = result.value;
        audit?.record('train', s.label, [s.id, s.datasetId], `Trained ${config.model.kind} on ${datasetWords(s)} to predict ${config.target} from ${config.features.length} columns, ${s.trainRows.toLocaleString('en-US')} training rows`);
      }
      return result;
    },

    /** Exact (float64 over the test split), not read off a thinned curve; the split is sorted once per run. */
    async metricsAt(runId, threshold) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const { run } = stored;
      if (run.config.task !== 'binary') return fail('not-binary', 'A threshold applies to binary classification only.');
      let table = metricsTables.get(run);
      if (!table) metricsTables.set(run, (table = testMetricsTable(run)));
      return ok(table.at(threshold));
    },

    async exportReport(runId, threshold) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const { summary, run } = stored;
      const report = runReport(run, { runId, dataset: summary.datasetName, backend: summary.backend, createdAt: summary.createdAt, datasetVersion: summary.datasetVersion, ...(summary.datasetLineage ? { lineage: summary.datasetLineage } : {}) }, threshold ?? undefined);
      exported(runId, 'run report (JSON)');
      return ok(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
    },

    async exportHtmlReport(runId, threshold) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const { summary, run } = stored;
      const html = htmlReport(run, { runId, dataset: datasetWords(summary), backend: summary.backend, createdAt: summary.createdAt }, threshold ?? undefined);
      exported(runId, 'run report (HTML)');
      return ok(new Blob([html], { type: 'text/html' }));
    },

    async exportPredictions(runId, threshold) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      exported(runId, 'predictions (CSV)');
      return ok(new Blob([predictionsCsv(stored.run, threshold ?? undefined)], { type: 'text/csv' }));
    },

    async exportEncodedRows(runId) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const design = transform(stored.run.pipeline, stored.dataset.columns, null);
      exported(runId, 'encoded rows (CSV)');
      return ok(new Blob(encodedRowsCsv(stored.run, design), { type: 'text/csv' }));
    },

    async exportModel(runId) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const name = `loupe-${runId}-${stored.summary.datasetName.replace(/\.[^.]+$/, '')}-pipeline.json`;
      const files = await modelDownload(stored.run, name);
      exported(runId, `model (${files.length} files)`);
      return ok(files.map((f) => ({ name: f.name, blob: new Blob([f.data], { type: typeof f.data === 'string' ? 'application/json' : 'application/octet-stream' }) })));
    },

    async removeRun(runId) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const ledger = createLedger();
      // Only what no dataset still listed holds is freed: a loaded dataset's columns stay.
      const current = datasets.get(stored.summary.datasetId) === stored.dataset;
      const freedBytes = ledger.arrays([stored.run.scores, stored.run.y, stored.run.splitOf]) + (current ? 0 : ledger.dataset(stored.dataset));
      onRemove(runId);
      store.remove(runId);
      audit?.record('delete', stored.summary.label, [runId], 'Removed the run');
      return ok({ runId, freedBytes });
    },

    /**
     * Re-score a run's test rows on the backend active now and compare with the scores from
     * training: the cross-backend conformance check (wasm vs webgpu) the e2e suite runs.
     */
    async backendAgreement(runId) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const { run, dataset } = stored;
      const test = Int32Array.from({ length: run.splitOf.length }, (_, r) => r).filter((r) => run.splitOf[r] === 3);
      const design = transform(run.pipeline, dataset.columns, test);
      const fresh = await run.model.predict(design.matrix, design.rows);
      const width = fresh.length / Math.max(test.length, 1);
      let maxAbsDiff = 0;
      test.forEach((r, i) => {
        for (let c = 0; c < width; c++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(fresh[i * width + c] - run.scores[r * width + c]));
      });
      return ok({ backend: activeBackend(), rows: test.length, maxAbsDiff });
    },

    async sliceMetrics(runId, column, threshold) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const result = sliceMetrics(stored.run, stored.dataset, column, threshold);
      return result.ok ? result : fail('bad-column', result.message);
    },

    /** Few rows, formatted. */
    async confidentErrors(runId, limit, threshold) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      return ok(confidentErrors(stored.run, stored.dataset, Math.min(Math.max(1, Math.floor(limit)), 100), threshold));
    },

    async tree(runId, index) {
      const stored = store.get(runId);
      if (!stored) return gone(runId);
      const view = treeView(stored.run, index);
      const count = stored.summary.capabilities.trees?.trees ?? 0;
      return view ? ok(view) : fail('no-trees', count > 0 ? `There is no tree ${index + 1}; the model has ${count}.` : 'This model has no trees to draw.');
    },
  };
}

