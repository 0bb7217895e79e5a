// Writes the demo CSVs produced by the TypeScript generator (src/demo) to a folder, default /tmp/loupe-demo.
// Usage: node scripts/demo-check/write-csvs.mjs [outDir] [seed]
// TypeScript is loaded through Vite's module runner (no tsx here; Node 20 cannot strip types).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const outDir = process.argv[2] ?? '/tmp/loupe-demo';
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);

const { module: demo } = await runnerImport(join(root, 'src/demo/index.ts'), { configFile: false, root });
mkdirSync(outDir, { recursive: true });
const started = performance.now();
const files = demo.demoFiles(seed);
const ms = performance.now() - started;
for (const file of files) {
  writeFileSync(join(outDir, file.name), file.bytes);
  console.log(`${join(outDir, file.name)}  ${file.bytes.length} bytes  ${file.description}`);
}
console.log(`generated in ${ms.toFixed(0)} ms (seed ${seed ?? 'default'})`);
