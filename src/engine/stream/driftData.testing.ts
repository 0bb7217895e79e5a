/**
 * A time-ordered CSV with a planted drift: before `at`, label = 1 when x1 + noise > 0; from `at` on
 * the relation flips (label = 1 when x1 + noise < 0) and x2 moves up by 1.5 (a feature drift).
 */
import { createRandom } from '../../core/random';

export function driftCsv(rows: number, at: number, seed: number, from = 0): string {
  const r = createRandom(seed);
  const lines = ['time,x1,x2,colour,label'];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++) {
    const x1 = r.normal();
    const after = i + from >= at;
    const x2 = r.normal() + (after ? 1.5 : 0);
    const colour = ['red', 'green', 'blue'][r.int(3)];
    const z = 2 * x1 + 0.3 * r.normal();
    const label = after ? (z < 0 ? 1 : 0) : z > 0 ? 1 : 0;
    lines.push(`${new Date(start + (i + from) * 60_000).toISOString()},${x1.toFixed(4)},${x2.toFixed(4)},${colour},${label}`);
  }
  return lines.join('\n') + '\n';
}
