/** The engine connection and compute backend, as the header shows them. */
import { create } from 'zustand';
import type { BackendName, ComputeState } from '../engine/api';
import { connectWorker, type Connection } from '../engine/client';
import type { StartupConfig } from './config';

export interface EngineStore {
  status: 'starting' | 'ready' | 'failed';
  /** Why the engine could not start, in words the user can act on. */
  failure: string | null;
  compute: ComputeState | null;
  switching: boolean;
  backendError: string | null;
  memoryBudgetMB: number;
  connection: Connection | null;
  start(config: StartupConfig): Promise<void>;
  switchBackend(name: BackendName): Promise<void>;
}

export const useEngine = create<EngineStore>((set, get) => ({
  status: 'starting',
  failure: null,
  compute: null,
  switching: false,
  backendError: null,
  memoryBudgetMB: 0,
  connection: null,

  async start(config) {
    let connection: Connection;
    try {
      connection = connectWorker();
    } catch (error) {
      set({ status: 'failed', failure: (error as Error).message });
      return;
    }
    set({ connection, memoryBudgetMB: config.memoryBudgetMB });
    try {
      const info = await connection.engine.session.start({ ...config, wasmPath: new URL('tfjs-wasm/', document.baseURI).href });
      set({ status: 'ready', compute: info.compute });
    } catch (error) {
      set({ status: 'failed', failure: `The data engine could not start: ${(error as Error).message}` });
    }
  },

  async switchBackend(name) {
    const connection = get().connection;
    if (!connection) return;
    set({ switching: true, backendError: null });
    const result = await connection.engine.session.switchBackend(name);
    if (result.ok) set({ compute: result.value, switching: false });
    else set({ switching: false, backendError: result.message });
  },
}));

/** The engine, for store actions; throws only if called before start, which the UI prevents. */
export function engineConnection(): Connection {
  const connection = useEngine.getState().connection;
  if (!connection) throw new Error('The data engine has not started yet.');
  return connection;
}
