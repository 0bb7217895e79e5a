// Cold-start onboarding on the demo data (issue 7: "under 100 ms per update on demo-ratings"), in the
// engine worker of the built app: demo-ratings mapped as events (a rating of 4 or more is a purchase),
// implicit ALS trained through the same comparison the Recommend view runs, then a new user picks
// 1..5 items one at a time. Each update folds the user into the trained model (no retraining) and
// scores every item. Prints the engine's own time per update and the round trip from the page.
// npm run bench -- onboarding [--algorithm als] [--picks 5]
import { openStudio } from '../browser.mjs';

export const name = 'onboarding';

function flag(args, key, fallback) {
  const i = args.indexOf(`--${key}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export async function run({ browser, url, args }) {
  const algorithm = flag(args, 'algorithm', 'als');
  const picks = Number(flag(args, 'picks', '5'));
  const page = await openStudio(browser, url, '?bench=1&backend=wasm');
  await page.waitForFunction(() => window.loupeEngine !== undefined, null, { timeout: 60_000 });
  await page.waitForFunction(async () => (await window.loupeEngine.data.listDatasets()).some((d) => d.name === 'demo-ratings.csv'), null, { timeout: 60_000, polling: 250 });
  const out = await page.evaluate(async ({ algorithm, picks }) => {
    const engine = window.loupeEngine;
    const ds = (await engine.data.listDatasets()).find((d) => d.name === 'demo-ratings.csv');
    const suggested = await engine.events.suggestEventsMapping(ds.id);
    if (!suggested.ok) throw new Error(suggested.message);
    const mapping = suggested.value.mapping;
    const trained = await engine.events.compareImplicit(mapping, { algorithms: [algorithm], seed: 42, diversity: 1 }, 'bench-onboarding', null);
    if (!trained.ok) throw new Error(trained.message);
    const found = await engine.events.searchEventItems(trained.value.comparisonId, '', 50);
    if (!found.ok) throw new Error(found.message);
    const items = found.value.map((x) => x.item);
    const updates = [];
    for (let n = 1; n <= picks; n++) {
      const t0 = performance.now();
      const r = await engine.events.onboardUser(trained.value.comparisonId, algorithm, items.slice(0, n * 7).filter((_, i) => i % 7 === 0), 10, 1);
      const roundTrip = performance.now() - t0;
      if (!r.ok) throw new Error(r.message);
      updates.push({ picks: n, engineMs: r.value.millis, roundTripMs: roundTrip });
    }
    return { updates };
  }, { algorithm, picks });
  const worst = Math.max(...out.updates.map((u) => u.roundTripMs));
  return [
    {
      workload: 'onboarding',
      backend: 'wasm',
      dataset: 'demo-ratings.csv (rating >= 4 is a purchase)',
      algorithm,
      value: +worst.toFixed(1),
      unit: 'ms (slowest update, round trip from the page)',
      updates: out.updates.map((u) => ({ picks: u.picks, engine_ms: +u.engineMs.toFixed(2), round_trip_ms: +u.roundTripMs.toFixed(1) })),
    },
  ];
}
