/** Start-up and the compute backend; the session owns the config every other service reads. */
import { probeBackend, selectBackend, switchBackend, type ComputeOptions } from '../../core/compute/backends';
import { fail, ok } from '../outcome';
import type { JobRunner } from '../jobs';
import type { Resources } from '../resources';
import type { ComputeState, EngineConfig, SessionApi } from './api';

export interface SessionState {
  config(): EngineConfig | null;
  budgetBytes(): number;
}

const DEFAULT_BUDGET_MB = 2048;

export function createSessionService(jobs: JobRunner, resources: Resources, onStart: (config: EngineConfig) => void): { api: SessionApi; state: SessionState } {
  let config: EngineConfig | null = null;
  let compute: ComputeState | null = null;
  const computeOptions = (): ComputeOptions => ({ wasmPath: config?.wasmPath });
  const budgetBytes = () => (config?.memoryBudgetMB ?? DEFAULT_BUDGET_MB) * 1024 * 1024;

  const api: SessionApi = {
    async start(next) {
      config = next;
      compute = await selectBackend(next.backend, computeOptions());
      onStart(next);
      return { compute, memoryBudgetMB: next.memoryBudgetMB };
    },

    async info() {
      if (!config || !compute) return fail('not-started', 'The engine has not started.');
      return ok({ compute, memoryBudgetMB: config.memoryBudgetMB });
    },

    async switchBackend(name) {
      if (!compute) return fail('not-started', 'The engine has not started.');
      const previous = compute.active;
      // Measure the chosen backend (details and speed for the header), which also activates it.
      const probe = await probeBackend(name, computeOptions());
      if (!probe.available) {
        await switchBackend(previous, computeOptions());
        return fail('unavailable', `Could not switch to ${name}: ${probe.detail}. Still using ${previous}.`);
      }
      const switched = await switchBackend(name, computeOptions());
      if (!switched.ok) return fail('unavailable', switched.message);
      // Keep every other probe so the header can still offer the other backends.
      compute = { active: name, chosenBy: 'user', probes: compute.probes.map((p) => (p.name === name ? probe : p)) };
      return ok(compute);
    },

    async cancel(jobId) {
      jobs.cancel(jobId);
    },

    async resources() {
      const list = resources.list();
      return { budgetBytes: budgetBytes(), heldBytes: list.reduce((s, r) => s + r.bytes, 0), resources: list };
    },
  };
  return { api, state: { config: () => config, budgetBytes } };
}
