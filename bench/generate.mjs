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

/** Box–Muller normal draws from a uniform source, as the generated bench inputs use them. */
export function normalFrom(r) {
  return () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/**
 * Writes a generated CSV once (later runs reuse the file): the header, then `line(i)` for each
 * row in order, buffered into ~1 MB writes that wait for the stream to drain.
 */
export async function writeCsvOnce(path, header, rows, line) {
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((res) => out.once('drain', res)));
  await write(`${header}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += line(i);
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((res) => out.end(res));
  return path;
}

const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'JP', 'ES', 'IT', 'CA'];
const PLANS = ['free', 'basic', 'pro', 'team', 'enterprise'];

/**
 * 1,000,000 rows x 10 columns (~50 MB): integer id, two floats, an integer count, two
 * categoricals, an ISO date, a boolean, a float with ~5% missing cells, a short code.
 */
export async function ingestCsv(path = 'bench/data/ingest-1m.csv', rows = 1_000_000) {
  const r = random(20261129);
  const day0 = Date.UTC(2020, 0, 1);
  return writeCsvOnce(path, 'id,score,amount,visits,country,plan,signup,active,rating,code', rows, (i) => {
    const date = new Date(day0 + Math.floor(r() * 1500) * 86400000).toISOString().slice(0, 10);
    const rating = r() < 0.05 ? '' : (1 + r() * 4).toFixed(2);
    return `${i + 1},${(r() * 100).toFixed(3)},${(r() * 5000 - 1000).toFixed(2)},${Math.floor(r() * 200)},${COUNTRIES[Math.floor(r() * r() * 10)]},${PLANS[Math.floor(r() * 5)]},${date},${r() < 0.7 ? 'true' : 'false'},${rating},K${Math.floor(r() * 900 + 100)}\n`;
  });
}

/**
 * ml-latest-small-sized ratings (610 users, 9,742 items, ~100,000 ratings, userId,movieId,rating,timestamp):
 * heavy-tailed user activity and item popularity like the real file, half-star ratings, sparse
 * movie ids. The shape, not the data: no MovieLens rows are copied.
 */
export async function movieLensSmallCsv(path = 'bench/data/ml-latest-small-shaped.csv', users = 610, items = 9742, target = 100_836) {
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(dirname(path), { recursive: true });
  const r = random(20261202);
  // Activity ~ 1/rank^0.9 per user, popularity ~ 1/rank^1.1 per item (sampled through a cumulative table).
  const activity = Array.from({ length: users }, (_, u) => 1 / Math.pow(u + 1, 0.9));
  const scale = target / activity.reduce((a, b) => a + b, 0);
  const weights = Array.from({ length: items }, (_, i) => 1 / Math.pow(i + 1, 1.1));
  const cumulative = new Float64Array(items);
  weights.reduce((acc, w, i) => (cumulative[i] = acc + w), 0);
  const total = cumulative[items - 1];
  const pickItem = () => {
    const x = r() * total;
    let lo = 0;
    let hi = items - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const quality = Array.from({ length: items }, () => r() * 2 - 1);
  const lines = ['userId,movieId,rating,timestamp'];
  for (let u = 0; u < users; u++) {
    const n = Math.max(20, Math.round(activity[u] * scale));
    const seen = new Set();
    const bias = r() - 0.5;
    for (let tries = 0; seen.size < Math.min(n, items) && tries < n * 20; tries++) {
      // Every item is rated at least once: the first users sweep the long tail in turn.
      const i = seen.size === 0 && u * 16 < items ? u * 16 + Math.floor(r() * 16) : pickItem();
      if (seen.has(i)) continue;
      seen.add(i);
      const raw = 3.5 + quality[i] + bias + (r() - 0.5) * 2;
      const stars = Math.min(5, Math.max(0.5, Math.round(raw * 2) / 2));
      lines.push(`${u + 1},${1 + i * 20},${stars},${964982703 + Math.floor(r() * 3e8)}`);
    }
  }
  const out = createWriteStream(path);
  await new Promise((res) => out.end(lines.join('\n') + '\n', res));
  return path;
}
