import { beforeAll, describe, expect, it } from 'vitest';
import { useDatasets } from './datasets';
import { useTestEngine } from './engine.testing';
import { useRecommend } from './recommend';

const rec = () => useRecommend.getState();

describe('recommend store against the in-process engine', () => {
  beforeAll(async () => {
    await useTestEngine({ loadDemo: true });
    await useDatasets.getState().refresh();
    const id = useDatasets.getState().order.find((d) => useDatasets.getState().byId[d].name === 'demo-ratings.csv')!;
    await rec().suggest(id);
  });

  it('compares, keeps the latest comparison id and previews the first user from it', async () => {
    rec().toggleAlgorithm('svd', false);
    rec().toggleAlgorithm('best', false);
    rec().toggleAlgorithm('knn-item', false);
    rec().setSplit({ kind: 'kfold', folds: 2, seed: 0 });
    await rec().compare();
    const first = rec().result!;
    expect(rec().jobError).toBeNull();
    expect(first.comparisonId).toMatch(/^cmp\d+$/);
    expect(rec().algorithm).toBe('baseline');
    expect(rec().preview?.top.length).toBe(10);

    await rec().compare();
    expect(rec().result!.comparisonId).not.toBe(first.comparisonId);
    // The preview now reads the latest comparison; a user search goes to it too.
    await rec().searchUsers(rec().user!.slice(0, 3));
    expect(rec().userMatches.length).toBeGreaterThan(0);
    expect(rec().previewError).toBeNull();
  });
});
