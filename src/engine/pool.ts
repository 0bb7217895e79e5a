/**
 * A small pool of helper workers started by the engine worker, for work that splits into
 * independent pieces (byte ranges of a file, folds of a cross-validation). The engine stays
 * the one owner of the data: a helper gets only the piece it works on and hands back plain
 * results.
 *
 * One implementation, two hosts: where workers cannot start (Node under Vitest, a browser
 * that refuses nested workers) every task runs on an in-process instance of the same API,
 * so the splitting and merging code is the code the tests exercise.
 */
import { wrap, type Remote } from 'comlink';

export interface CancelSignal {
  readonly aborted: boolean;
}

export interface WorkerPool<Api> {
  /** How many tasks can run at once (1 when running in-process). */
  readonly size: number;
  /** True while tasks go to real workers; false in-process (tests, or after workers failed to start). */
  readonly parallel: boolean;
  /**
   * Runs a task on a free helper, waiting for one when all are busy. When `signal` becomes
   * aborted the helper running it is terminated (a busy worker cannot read a cancel message)
   * and the task rejects with PoolCancelled; a fresh helper starts when next needed.
   */
  run<R>(task: (api: Api | Remote<Api>) => Promise<R>, signal?: CancelSignal): Promise<R>;
  /** Terminates every helper; later tasks start new ones. */
  dispose(): void;
}

export interface PoolOptions<Api> {
  /** Most helpers at once. */
  size: number;
  /** Starts one helper. Written at the call site as `new Worker(new URL('./x.ts', import.meta.url), ...)` so the bundler emits it. */
  startWorker: () => Worker;
  /** The same API in this thread, for hosts without workers. Made once, on first use. */
  inline: () => Api;
  /** Helpers idle this long are terminated to give their memory back (default 60 s). */
  idleMs?: number;
}

export class PoolCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PoolCancelled';
  }
}

class HelperFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelperFailed';
  }
}

/** How often a running task looks at its cancel signal; the signal is a plain flag, not an event. */
const CANCEL_POLL_MS = 50;
const DEFAULT_IDLE_MS = 60_000;

/** Cores worth giving helpers: the browser's count (2 when unknown), kept within 1..8. */
export function spareCores(): number {
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency;
  return Math.max(1, Math.min(8, Number.isFinite(cores) && cores ? Math.floor(cores) : 2));
}

interface Helper<Api> {
  worker: Worker;
  api: Remote<Api>;
  busy: boolean;
  /** Tasks finished; a helper that fails before its first one could not start at all. */
  served: number;
  /** Rejects when the worker reports an uncaught error (including failing to load). */
  failed: Promise<never>;
}

export function createWorkerPool<Api>(options: PoolOptions<Api>): WorkerPool<Api> {
  const maxSize = Math.max(1, Math.floor(options.size));
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  let inProcess = typeof Worker === 'undefined';
  let inlineApi: Api | null = null;
  const helpers: Helper<Api>[] = [];
  const waiting: (() => void)[] = [];
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const inline = () => (inlineApi ??= options.inline());

  function start(): Helper<Api> {
    const worker = options.startWorker();
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        const message = (event as { message?: string }).message || 'the helper worker stopped unexpectedly';
        reject(new HelperFailed(message));
      });
    });
    failed.catch(() => undefined); // observed through Promise.race in run(); never unhandled
    return { worker, api: wrap<Api>(worker), busy: false, served: 0, failed };
  }

  function wakeOne(): void {
    waiting.shift()?.();
  }

  function scheduleIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (helpers.every((h) => !h.busy)) terminateAll();
    }, idleMs);
  }

  function terminateAll(): void {
    for (const h of helpers.splice(0)) h.worker.terminate();
  }

  function discard(helper: Helper<Api>): void {
    helper.worker.terminate();
    const at = helpers.indexOf(helper);
    if (at >= 0) helpers.splice(at, 1);
    wakeOne();
  }

  /** A free helper, or null when the pool has switched to running in-process meanwhile. */
  async function acquire(): Promise<Helper<Api> | null> {
    for (;;) {
      if (inProcess) return null;
      const free = helpers.find((h) => !h.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      if (helpers.length < maxSize) {
        const fresh = start();
        fresh.busy = true;
        helpers.push(fresh);
        return fresh;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  function cancellation(signal: CancelSignal | undefined): { promise: Promise<never>; stop: () => void } {
    if (!signal) return { promise: new Promise<never>(() => undefined), stop: () => undefined };
    let timer: ReturnType<typeof setInterval> | null = null;
    const promise = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        if (signal.aborted) reject(new PoolCancelled());
      }, CANCEL_POLL_MS);
    });
    promise.catch(() => undefined);
    return { promise, stop: () => timer && clearInterval(timer) };
  }

  return {
    get size() {
      return inProcess ? 1 : maxSize;
    },
    get parallel() {
      return !inProcess;
    },

    async run<R>(task: (api: Api | Remote<Api>) => Promise<R>, signal?: CancelSignal): Promise<R> {
      if (signal?.aborted) throw new PoolCancelled();
      if (inProcess) return task(inline());
      const helper = await acquire();
      if (!helper) return task(inline());
      if (signal?.aborted) {
        helper.busy = false;
        wakeOne();
        throw new PoolCancelled();
      }
      const cancel = cancellation(signal);
      try {
        const result = await Promise.race([task(helper.api), helper.failed, cancel.promise]);
        helper.busy = false;
        helper.served++;
        wakeOne();
        scheduleIdle();
        return result;
      } catch (error) {
        if (error instanceof PoolCancelled) {
          discard(helper);
          throw error;
        }
        if (error instanceof HelperFailed) {
          discard(helper);
          // A helper that never finished a task could not start here (e.g. nested workers
          // refused): run this and every later task in-process rather than fail the job.
          if (helper.served === 0) {
            inProcess = true;
            terminateAll();
            while (waiting.length) wakeOne();
            return task(inline());
          }
          throw new Error(`A helper worker failed: ${error.message}`);
        }
        // The task itself threw (comlink carries the error back); the helper is still good.
        helper.busy = false;
        wakeOne();
        throw error;
      } finally {
        cancel.stop();
      }
    },

    dispose() {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      terminateAll();
      while (waiting.length) wakeOne();
    },
  };
}
