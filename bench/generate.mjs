// Deterministic benchmark inputs, written to bench/data/ (ignored by git) so other tools can
// be timed on the same bytes.
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** mulberry32, as src/core/random.ts: same seed, same file. Shared by the generated bench inputs. */
export function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'JP', 'ES', 'IT', 'CA'];
const PLANS = ['free', 'basic', 'pro', 'team', 'enterprise'];

/**
 * 1,000,000 rows x 10 columns (~50 MB): integer id, two floats, an integer count, two
 * categoricals, an ISO date, a boolean, a float with ~5% missing cells, a short code.
 */
export async function ingestCsv(path = 'bench/data/ingest-1m.csv', rows = 1_000_000) {
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(dirname(path), { recursive: true });
  const r = random(20261129);
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((res) => out.once('drain', res)));
  await write('id,score,amount,visits,country,plan,signup,active,rating,code\n');
  const day0 = Date.UTC(2020, 0, 1);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const date = new Date(day0 + Math.floor(r() * 1500) * 86400000).toISOString().slice(0, 10);
    const rating = r() < 0.05 ? '' : (1 + r() * 4).toFixed(2);
    buf += `${i + 1},${(r() * 100).toFixed(3)},${(r() * 5000 - 1000).toFixed(2)},${Math.floor(r() * 200)},${COUNTRIES[Math.floor(r() * r() * 10)]},${PLANS[Math.floor(r() * 5)]},${date},${r() < 0.7 ? 'true' : 'false'},${rating},K${Math.floor(r() * 900 + 100)}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((res) => out.end(res));
  return path;
}
