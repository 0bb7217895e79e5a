/**
 * For tests: stands in for a module worker. The API is exposed with comlink on one end of a
 * MessageChannel in this thread, and the pool talks to the other end exactly as it would to a
 * Worker, so arguments are structured-cloned and transferred buffers really move.
 */
import { expose } from 'comlink';
import { MessageChannel } from 'node:worker_threads';

export class ChannelWorker {
  terminated = false;
  private readonly port;
  private readonly errorListeners: ((e: { message: string }) => void)[] = [];

  /** `api` null: a worker that never answers, as one whose script did not load. */
  constructor(api: object | null) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    if (api) expose(api, channel.port2 as never);
  }
  postMessage(message: unknown, transfer?: Transferable[]) {
    this.port.postMessage(message, transfer as never);
  }
  addEventListener(type: string, listener: never) {
    if (type === 'error') this.errorListeners.push(listener);
    else this.port.addEventListener(type, listener);
  }
  removeEventListener(type: string, listener: never) {
    this.port.removeEventListener(type, listener);
  }
  start() {
    this.port.start();
  }
  terminate() {
    this.terminated = true;
    this.port.close();
  }
  /** Reports an uncaught error, as a worker that failed to load or crashed. */
  crash(message: string) {
    for (const l of this.errorListeners) l({ message });
  }
}
