/**
 * Backend probe and selection: the only place that registers and initialises tfjs backends.
 * The fastest backend is chosen by a short measured probe, not by a fixed order, because a
 * software WebGPU adapter (SwiftShader) is ~30x slower than wasm on a CPU-only machine.
 */
import { tf } from './tf';
import { replaceWasmCopyKernels } from './wasmKernels';

import { BACKEND_NAMES, isBackendName, type BackendName } from './names';

export { BACKEND_NAMES, isBackendName, type BackendName };

export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** Why it is unavailable, or details such as "software adapter (swiftshader)" or "SIMD, 2 threads". */
  detail: string;
  /** Measured GFLOP/s on the probe matmul; null when unavailable. */
  gflops: number | null;
  /** WebGPU only: true when the adapter is a software fallback rather than a real GPU. */
  software?: boolean;
}

export interface ComputeState {
  active: BackendName;
  probes: BackendProbe[];
  /** How the active backend was chosen. */
  chosenBy: 'probe' | 'forced' | 'user';
}

export interface ComputeOptions {
  /** URL prefix for the tfjs wasm binaries, served from our own origin (e.g. '/tfjs-wasm/'). */
  wasmPath?: string;
  /** Backends to consider; default: all. Node tests pass ['cpu', 'wasm']. */
  candidates?: readonly BackendName[];
  /** Probe matrix size; small so start-up stays quick. */
  probeSize?: number;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string };
}
interface GpuLike {
  requestAdapter(options?: object): Promise<GpuAdapterLike | null>;
}

let wasmModule: Promise<typeof import('@tensorflow/tfjs-backend-wasm')> | null = null;
let webgpuModule: Promise<unknown> | null = null;

async function ensureRegistered(name: BackendName, options: ComputeOptions): Promise<void> {
  if (name === 'wasm') {
    wasmModule ??= import('@tensorflow/tfjs-backend-wasm').then((m) => {
      if (options.wasmPath) m.setWasmPaths(options.wasmPath);
      // tfjs 4.22's pthread worker breaks when bundled as an ES-module worker ("e is not
      // defined" in every thread), which would hang the backend: use single-threaded SIMD.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      replaceWasmCopyKernels();
      return m;
    });
    await wasmModule;
  } else if (name === 'webgpu') {
    webgpuModule ??= import('@tensorflow/tfjs-backend-webgpu');
    await webgpuModule;
  }
}

async function describeWebGpu(): Promise<{ ok: boolean; detail: string; software: boolean }> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { ok: false, detail: 'WebGPU is not available in this browser', software: false };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { ok: false, detail: 'no WebGPU adapter', software: false };
  const info = adapter.info ?? {};
  const text = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  const software = adapter.isFallbackAdapter === true || /swiftshader|llvmpipe|software/i.test(text);
  return { ok: true, detail: software ? `software adapter (${text || 'fallback'})` : `GPU (${text || 'unknown'})`, software };
}

/** GFLOP/s of an n x n matmul after one warm-up, timed over a few repetitions. */
async function measureGflops(n: number): Promise<number> {
  const a = tf.randomUniform([n, n], -1, 1, 'float32', 1);
  const b = tf.randomUniform([n, n], -1, 1, 'float32', 2);
  try {
    const warm = tf.matMul(a, b);
    await warm.data();
    warm.dispose();
    const reps = 3;
    const start = performance.now();
    for (let i = 0; i < reps; i++) {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    }
    const seconds = Math.max((performance.now() - start) / 1000, 1e-6);
    return (2 * n * n * n * reps) / seconds / 1e9;
  } finally {
    a.dispose();
    b.dispose();
  }
}

function wasmDetail(): string {
  return tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD, single thread' : 'single thread, no SIMD';
}

const PROBE_TIMEOUT_MS = 30_000;

/** Try one backend: register, initialise, measure. Never throws, never hangs: a stuck backend times out. */
export async function probeBackend(name: BackendName, options: ComputeOptions = {}): Promise<BackendProbe> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<BackendProbe>((resolve) => {
    timer = setTimeout(() => resolve({ name, available: false, detail: `${name} did not start within ${PROBE_TIMEOUT_MS / 1000} s`, gflops: null }), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probeOnce(name, options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function probeOnce(name: BackendName, options: ComputeOptions): Promise<BackendProbe> {
  try {
    let detail = '';
    let software: boolean | undefined;
    if (name === 'webgpu') {
      const d = await describeWebGpu();
      if (!d.ok) return { name, available: false, detail: d.detail, gflops: null };
      detail = d.detail;
      software = d.software;
    }
    if (name === 'webgl' && typeof (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas === 'undefined' && typeof (globalThis as { document?: unknown }).document === 'undefined') {
      return { name, available: false, detail: 'WebGL needs OffscreenCanvas in a worker', gflops: null };
    }
    await ensureRegistered(name, options);
    const ok = await tf.setBackend(name);
    if (!ok) return { name, available: false, detail: `${name} failed to initialise`, gflops: null };
    await tf.ready();
    if (name === 'wasm') detail = wasmDetail();
    if (name === 'cpu') detail = 'plain JavaScript';
    if (name === 'webgl') detail = 'WebGL 2';
    const gflops = await measureGflops(options.probeSize ?? 256);
    return { name, available: true, detail, gflops, software };
  } catch (error) {
    return { name, available: false, detail: `${name} failed: ${(error as Error).message}`, gflops: null };
  }
}

/** Probe every candidate and activate the fastest, or the forced one when it works. */
export async function selectBackend(forced: BackendName | null, options: ComputeOptions = {}): Promise<ComputeState> {
  const candidates = options.candidates ?? BACKEND_NAMES;
  const probes: BackendProbe[] = [];
  // A forced backend skips measuring the others (start-up stays quick); they stay selectable.
  for (const name of candidates) {
    probes.push(forced && name !== forced ? { name, available: true, detail: 'not measured (backend set by URL)', gflops: null } : await probeBackend(name, options));
  }
  const usable = probes.filter((p) => p.available);
  const forcedProbe = forced ? usable.find((p) => p.name === forced) : undefined;
  // The forced backend cannot run here: fall back to measuring them all.
  if (forced && !forcedProbe) return selectBackend(null, options);
  const fastest = usable.slice().sort((a, b) => (b.gflops ?? 0) - (a.gflops ?? 0))[0];
  const chosen = forcedProbe ?? fastest;
  const active: BackendName = chosen ? chosen.name : 'cpu';
  await ensureRegistered(active, options);
  await tf.setBackend(active);
  await tf.ready();
  return { active, probes, chosenBy: forcedProbe ? 'forced' : 'probe' };
}

/** Switch to a backend the user picked; returns an error message when it cannot run here. */
export async function switchBackend(name: BackendName, options: ComputeOptions = {}): Promise<{ ok: true } | { ok: false; message: string }> {
  const previous = tf.getBackend() as BackendName;
  try {
    await ensureRegistered(name, options);
    if (await tf.setBackend(name)) {
      await tf.ready();
      return { ok: true };
    }
  } catch (error) {
    await tf.setBackend(previous);
    return { ok: false, message: `Could not switch to ${name}: ${(error as Error).message}` };
  }
  await tf.setBackend(previous);
  return { ok: false, message: `Could not switch to ${name}: it failed to initialise on this device.` };
}

export function activeBackend(): BackendName {
  return tf.getBackend() as BackendName;
}
