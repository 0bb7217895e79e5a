/**
 * The engine: one implementation of EngineApi, hosted in the worker (worker.ts) in the app and
 * in-process under Vitest. It owns every dataset; callers get profiles and pages, never columns.
 */
import { transfer } from 'comlink';
import { probeBackend, selectBackend, switchBackend, type ComputeOptions } from '../core/compute/backends';
import { convertColumn } from '../core/frame/convert';
import { ingestBlob, ingestBytes } from '../core/frame/ingest';
import { profileDataset, type DatasetProfile } from '../core/frame/profile';
import { rowPage } from '../core/frame/rows';
import type { Dataset, ParseSettings, Result, LoadError } from '../core/frame/types';
import { demoFiles } from '../demo';
import type { ComputeState, EngineApi, EngineConfig, EngineInfo, ProgressCallback } from './api';
import { throttle } from './throttle';
import { createParsePool } from './parsePool';
import { createRunService } from './runs';
import { createSearchService } from './search';
import { createSavedModelService } from './savedModels';
import { createRecommendService } from './recommend';
import { createEventsService } from './recommendEvents';
import { createExplainService } from './explain';
import { defaultModelSpec, modelKindInfos, parseModelSpec } from '../core/models';

interface LoadedDataset {
  dataset: Dataset;
  /** The original file handle, kept so the user can re-read it with other settings. */
  source: Blob;
  profile: DatasetProfile;
}

interface CancelToken {
  aborted: boolean;
}

const PROGRESS_INTERVAL_MS = 200;

export function createEngine(): EngineApi {
  const datasets = new Map<string, LoadedDataset>();
  const jobs = new Map<string, CancelToken>();
  let config: EngineConfig | null = null;
  let compute: ComputeState | null = null;
  let nextId = 1;
  const runs = createRunService((id) => datasets.get(id)?.dataset ?? null);
  const search = createSearchService((id) => datasets.get(id)?.dataset ?? null, { wasmPath: () => config?.wasmPath, foldWorkers: () => config?.foldWorkers });
  const savedModels = createSavedModelService((id) => datasets.get(id)?.dataset ?? null);
  const recommender = createRecommendService((id) => datasets.get(id)?.dataset ?? null);
  const events = createEventsService((id) => datasets.get(id)?.dataset ?? null);
  const explainer = createExplainService(runs);
  const parsers = createParsePool();

  const computeOptions = (): ComputeOptions => ({ wasmPath: config?.wasmPath });

  function store(dataset: Dataset, source: Blob): DatasetProfile {
    const profile = profileDataset(dataset);
    datasets.set(dataset.id, { dataset, source, profile });
    return profile;
  }

  async function ingestJob(source: Blob, id: string, name: string, settings: Partial<ParseSettings> | undefined, jobId: string, onProgress: ProgressCallback): Promise<Result<Dataset>> {
    const token: CancelToken = { aborted: false };
    jobs.set(jobId, token);
    const progress = throttle(onProgress, PROGRESS_INTERVAL_MS);
    try {
      return await ingestBlob(source, {
        id,
        name,
        settings,
        signal: token,
        memoryBudgetBytes: (config?.memoryBudgetMB ?? 2048) * 1024 * 1024,
        chunkBytes: config?.ingestChunkKB ? config.ingestChunkKB * 1024 : undefined,
        beforeChunk: config?.ingestDelayMs ? () => new Promise((r) => setTimeout(r, config!.ingestDelayMs)) : undefined,
        ranges: parsers.runnerFor(source, { delayMs: config?.ingestDelayMs, rangeKB: config?.ingestRangeKB }),
        onProgress: (read, total) => progress.push({ jobId, fraction: total > 0 ? read / total : null, message: `Reading ${name}` }),
      });
    } catch (error) {
      const failure: LoadError = { code: 'unreadable', message: `Could not read "${name}": ${(error as Error).message}` };
      return { ok: false, error: failure };
    } finally {
      progress.flush();
      jobs.delete(jobId);
    }
  }

  const api: EngineApi = {
    async start(next) {
      config = next;
      parsers.warmUp(next.ingestRangeKB);
      compute = await selectBackend(next.backend, computeOptions());
      if (next.loadDemo && datasets.size === 0) {
        for (const file of demoFiles()) {
          const id = `ds${nextId++}`;
          const parsed = ingestBytes(file.bytes, { id, name: file.name });
          if (parsed.ok) store(parsed.value, new Blob([file.bytes as BlobPart]));
        }
      }
      const info: EngineInfo = { compute, memoryBudgetMB: next.memoryBudgetMB };
      return info;
    },

    async switchBackend(name) {
      if (!compute) return { ok: false, error: { message: 'The engine has not started.' } };
      const previous = compute.active;
      // Measure the chosen backend (details and speed for the header), which also activates it.
      const probe = await probeBackend(name, computeOptions());
      if (!probe.available) {
        await switchBackend(previous, computeOptions());
        return { ok: false, error: { message: `Could not switch to ${name}: ${probe.detail}. Still using ${previous}.` } };
      }
      const switched = await switchBackend(name, computeOptions());
      if (!switched.ok) return { ok: false, error: { message: switched.message } };
      // Keep every other probe so the header can still offer the other backends.
      compute = { active: name, chosenBy: 'user', probes: compute.probes.map((p) => (p.name === name ? probe : p)) };
      return { ok: true, value: compute };
    },

    async listDatasets() {
      return [...datasets.values()].map((d) => d.profile);
    },

    async loadFile(file, name, settings, jobId, onProgress) {
      const id = `ds${nextId++}`;
      const parsed = await ingestJob(file, id, name, settings ?? undefined, jobId, onProgress);
      if (!parsed.ok) return parsed;
      return { ok: true, value: store(parsed.value, file) };
    },

    async reparse(datasetId, settings, jobId, onProgress) {
      const loaded = datasets.get(datasetId);
      if (!loaded) return { ok: false, error: { code: 'unreadable', message: 'That dataset is no longer loaded.' } };
      const merged = { ...loaded.dataset.settings, ...settings };
      const parsed = await ingestJob(loaded.source, datasetId, loaded.dataset.name, merged, jobId, onProgress);
      if (!parsed.ok) return parsed;
      return { ok: true, value: store(parsed.value, loaded.source) };
    },

    async setColumnKind(datasetId, column, kind) {
      const loaded = datasets.get(datasetId);
      if (!loaded) return { ok: false, error: { message: 'That dataset is no longer loaded.' } };
      const converted = convertColumn(loaded.dataset, column, kind);
      if (!converted.ok) return converted;
      return { ok: true, value: store(converted.value, loaded.source) };
    },

    async rows(datasetId, offset, limit) {
      const loaded = datasets.get(datasetId);
      return loaded ? rowPage(loaded.dataset, offset, Math.min(limit, 500)) : null;
    },

    async removeDataset(datasetId) {
      datasets.delete(datasetId);
    },

    async setupTask(datasetId, target, override) {
      return runs.setup(datasetId, target, override ?? undefined);
    },

    async modelKinds() {
      return modelKindInfos();
    },

    async checkModel(spec, task) {
      const parsed = parseModelSpec(spec, task);
      return parsed.ok ? parsed : { ok: false, error: { message: parsed.message } };
    },

    async defaultModel(kind, task) {
      return defaultModelSpec(kind, task);
    },

    async train(datasetId, config, jobId, onProgress) {
      const token: CancelToken = { aborted: false };
      jobs.set(jobId, token);
      try {
        return await runs.train(datasetId, config, token, (p) => onProgress({ jobId, ...p }));
      } finally {
        jobs.delete(jobId);
      }
    },

    async metricsAt(runId, threshold) {
      return runs.metricsAt(runId, threshold);
    },

    async exportReport(runId) {
      return runs.report(runId);
    },

    async exportPredictions(runId) {
      return runs.predictions(runId);
    },

    async exportModel(runId) {
      const files = await runs.modelFiles(runId);
      // Binary files (weights) move, not copy.
      return files ? transfer(files, files.flatMap((f) => (f.data instanceof ArrayBuffer ? [f.data] : []))) : null;
    },

    async backendAgreement(runId) {
      return runs.agreement(runId);
    },

    async sliceMetrics(runId, column) {
      return runs.slices(runId, column);
    },

    async confidentErrors(runId, limit) {
      return runs.confidentErrors(runId, limit);
    },

    async searchModels(datasetId, config, spec, jobId, onProgress) {
      const token: CancelToken = { aborted: false };
      jobs.set(jobId, token);
      try {
        return await search.search(datasetId, config, spec, token, (p) => onProgress({ jobId, ...p }));
      } finally {
        jobs.delete(jobId);
      }
    },

    async exportFolds(datasetId, config, k) {
      return search.foldsCsv(datasetId, config, k);
    },

    async loadSavedModel(files) {
      return savedModels.load(files);
    },

    async scoreWithSavedModel(modelId, datasetId) {
      return savedModels.score(modelId, datasetId);
    },

    async removeRun(runId) {
      explainer.forget(runId);
      runs.remove(runId);
    },

    async cancel(jobId) {
      const token = jobs.get(jobId);
      if (token) token.aborted = true;
    },

    async suggestRatingsMapping(datasetId) {
      return recommender.suggest(datasetId, [...datasets.values()].map((d) => d.dataset));
    },

    async summarizeRatings(mapping) {
      return recommender.summarize(mapping);
    },

    async compareRecommenders(mapping, setup, jobId, onProgress) {
      const token: CancelToken = { aborted: false };
      jobs.set(jobId, token);
      try {
        return await recommender.compare(mapping, setup, token, (fraction, message) => onProgress?.({ jobId, fraction, message }));
      } finally {
        jobs.delete(jobId);
      }
    },

    async searchRatingUsers(query, limit) {
      return recommender.searchUsers(query, limit);
    },

    async userRecommendations(user, algorithm, n) {
      return recommender.userPreview(user, algorithm, n);
    },

    async similarRatedItems(item, algorithm, n) {
      return recommender.similarItems(item, algorithm, n);
    },

    async exportTopN(algorithm, n) {
      return recommender.exportTopN(algorithm, n);
    },

    async suggestEventsMapping(datasetId) {
      return events.suggest(datasetId, [...datasets.values()].map((d) => d.dataset));
    },

    async summarizeEvents(mapping) {
      return events.summarize(mapping);
    },

    async compareImplicit(mapping, setup, jobId, onProgress) {
      const token: CancelToken = { aborted: false };
      jobs.set(jobId, token);
      try {
        return await events.compare(mapping, setup, token, (fraction, message) => onProgress?.({ jobId, fraction, message }));
      } finally {
        jobs.delete(jobId);
      }
    },

    async searchEventItems(query, limit) {
      return events.searchItems(query, limit);
    },

    async onboardUser(algorithm, picked, n, diversity) {
      return events.onboard(algorithm, picked, n, diversity);
    },

    async similarToNewItem(name, category, n) {
      return events.newItemSimilar(name, category, n);
    },

    async explainRow(runId, rowIndex, settings) {
      return explainer.explainRow(runId, rowIndex, settings);
    },

    async explainGlobal(runId, settings, jobId, onProgress) {
      const token: CancelToken = { aborted: false };
      jobs.set(jobId, token);
      const progress = throttle((p: { jobId: string; fraction: number | null; message: string }) => onProgress?.(p), PROGRESS_INTERVAL_MS);
      try {
        return await explainer.explainGlobal(runId, settings, token, (fraction, message) => progress.push({ jobId, fraction, message }));
      } finally {
        progress.flush();
        jobs.delete(jobId);
      }
    },

    async permutationImportance(runId, options, jobId, onProgress) {
      const token: CancelToken = { aborted: false };
      jobs.set(jobId, token);
      try {
        return await explainer.permutationImportance(runId, options.repeats, token, (fraction, message) => onProgress?.({ jobId, fraction, message }));
      } finally {
        jobs.delete(jobId);
      }
    },

    async partialDependence(runId, feature, space) {
      return explainer.partialDependence(runId, feature, space);
    },

    async whatIf(runId, rowIndex, edits, settings) {
      return explainer.whatIf(runId, rowIndex, edits, settings);
    },

    async rowValues(runId, rowIndex) {
      return explainer.rowValues(runId, rowIndex);
    },

    async searchRows(runId, query) {
      return explainer.searchRows(runId, query);
    },

    async worstErrors(runId, n) {
      return explainer.worstErrors(runId, n);
    },

    async exportShapCsv(runId) {
      return explainer.exportShapCsv(runId);
    },
  };
  return api;
}
