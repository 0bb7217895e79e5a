/**
 * The model-search job in the engine: k-fold CV of one config, or grid / random search over its
 * settings (CV alone is a search with an empty space). Progress is throttled, except that every
 * finished candidate is sent at once so the results table fills as the job runs.
 *
 * On wasm and cpu the fits go to a pool of fold helpers (foldWorker.ts), one per spare core,
 * while the engine worker waits; each helper gets the search's columns once and keeps them. On
 * webgpu and webgl the fits stay in the engine worker, one after another: the GPU is one device
 * that parallel helpers would only queue on (and on a software adapter they would fight the
 * adapter's own threads for the CPU), and a helper on another backend would not give the same
 * numbers.
 */
import { transfer } from 'comlink';
import { foldsCsv, stratifiedFolds, trainingRows, type FoldOutcome, type FoldRunner } from '../../core/experiment/crossValidate';
import type { ExperimentConfig } from '../../core/experiment/run';
import { searchModels, type SearchSpec } from '../../core/experiment/search';
import { activeBackend } from '../../core/compute/backends';
import type { BackendName } from '../../core/compute/names';
import type { Dataset } from '../../core/frame/types';
import { createFoldService, datasetCopy, isBackendFailed, isDatasetMissing, searchColumns, type FoldApi, type FoldJob, type FoldReply } from '../folds';
import type { Job, JobRunner } from '../jobs';
import { fail, ok, type Outcome } from '../outcome';
import { createWorkerPool, PoolCancelled, spareCores, type CancelSignal, type WorkerPool } from '../pool';
import type { SearchApi, SearchOutcome, SearchProgress } from './api';

export interface SearchHost {
  /** Where the tfjs wasm binaries are served from, for helpers that start wasm themselves. */
  wasmPath(): string | undefined;
  /** Fold helpers (`?foldWorkers=N`): undefined = one per spare core; 0 = every fit in the engine worker. */
  foldWorkers(): number | undefined;
}

/** Backends whose folds may run in parallel helpers (CPU maths: each helper gets its own core). */
const PARALLEL_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

export function createSearchService(datasetOf: (id: string) => Dataset | null, host: SearchHost = { wasmPath: () => undefined, foldWorkers: () => undefined }) {
  // A re-read or a type change replaces a dataset under the same id: a helper's copy is keyed by both.
  const versions = new WeakMap<Dataset, number>();
  let nextVersion = 1;
  const keyOf = (ds: Dataset) => {
    if (!versions.has(ds)) versions.set(ds, nextVersion++);
    return `${ds.id}@${versions.get(ds)}`;
  };

  // Where helpers cannot start (Node, a browser refusing nested workers) the pool runs folds on this one.
  const inlineFolds = createFoldService({ ownsBackend: false });
  let pool: WorkerPool<FoldApi> | null = null;
  const foldPool = () =>
    (pool ??= createWorkerPool<FoldApi>({
      size: host.foldWorkers() ?? spareCores(),
      // Written literally here so the bundler emits the helper as its own chunk.
      startWorker: () => new Worker(new URL('../foldWorker.ts', import.meta.url), { type: 'module', name: 'loupe-fold' }),
      inline: () => inlineFolds,
    }));

  return {
    /** Every finished candidate is sent at once (urgent), so the results table fills as the job runs. */
    async search(datasetId: string, config: ExperimentConfig, spec: SearchSpec, job: Job<SearchProgress & { jobId: string }>): Promise<SearchOutcome> {
      const ds = datasetOf(datasetId);
      if (!ds) return { ...fail('not-found', 'That dataset is no longer loaded.'), partial: [] };
      const signal = job.signal;
      const backend = activeBackend();
      const inHelpers = host.foldWorkers() !== 0 && PARALLEL_BACKENDS.includes(backend);
      const runner = inHelpers ? poolRunner(foldPool(), (api) => api !== inlineFolds, ds, keyOf(ds), { backend, wasmPath: host.wasmPath() }, config, signal) : null;
      const outcome = await searchModels(ds, config, spec, {
        signal,
        runFold: runner?.runFold,
        onProgress: (p) => job.progress({ ...p, workers: runner?.workers() ?? 1, jobId: job.id }, Boolean(p.finished)),
      });
      return outcome.ok ? outcome : { ...fail(outcome.error.reason, outcome.error.message), partial: outcome.partial };
    },

    /** The seeded fold assignment of the config's training split, as CSV (row_index,fold). */
    foldsCsv(datasetId: string, config: ExperimentConfig, k: number): Outcome<string, 'not-found' | 'bad-config'> {
      const ds = datasetOf(datasetId);
      if (!ds) return fail('not-found', 'That dataset is no longer loaded.');
      const base = trainingRows(ds, config);
      if (!base.ok) return fail('bad-config', base.message);
      return ok(foldsCsv(stratifiedFolds(base.rows, base.y, k, config.seed, config.task !== 'regression')));
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

/** The public SearchApi: each search is one job of the runner. */
export function searchApi(service: SearchService, jobs: JobRunner): SearchApi {
  return {
    searchModels(datasetId, config, spec, jobId, onProgress) {
      return jobs.run(jobId, onProgress, (job) => service.search(datasetId, config, spec, job));
    },
    async exportFolds(datasetId, config, k) {
      const csv = service.foldsCsv(datasetId, config, k);
      return csv.ok ? ok(new Blob([csv.value], { type: 'text/csv' })) : csv;
    },
  };
}

/**
 * A search's fold runner over `pool`: at most pool.size folds at once (the pool runs in-process
 * one at a time where helpers cannot start), the dataset sent to a helper only when it lacks it,
 * and a cancelled search answering every fold that has not finished with 'cancelled'.
 */
export function poolRunner(
  pool: WorkerPool<FoldApi>,
  isHelper: (api: unknown) => boolean,
  ds: Dataset,
  datasetKey: string,
  compute: { backend: BackendName; wasmPath?: string },
  config: ExperimentConfig,
  signal: CancelSignal,
): { runFold: FoldRunner; workers: () => number } {
  const columns = searchColumns(ds, config);
  const cancelled: FoldOutcome = { ok: false, error: { reason: 'cancelled', message: 'The search was cancelled.' } };
  // Set when a helper could not start the engine's backend: the remaining folds run in the engine.
  let inEngine: FoldApi | null = null;
  let running = 0;
  const waiting: (() => void)[] = [];
  const limit = () => (inEngine ? 1 : pool.size);

  async function onHelper(api: FoldApi, remote: boolean, job: FoldJob): Promise<FoldReply> {
    // A helper cannot read the engine's cancel token; the pool terminates it instead.
    const local = remote ? undefined : signal;
    let reply = await api.runFold(job, local);
    if (isDatasetMissing(reply)) {
      if (remote) {
        const copy = datasetCopy(ds, columns);
        await api.putDataset(datasetKey, transfer(copy.dataset, copy.buffers));
      } else {
        await api.putDataset(datasetKey, { ...ds, columns });
      }
      reply = await api.runFold(job, local);
    }
    return reply;
  }

  async function runFold(foldConfig: ExperimentConfig, split: FoldJob['split']): Promise<FoldOutcome> {
    while (running >= limit()) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      if (signal.aborted) return cancelled;
      const job: FoldJob = { datasetKey, backend: compute.backend, wasmPath: compute.wasmPath, config: foldConfig, split };
      if (inEngine) return asOutcome(await onHelper(inEngine, false, job));
      const reply = await pool.run((api) => onHelper(api as FoldApi, isHelper(api), job), signal);
      if (!isBackendFailed(reply)) return asOutcome(reply);
      inEngine ??= createFoldService({ ownsBackend: false });
      return asOutcome(await onHelper(inEngine, false, job));
    } catch (error) {
      if (error instanceof PoolCancelled) return cancelled;
      throw error;
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  return { runFold, workers: () => (inEngine || !pool.parallel ? 1 : pool.size) };
}

function asOutcome(reply: FoldReply): FoldOutcome {
  if (isDatasetMissing(reply) || isBackendFailed(reply)) throw new Error('a fold helper did not keep the dataset it was sent');
  return reply;
}
