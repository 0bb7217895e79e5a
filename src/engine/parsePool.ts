/**
 * Parse helpers for big delimited files: the engine hands each helper the File handle and a byte
 * range; the helper reads and parses only that range and returns its columns as transferred
 * buffers; core/frame/ingest.ts verifies and merges the ranges in order. One helper per core: while
 * they parse, the engine worker only waits.
 */
import { transfer } from 'comlink';
import type { RangeRunner } from '../core/frame/ingest';
import { spareBuffers, takeSpares } from '../core/frame/ranges';
import { createWorkerPool, spareCores, type WorkerPool } from './pool';
import { createParseService, type ParseApi } from './parseService';

/** Files below this stay one serial pass: starting helpers and merging would cost more than they save. */
const MIN_PARALLEL_BYTES = 8 * 1024 * 1024;
/**
 * Ranges pay off only with cores beyond the engine's and the page's. On the 2-core bench VM
 * (load average 2.5-4.5 from other jobs) one pass measured 41-43 MB/s and two helpers 34-40,
 * with 30% more CPU and 80 MB more peak memory: a helper there only takes turns with the engine.
 */
const MIN_CORES_FOR_RANGES = 3;
const MAX_RANGE_BYTES = 8 * 1024 * 1024;
/**
 * Parse helpers hold no data between files, only a warm parser (a few MB each): keep them a
 * while, since a fresh one parses its first range at a fraction of its later speed.
 */
const IDLE_MS = 10 * 60_000;

export interface ParsePool {
  /** A runner for one file's ranges, or undefined where ranges would not run in parallel. */
  /** rangeKB: see EngineConfig.ingestRangeKB. */
  runnerFor(file: Blob, options?: { delayMs?: number; rangeKB?: number }): RangeRunner | undefined;
  /** Starts every helper and warms its parser, in the background, where ranges will be used (called when the engine starts). */
  warmUp(rangeKB?: number): void;
  dispose(): void;
}

export function rangeRunner(pool: WorkerPool<ParseApi>, file: Blob, options: { delayMs?: number; rangeBytes?: number } = {}): RangeRunner {
  return {
    // At least one range per helper, and ranges small enough that a slow helper does not hold up the end.
    rangeBytes: options.rangeBytes ?? Math.min(MAX_RANGE_BYTES, Math.ceil(file.size / pool.size)),
    minBytes: options.rangeBytes ?? MIN_PARALLEL_BYTES,
    delayMs: options.delayMs,
    // Spares are taken when the task starts, not when it is queued, and a turn later: the helper
    // that frees up is released before the engine merges the part it just returned, so waiting
    // one turn lets that part's arrays come back for this range.
    run: (job, signal, spares) =>
      pool.run(async (api) => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const spare = takeSpares(spares, job);
        return pool.parallel ? api.parseRange(file, job, transfer(spare, spareBuffers(spare))) : api.parseRange(file, job, spare, signal);
      }, signal),
  };
}

/** Whether files are read in ranges: forced by ?ingestRangeKB (0 = never), else with 3 cores or more. */
function usesRanges(rangeKB: number | undefined): boolean {
  return rangeKB === undefined ? spareCores() >= MIN_CORES_FOR_RANGES : rangeKB > 0;
}

export function createParsePool(): ParsePool {
  let pool: WorkerPool<ParseApi> | null = null;
  const get = () =>
    (pool ??= createWorkerPool<ParseApi>({
      size: spareCores(),
      startWorker: () => new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module', name: 'loupe-parse' }),
      inline: () => createParseService(),
      idleMs: IDLE_MS,
    }));
  return {
    runnerFor(file, options = {}) {
      if (!usesRanges(options.rangeKB)) return undefined;
      const helpers = get();
      // In one thread (no workers, or helpers failed to start) ranges only add merging: read serially.
      if (!helpers.parallel) return undefined;
      return rangeRunner(helpers, file, { delayMs: options.delayMs, rangeBytes: options.rangeKB ? options.rangeKB * 1024 : undefined });
    },
    warmUp(rangeKB) {
      if (!usesRanges(rangeKB)) return;
      const helpers = get();
      if (!helpers.parallel) return;
      // One task per helper at once, so each task starts its own helper.
      for (let k = 0; k < helpers.size; k++) helpers.run((api) => api.warmUp()).catch(() => undefined);
    },
    dispose() {
      pool?.dispose();
      pool = null;
    },
  };
}
