/**
 * For store tests: point the engine store at an in-process engine, started with the test
 * config, as the app points it at the worker. Stores reach it through engineConnection().
 */
import type { EngineConfig } from '../engine/api';
import { startTestEngine, type TestEngine } from '../engine/testEngine.testing';
import { useEngine } from './engine';

export async function useTestEngine(config: Partial<EngineConfig> = {}): Promise<TestEngine> {
  const connection = await startTestEngine('in-process', config);
  const info = await connection.engine.session.info();
  useEngine.setState({ connection, status: 'ready', compute: info.ok ? info.value.compute : null, memoryBudgetMB: config.memoryBudgetMB ?? 512 });
  return connection;
}
