/**
 * One fold of a model search, run by a fold helper (foldWorker.ts) or, where helpers cannot
 * run, in the engine itself. A helper keeps the one dataset the search works on, so only the
 * first fold it runs pays for the copy; every fold is an ordinary run (runFoldHere), so a fold
 * gives the same numbers wherever it runs.
 */
import { runFoldHere, type FoldOutcome } from '../core/experiment/crossValidate';
import type { ExperimentConfig } from '../core/experiment/run';
import { switchBackend } from '../core/compute/backends';
import type { BackendName } from '../core/compute/names';
import type { Column, Dataset } from '../core/frame/types';
import type { Split } from '../core/prep';

export interface FoldJob {
  /** The dataset's id and version in the engine (a re-read or type change is a new version). */
  datasetKey: string;
  /** The engine's backend, so every fold trains on the same maths. */
  backend: BackendName;
  wasmPath?: string;
  config: ExperimentConfig;
  split: Split;
}

/** The helper lacks that dataset (first fold, or a newer version): send it, then ask again. */
export interface DatasetMissing {
  ok: false;
  missing: 'dataset';
}

/** The helper could not start the engine's backend; it must not train on another one. */
export interface BackendFailed {
  ok: false;
  backendFailed: string;
}

export type FoldReply = FoldOutcome | DatasetMissing | BackendFailed;

export interface FoldApi {
  /** Keep `dataset` (the columns the search reads) under `key`, dropping any other. */
  putDataset(key: string, dataset: Dataset): Promise<void>;
  /** Runs the fold; `signal` only in-process (a helper is cancelled by terminating it). */
  runFold(job: FoldJob, signal?: { readonly aborted: boolean }): Promise<FoldReply>;
}

export function isDatasetMissing(reply: FoldReply): reply is DatasetMissing {
  return !reply.ok && 'missing' in reply;
}

export function isBackendFailed(reply: FoldReply): reply is BackendFailed {
  return !reply.ok && 'backendFailed' in reply;
}

/**
 * `ownsBackend`: true in a helper, which starts the engine's backend itself; false in the engine,
 * whose backend is already active and must not be switched under it.
 */
export function createFoldService(options: { ownsBackend: boolean }): FoldApi {
  let held: { key: string; dataset: Dataset } | null = null;
  let backend: { name: BackendName; ready: Promise<{ ok: true } | { ok: false; message: string }> } | null = null;

  function hasColumns(dataset: Dataset, config: ExperimentConfig): boolean {
    const names = new Set(dataset.columns.map((c) => c.name));
    return names.has(config.target) && config.features.every((f) => names.has(f));
  }

  return {
    async putDataset(key, dataset) {
      held = { key, dataset };
    },

    async runFold(job, signal) {
      if (!held || held.key !== job.datasetKey || !hasColumns(held.dataset, job.config)) return { ok: false, missing: 'dataset' };
      if (options.ownsBackend) {
        if (backend?.name !== job.backend) backend = { name: job.backend, ready: switchBackend(job.backend, { wasmPath: job.wasmPath }) };
        const ready = await backend.ready;
        if (!ready.ok) return { ok: false, backendFailed: ready.message };
      }
      return runFoldHere(held.dataset, job.config, job.split, signal);
    },
  };
}

/** The columns a search reads (target and features), in file order. */
export function searchColumns(dataset: Dataset, config: ExperimentConfig): Column[] {
  const wanted = new Set([config.target, ...config.features]);
  return dataset.columns.filter((c) => wanted.has(c.name));
}

/**
 * The dataset cut down to `columns`, with each column's array copied so its buffer can be
 * transferred to a helper while the engine keeps its own.
 */
export function datasetCopy(dataset: Dataset, columns: Column[]): { dataset: Dataset; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const copied = columns.map((c): Column => {
    if (c.storage === 'number') {
      const values = c.values.slice();
      buffers.push(values.buffer);
      return { ...c, values };
    }
    const codes = c.codes.slice();
    buffers.push(codes.buffer);
    return { ...c, codes, dictionary: c.dictionary.slice() };
  });
  return { dataset: { ...dataset, columns: copied, warnings: [] }, buffers };
}
