/// <reference lib="webworker" />
/**
 * A histogram helper: between `attach` and DETACH it waits on its control word and builds the
 * part of a node's histogram it is given (core/models/gbdt/parallel.ts), in shared memory.
 */
import { buildHistogramPart } from '../../core/models/gbdt/parallel';
import { BUILD, DETACH, IDLE, type AttachMessage } from './histogramProtocol';

self.onmessage = (event: MessageEvent<AttachMessage | { type: 'ping' }>) => {
  const m = event.data;
  if (m.type === 'ping') {
    self.postMessage('ready');
    return;
  }
  const { control, hist, use } = m;
  // Blocks this helper (not the engine) until the engine detaches it.
  for (;;) {
    Atomics.wait(control, 0, IDLE);
    const command = Atomics.load(control, 0);
    if (command === DETACH) {
      Atomics.store(control, 0, IDLE);
      Atomics.notify(control, 0);
      return;
    }
    if (command !== BUILD) continue;
    hist.fill(0);
    buildHistogramPart(hist, m, control[2], control[3], use, control[1]);
    Atomics.store(control, 0, IDLE);
    Atomics.notify(control, 0);
  }
};
