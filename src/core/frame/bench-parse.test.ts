/**
 * Micro-benchmark, skipped unless LOUPE_BENCH=1:
 *   LOUPE_BENCH=1 npx vitest run src/core/frame/bench-parse.test.ts
 * Generates a 1M-row x 10-column CSV (seeded) and prints parse MB/s and profile time.
 * Not a test of speed: it never fails on a time, it only reports.
 */
import { describe, expect, test } from 'vitest';
import { createRandom } from '../random';
import { ingestBytes } from './ingest';
import { profileDataset } from './profile';

const ROWS = Number(process.env.LOUPE_BENCH_ROWS ?? 1_000_000);

function generateCsv(rows: number): Uint8Array {
  const random = createRandom(42);
  const cities = ['Paris', 'Lyon', 'Marseille', 'Lille', 'Nantes', 'Nice', 'Rennes', 'Dijon'];
  const lines: string[] = ['id,price,score,age,city,segment,signup,active,ratio,code'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + random.int(28);
    lines.push(
      [
        i + 1,
        (random.next() * 1000).toFixed(2),
        random.normal().toFixed(6),
        18 + random.int(60),
        cities[random.int(cities.length)],
        `seg_${random.int(100)}`,
        `2023-0${1 + random.int(9)}-${day < 10 ? '0' : ''}${day}`,
        random.int(2),
        random.next().toFixed(4),
        random.int(100000),
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe.skipIf(!process.env.LOUPE_BENCH)('parse benchmark', () => {
  test(`ingest ${ROWS} rows x 10 columns`, () => {
    const bytes = generateCsv(ROWS);
    const mb = bytes.length / (1024 * 1024);
    const times: number[] = [];
    const cpu: number[] = [];
    let rowCount = 0;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const result = ingestBytes(bytes, { id: 'bench', name: 'bench.csv' });
      times.push(performance.now() - start);
      // CPU time (user + system) as well as wall time: on a shared machine wall time includes waiting.
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      if (!result.ok) throw new Error(result.error.message);
      rowCount = result.value.rowCount;
      if (run === 2) {
        const t = performance.now();
        const cpuStart = process.cpuUsage();
        const profile = profileDataset(result.value);
        const profileMs = performance.now() - t;
        const profileCpu = process.cpuUsage(cpuStart);
        console.log(`profile: wall ${profileMs.toFixed(0)} ms, cpu ${((profileCpu.user + profileCpu.system) / 1000).toFixed(0)} ms; kinds ${profile.columns.map((c) => c.kind).join(',')}`);
      }
    }
    const best = Math.min(...times);
    const bestCpu = Math.min(...cpu);
    console.log(
      `parse: ${mb.toFixed(1)} MB, wall ${times.map((t) => t.toFixed(0)).join('/')} ms (best ${(mb / (best / 1000)).toFixed(1)} MB/s), ` +
        `cpu ${cpu.map((t) => t.toFixed(0)).join('/')} ms (best ${(mb / (bestCpu / 1000)).toFixed(1)} MB/s)`,
    );
    expect(rowCount).toBe(ROWS);
  });
});
