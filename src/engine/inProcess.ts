/**
 * The same engine in this thread, for Vitest and other Node hosts: the other end of client.ts.
 * A module of its own so that the UI bundle, which imports client.ts, never pulls in the engine.
 */
import type { Connection } from './client';
import { createEngine } from './engine';

export async function connectInProcess(): Promise<Connection> {
  return { engine: createEngine(), callback: (fn) => fn, transport: 'in-process' };
}
