/** Settings read from the page URL: `?backend=wasm&memoryBudgetMB=64&demo=0`. */
import { isBackendName, type BackendName } from '../core/compute/names';

export interface StartupConfig {
  backend: BackendName | null;
  memoryBudgetMB: number;
  loadDemo: boolean;
  ingestChunkKB?: number;
  ingestDelayMs?: number;
  /** Parse files of at least N KB in N KB ranges across parse helpers; 0 reads every file in one pass. */
  ingestRangeKB?: number;
  /** Model-search fold helpers; 0 keeps every fit in the engine worker (the bench's single-thread run). */
  foldWorkers?: number;
  histogramWorkers?: number;
  /** Save the workspace in this browser (`?persist=0` turns it off; off by default for `?bench=1` runs, on with `&persist=1`). */
  persist: boolean;
  /** Test hook: a ratings comparison waits N ms before each fold. */
  recommendFoldDelayMs?: number;
}

/**
 * Default memory budget: a quarter of the device's memory (navigator.deviceMemory is capped at
 * 8 GB by browsers), at least 512 MB, so a file that would crash the tab is refused up front.
 */
export function defaultMemoryBudgetMB(deviceMemoryGB: number | undefined): number {
  const gb = deviceMemoryGB && deviceMemoryGB > 0 ? deviceMemoryGB : 4;
  return Math.max(512, Math.round((gb * 1024) / 4));
}

export function readStartupConfig(search: string, deviceMemoryGB: number | undefined): StartupConfig {
  const params = new URLSearchParams(search);
  const backend = params.get('backend');
  const budget = Number(params.get('memoryBudgetMB'));
  return {
    backend: isBackendName(backend) ? backend : null,
    memoryBudgetMB: Number.isFinite(budget) && budget > 0 ? budget : defaultMemoryBudgetMB(deviceMemoryGB),
    loadDemo: params.get('demo') !== '0',
    ingestChunkKB: positive(params.get('ingestChunkKB')),
    ingestDelayMs: positive(params.get('ingestDelayMs')),
    ingestRangeKB: wholeNumber(params.get('ingestRangeKB')),
    foldWorkers: wholeNumber(params.get('foldWorkers')),
    histogramWorkers: wholeNumber(params.get('histogramWorkers')),
    persist: params.has('persist') ? params.get('persist') !== '0' : params.get('bench') !== '1',
    recommendFoldDelayMs: positive(params.get('recommendFoldDelayMs')),
  };
}

function positive(text: string | null): number | undefined {
  const n = Number(text);
  return text !== null && Number.isFinite(n) && n > 0 ? n : undefined;
}

function wholeNumber(text: string | null): number | undefined {
  const n = Number(text);
  return text !== null && text !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}
