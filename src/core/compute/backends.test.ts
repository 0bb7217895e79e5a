import { describe, expect, it } from 'vitest';
import { activeBackend, isBackendName, selectBackend, switchBackend } from './backends';

describe('selectBackend', () => {
  it('probes cpu and wasm in Node, measures each and activates the fastest', async () => {
    const state = await selectBackend(null, { candidates: ['cpu', 'wasm'], probeSize: 64 });
    expect(state.probes.map((p) => p.name)).toEqual(['cpu', 'wasm']);
    const usable = state.probes.filter((p) => p.available);
    expect(usable.length).toBeGreaterThan(0);
    const best = usable.reduce((a, b) => ((a.gflops ?? 0) >= (b.gflops ?? 0) ? a : b));
    expect(state.active).toBe(best.name);
    expect(activeBackend()).toBe(best.name);
  });
  it('honours a forced backend and switches on request', async () => {
    const state = await selectBackend('cpu', { candidates: ['cpu', 'wasm'], probeSize: 32 });
    expect(state.active).toBe('cpu');
    expect(state.chosenBy).toBe('forced');
    expect(await switchBackend('cpu')).toEqual({ ok: true });
  });
  it('reports webgpu as unavailable with a reason where there is none', async () => {
    const state = await selectBackend(null, { candidates: ['webgpu', 'cpu'], probeSize: 32 });
    const gpu = state.probes.find((p) => p.name === 'webgpu')!;
    expect(gpu.available).toBe(false);
    expect(gpu.detail).toMatch(/not available|adapter|failed/);
  });
  it('recognises backend names', () => {
    expect(isBackendName('wasm')).toBe(true);
    expect(isBackendName('tpu')).toBe(false);
  });
});
