/**
 * Our faithful reproductions against Surprise's published ml-100k means (fixtures/surpriseMl100k.ts),
 * 5-fold CV. Needs MovieLens 100K at $LOUPE_DATA_DIR/ml-100k/u.data (default ../shared/data beside the repo);
 * skipped with a message when it is missing. About 10 s on two cores.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPECS, fitAlgorithm } from './algorithms';
import { complementIndices, kFoldSplits, mae, predictAt, rmse } from './evaluate';
import { SURPRISE_ML100K } from './fixtures/surpriseMl100k';
import { parseRatingsText } from './ratings';

const dataFile = join(process.env.LOUPE_DATA_DIR ?? join(__dirname, '../../../../shared/data'), 'ml-100k', 'u.data');
const present = existsSync(dataFile);
if (!present) console.warn(`Skipping ml-100k reproduction tests: ${dataFile} not found (set LOUPE_DATA_DIR).`);

describe.skipIf(!present)('ml-100k, 5-fold CV, against Surprise', () => {
  const parsed = present ? parseRatingsText(readFileSync(dataFile, 'utf8')) : null;
  const data = parsed?.ok ? parsed.value : null;
  const folds = data ? kFoldSplits(data.rating.length, 5, 0) : [];
  const trains = data ? folds.map((test) => complementIndices(data.rating.length, test)) : [];

  it('reads 100,000 ratings of 943 users and 1682 items', () => {
    expect(data?.rating.length).toBe(100_000);
    expect(data?.users.length).toBe(943);
    expect(data?.items.length).toBe(1682);
  });

  for (const kind of ['baseline', 'knn', 'svd', 'svdpp'] as const) {
    it(`${kind} lands within 0.003 of Surprise's mean RMSE and MAE`, () => {
      if (!data) throw new Error('no data');
      let r = 0, m = 0;
      folds.forEach((test, f) => {
        const predicted = predictAt(fitAlgorithm(DEFAULT_SPECS[kind], data, trains[f]), data, test);
        r += rmse(data, test, predicted) / folds.length;
        m += mae(data, test, predicted) / folds.length;
      });
      expect(Math.abs(r - SURPRISE_ML100K[kind].rmse), `RMSE ${r.toFixed(4)}`).toBeLessThanOrEqual(0.003);
      expect(Math.abs(m - SURPRISE_ML100K[kind].mae), `MAE ${m.toFixed(4)}`).toBeLessThanOrEqual(0.003);
    });
  }
});
