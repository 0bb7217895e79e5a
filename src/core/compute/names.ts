/** Backend names, free of tfjs so the UI bundle can use them without pulling tfjs in. */
export type BackendName = 'webgpu' | 'wasm' | 'webgl' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

export function isBackendName(value: string | null | undefined): value is BackendName {
  return value != null && (BACKEND_NAMES as readonly string[]).includes(value);
}
