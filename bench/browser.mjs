// Headless Chromium against the production build, for benchmarks. Mirrors playwright.config.ts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export function chromiumPath() {
  return process.env.LOUPE_CHROMIUM || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

export async function ensureBuild() {
  if (existsSync('dist/index.html')) return;
  console.error('[bench] no production build found: running vite build');
  await run('npx', ['vite', 'build']);
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/**
 * `vite preview` of dist/ on `port` ($LOUPE_BENCH_PORT, default 4399). Ready when this server says
 * it listens, not when the port answers: another session's preview on the same port would
 * answer with its own build.
 */
export async function startPreview(port = Number(process.env.LOUPE_BENCH_PORT ?? 4399)) {
  // vite itself, not through npx: killing an npx wrapper left the preview server running.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://localhost:${port}`;
  let said = '';
  let exited = null;
  server.stdout.on('data', (chunk) => (said += chunk));
  server.stderr.on('data', (chunk) => (said += chunk));
  server.on('exit', (code) => (exited = code));
  for (let i = 0; i < 100; i++) {
    if (exited !== null) throw new Error(`vite preview exited (${exited}) on port ${port}; set LOUPE_BENCH_PORT to a free one. ${said.trim()}`);
    if (said.includes(`:${port}/`)) {
      try {
        const res = await fetch(url);
        if (res.ok) return { url, stop: () => server.kill() };
      } catch {
        /* not up yet */
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

/** A browser plus its process id (launched as a server, so the runner can read its memory). */
export async function launchBrowser() {
  const server = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const browser = await chromium.connect(server.wsEndpoint());
  browser.loupePid = server.process().pid;
  const close = browser.close.bind(browser);
  // Closing can hang after a WebGPU (SwiftShader) run: give it 10 s, then kill the browser.
  browser.close = async () => {
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'timeout'));
    const closed = await Promise.race([close().then(() => server.close()), timeout]);
    if (closed === 'timeout') await server.kill();
  };
  return browser;
}

/** Resident memory (MB) of the browser's renderer processes, where the page and its workers run. */
export function rendererRssMB(browserPid) {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppidChain = status.match(/PPid:\s+(\d+)/);
      if (!ppidChain) continue;
      const rss = status.match(/VmRSS:\s+(\d+) kB/);
      if (rss && isDescendant(Number(pid), browserPid)) total += Number(rss[1]) / 1024;
    } catch {
      /* process ended */
    }
  }
  return total;
}

function isDescendant(pid, ancestor) {
  for (let p = pid, i = 0; p > 1 && i < 20; i++) {
    if (p === ancestor) return true;
    try {
      p = Number(readFileSync(`/proc/${p}/status`, 'utf8').match(/PPid:\s+(\d+)/)[1]);
    } catch {
      return false;
    }
  }
  return false;
}

/** Sample a value every interval until stopped; returns the peak. */
export function samplePeak(read, intervalMs = 50) {
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), intervalMs);
  return { stop: () => (clearInterval(timer), Math.max(peak, read())) };
}

/** Open the studio with the given query and wait for the engine. */
export async function openStudio(browser, url, query) {
  const page = await browser.newPage();
  // Saving the workspace in the background would share the worker with what is timed: off unless asked for.
  const q = /[?&]persist=/.test(query) ? query : `${query}${query.includes('?') ? '&' : '?'}persist=0`;
  await page.goto(`${url}/${q}`);
  await page.getByLabel('Compute backend').and(page.locator(':not([disabled])')).waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('#backend-select')?.value, null, { timeout: 120_000 });
  return page;
}
