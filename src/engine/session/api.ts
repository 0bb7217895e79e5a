/** The engine session: start-up, the compute backend, cancelling jobs, and what is held in memory. */
import type { BackendName, ComputeState } from '../../core/compute/backends';
import type { Outcome } from '../outcome';
import type { ResourceUse } from '../resources';

export type { BackendName, ComputeState, ResourceUse };

export interface EngineConfig {
  /** Forced backend from `?backend=NAME`; null lets the probe choose. */
  backend: BackendName | null;
  /** The most memory all loaded datasets, runs and comparisons together may hold. */
  memoryBudgetMB: number;
  /** Where the tfjs wasm binaries are served from (our own origin). */
  wasmPath: string;
  /** Load the demo datasets on start. */
  loadDemo: boolean;
  /** Test hooks (`?ingestChunkKB=N&ingestDelayMs=N`): small, slow chunks so a cancel can be clicked. */
  ingestChunkKB?: number;
  ingestDelayMs?: number;
  /**
   * `?ingestRangeKB=N`: files of at least N KB are parsed in N KB ranges by the parse helpers (the
   * e2e cancel test uses it on a small file); 0 reads every file in one pass (the bench's serial
   * run). Absent: with 3 cores or more, files from 8 MiB on, in ranges of at most 8 MiB; one pass on 2.
   */
  ingestRangeKB?: number;
  /** Test hook (`?recommendFoldDelayMs=N`): a ratings comparison waits N ms before each fold, so an e2e can use the preview mid-comparison. */
  recommendFoldDelayMs?: number;
  /** Model-search fold helpers (`?foldWorkers=N`): absent = one per spare core, 0 = every fit in the engine worker. */
  foldWorkers?: number;
  /** Histogram helpers for boosted trees (`?histogramWorkers=N`): absent = one per core but one (at most 3) from 3 cores, none on 2 (measured no faster there: docs/BENCHMARKS.md). */
  histogramWorkers?: number;
}

export interface EngineInfo {
  compute: ComputeState;
  memoryBudgetMB: number;
}

export interface MemoryReport {
  budgetBytes: number;
  heldBytes: number;
  resources: ResourceUse[];
}

export interface SessionApi {
  /** Probe backends, pick one and (optionally) load the demo datasets. */
  start(config: EngineConfig): Promise<EngineInfo>;
  info(): Promise<Outcome<EngineInfo, 'not-started'>>;
  switchBackend(name: BackendName): Promise<Outcome<ComputeState, 'not-started' | 'unavailable'>>;
  /** Cancel a running job; the job answers with reason 'cancelled'. Unknown ids are ignored. */
  cancel(jobId: string): Promise<void>;
  /** Every resource held, with its bytes, against the memory budget. */
  resources(): Promise<MemoryReport>;
}
