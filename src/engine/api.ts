/**
 * The typed boundary between the UI and the engine worker. Calls take plain data (ids, specs,
 * File handles) and return plain data; callbacks are comlink proxies on the worker path.
 */
import type { BackendName, ComputeState } from '../core/compute/backends';
import type { DatasetProfile, ColumnProfile } from '../core/frame/profile';
import type { RowPage } from '../core/frame/rows';
import type { ColumnKind, LoadError, ParseSettings, Result } from '../core/frame/types';

export type { BackendName, ComputeState, DatasetProfile, ColumnProfile, RowPage, ColumnKind, ParseSettings, LoadError };

export interface EngineConfig {
  /** Forced backend from `?backend=NAME`; null lets the probe choose. */
  backend: BackendName | null;
  /** Refuse files whose estimated in-memory size exceeds this. */
  memoryBudgetMB: number;
  /** Where the tfjs wasm binaries are served from (our own origin). */
  wasmPath: string;
  /** Load the demo datasets on start. */
  loadDemo: boolean;
}

/** Progress of a long job, sent a few times a second at most. */
export interface JobProgress {
  jobId: string;
  /** 0..1, or null when unknown. */
  fraction: number | null;
  message: string;
}

export type ProgressCallback = (progress: JobProgress) => void;

export interface EngineInfo {
  compute: ComputeState;
  memoryBudgetMB: number;
}

export interface EngineApi {
  /** Probe backends, pick one and (optionally) load the demo datasets. */
  start(config: EngineConfig): Promise<EngineInfo>;
  switchBackend(name: BackendName): Promise<Result<ComputeState, { message: string }>>;
  listDatasets(): Promise<DatasetProfile[]>;
  /** Parse a file in the worker. The File handle crosses the boundary; its bytes are read there. */
  loadFile(file: Blob, name: string, settings: Partial<ParseSettings> | null, jobId: string, onProgress: ProgressCallback): Promise<Result<DatasetProfile>>;
  /** Re-read a loaded file with other settings (header, delimiter, encoding); the old version stays on failure. */
  reparse(datasetId: string, settings: Partial<ParseSettings>, jobId: string, onProgress: ProgressCallback): Promise<Result<DatasetProfile>>;
  setColumnKind(datasetId: string, column: string, kind: ColumnKind): Promise<Result<DatasetProfile, { message: string }>>;
  rows(datasetId: string, offset: number, limit: number): Promise<RowPage | null>;
  removeDataset(datasetId: string): Promise<void>;
  /** Cancel a running job; the job resolves with a 'cancelled' error. */
  cancel(jobId: string): Promise<void>;
}
