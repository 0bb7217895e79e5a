/**
 * The one way engine tests reach the engine: in this thread, or over comlink through a
 * MessageChannel (channelWorker.testing.ts), so arguments and answers are structured-cloned
 * and callbacks are proxies, as with the real worker. Suites run on both:
 * `describe.each(TRANSPORTS)('... (%s)', (transport) => ...)`.
 */
import { proxy, releaseProxy, wrap, type Endpoint } from 'comlink';
import type { EngineApi, EngineConfig } from './api';
import { ChannelWorker } from './channelWorker.testing';
import type { Connection } from './client';
import { createEngine } from './engine';
import { connectInProcess } from './inProcess';

export type Transport = 'in-process' | 'comlink';
export const TRANSPORTS: Transport[] = ['in-process', 'comlink'];

export interface TestEngine extends Connection {
  /** Closes the channel (comlink); the in-process engine needs nothing. */
  close(): void;
}

/** cpu: the same numbers on every machine; no demo unless asked. */
export const TEST_CONFIG: EngineConfig = { backend: 'cpu', memoryBudgetMB: 512, wasmPath: '', loadDemo: false };

export async function connectTestEngine(transport: Transport): Promise<TestEngine> {
  if (transport === 'in-process') return { ...(await connectInProcess()), close: () => undefined };
  const channel = new ChannelWorker(createEngine());
  const remote = wrap<EngineApi>(channel as unknown as Endpoint);
  return {
    // As in client.ts: every call answers a Promise, so the proxy behaves as the EngineApi.
    engine: remote as unknown as EngineApi,
    callback: (fn) => proxy(fn),
    transport: 'worker',
    close: () => {
      remote[releaseProxy]();
      channel.terminate();
    },
  };
}

/** A started engine on the transport, with `config` over TEST_CONFIG. */
export async function startTestEngine(transport: Transport, config: Partial<EngineConfig> = {}): Promise<TestEngine> {
  const connection = await connectTestEngine(transport);
  await connection.engine.session.start({ ...TEST_CONFIG, ...config });
  return connection;
}

/** Unwrap an engine answer in a test: the value, or a thrown Error with the engine's message. */
export function expectOk<T>(outcome: { ok: true; value: T } | { ok: false; reason: string; message: string }): T {
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return outcome.value;
}
