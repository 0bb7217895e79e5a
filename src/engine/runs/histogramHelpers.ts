/**
 * Histogram helpers for gradient-boosted trees: workers that build parts of a node's histogram
 * while the engine worker builds the first (core/models/gbdt/parallel.ts). They need shared
 * memory, so only a cross-origin-isolated page gets them; `?histogramWorkers=N` sets how many.
 */
import type { HistogramHelpers, SharedFitArrays } from '../../core/models/gbdt/parallel';
import { BUILD, CONTROL_WORDS, DETACH, type AttachMessage } from './histogramProtocol';

interface Helper {
  worker: Worker;
  control: Int32Array;
  hist: Float64Array | null;
}

export function sharedMemoryAvailable(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof Worker !== 'undefined';
}

/** A helper that stopped answering must not hang the engine: a minute is far past any node. */
const HELPER_DEADLINE_MS = 60_000;

function waitWhile(control: Int32Array, value: number): void {
  const deadline = performance.now() + HELPER_DEADLINE_MS;
  while (Atomics.load(control, 0) === value) {
    if (performance.now() > deadline) throw new Error('A histogram helper stopped answering; reload the page to start fresh ones.');
    Atomics.wait(control, 0, value, 1_000);
  }
}

/** Starts `count` helpers and waits until each has loaded; null when they cannot run here. */
export async function startHistogramHelpers(count: number): Promise<HistogramHelpers | null> {
  if (count < 1 || !sharedMemoryAvailable()) return null;
  const helpers: Helper[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./histogramWorker.ts', import.meta.url), { type: 'module', name: 'loupe-histogram' });
      await new Promise<void>((resolve, reject) => {
        worker.onmessage = () => resolve();
        worker.onerror = (e) => reject(new Error(e.message || 'the histogram helper did not start'));
        worker.postMessage({ type: 'ping' });
      });
      helpers.push({ worker, control: new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4)), hist: null });
    }
  } catch {
    helpers.forEach((h) => h.worker.terminate());
    return null;
  }
  let use: Int32Array | null = null;
  let attached = false;
  return {
    count,
    allocate: (bytes) => new SharedArrayBuffer(bytes),
    attach(arrays: SharedFitArrays) {
      const histSize = arrays.slots[arrays.features] * 3;
      use = new Int32Array(new SharedArrayBuffer(arrays.features * 4));
      for (const h of helpers) {
        h.hist = new Float64Array(new SharedArrayBuffer(histSize * 8));
        const message: AttachMessage = { type: 'attach', ...arrays, use, control: h.control, hist: h.hist };
        h.worker.postMessage(message);
      }
      attached = true;
    },
    start(ranges, features) {
      use!.set(features);
      helpers.forEach((h, i) => {
        h.control[1] = features.length;
        h.control[2] = ranges[2 * i];
        h.control[3] = ranges[2 * i + 1];
        Atomics.store(h.control, 0, BUILD);
        Atomics.notify(h.control, 0);
      });
    },
    join() {
      // The engine worker may block: the helpers are busy for a few milliseconds at most.
      for (const h of helpers) waitWhile(h.control, BUILD);
      return helpers.map((h) => h.hist!);
    },
    detach() {
      if (!attached) return;
      for (const h of helpers) {
        Atomics.store(h.control, 0, DETACH);
        Atomics.notify(h.control, 0);
      }
      for (const h of helpers) waitWhile(h.control, DETACH);
      for (const h of helpers) h.hist = null;
      attached = false;
    },
  };
}
