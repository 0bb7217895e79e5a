import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Privacy baseline: nothing but our own origin may be contacted. 'wasm-unsafe-eval' lets tfjs
 * compile its wasm; the threaded wasm backend starts its threads as blob: workers that
 * importScripts a blob: script, hence blob: in script-src and worker-src (blobs are made by
 * our own code; connect-src stays 'self').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Cross-origin isolation turns on SharedArrayBuffer, so the wasm backend can use threads. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Serve the tfjs wasm binaries from our own origin (public/tfjs-wasm, ignored by git). */
function tfjsWasmBinaries(): Plugin {
  return {
    name: 'loupe-tfjs-wasm',
    config() {
      const from = resolve(import.meta.dirname, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
      const to = resolve(import.meta.dirname, 'public/tfjs-wasm');
      mkdirSync(to, { recursive: true });
      for (const file of readdirSync(from)) {
        if (file.endsWith('.wasm') && !existsSync(resolve(to, file))) cpSync(resolve(from, file), resolve(to, file));
      }
    },
  };
}

/** The CSP goes into the built page only: the dev server's hot reload needs inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'loupe-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}

export default defineConfig({
  plugins: [react(), tfjsWasmBinaries(), contentSecurityPolicy()],
  worker: { format: 'es' },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY }, port: 4173, strictPort: false },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096, sourcemap: false },
});
