import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser: $LOUPE_CHROMIUM when set, else Debian's /usr/bin/chromium, else Playwright's own.
 * --enable-unsafe-webgpu gives a software WebGPU adapter on machines without a GPU.
 */
const chromium = process.env.LOUPE_CHROMIUM || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
const port = Number(process.env.LOUPE_E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-output/e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
    acceptDownloads: true,
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
