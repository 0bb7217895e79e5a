/**
 * The one swappable way to reach the engine: through the worker in the browser, in-process in
 * tests (inProcess.ts, testEngine.testing.ts). Callers wrap callbacks with `callback()` so the
 * same code works on both transports.
 */
import { proxy, wrap } from 'comlink';
import type { EngineApi } from './api';

/**
 * Every engine call already answers a Promise of plain data, so the comlink proxy behaves as the
 * EngineApi itself, nested services included (comlink resolves `engine.runs.train` by path).
 * Comlink's own Remote type would type the nested services as Promises, hence the one cast below.
 */
export type EngineClient = EngineApi;

export interface Connection {
  engine: EngineClient;
  /** Wrap a callback so it can cross the transport. */
  callback<F extends (...args: never[]) => void>(fn: F): F;
  transport: 'worker' | 'in-process';
}

/** Start the engine worker. Throws with a readable message when workers cannot start. */
export function connectWorker(): Connection {
  if (typeof Worker === 'undefined') throw new Error('This browser cannot start web workers, which Loupe needs to keep your data off the main thread.');
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'loupe-engine' });
  return { engine: wrap<EngineApi>(worker) as unknown as EngineClient, callback: (fn) => proxy(fn), transport: 'worker' };
}

// The in-process engine (Vitest, Node) is in inProcess.ts: the UI bundle must not reach the engine's
// modules at all, or the build drops the engine's nested fold-worker file (see docs/ARCHITECTURE.md).
