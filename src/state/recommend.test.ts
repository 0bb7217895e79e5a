import { beforeAll, describe, expect, it } from 'vitest';
import { useDatasets } from './datasets';
import { useTestEngine } from './engine.testing';
import { previewSource, useRecommend } from './recommend';

const rec = () => useRecommend.getState();

async function until(what: string, cond: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('recommend store against the in-process engine', () => {
  beforeAll(async () => {
    // The fold-delay hook gives each fold 150 ms, so the store can be watched mid-comparison.
    await useTestEngine({ loadDemo: true, recommendFoldDelayMs: 150 });
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

  it('unlocks the preview for the first fitted algorithm while the others still run, with their time left', async () => {
    const before = rec().result!.comparisonId;
    rec().toggleAlgorithm('svd', true);
    rec().toggleAlgorithm('best', true);
    rec().setSplit({ kind: 'kfold', folds: 3, seed: 0 });
    const running = rec().compare();
    await until('the baseline to be ready', () => (rec().job?.ready.length ?? 0) > 0);
    const job = rec().job!;
    expect(job.ready).toEqual(['baseline']);
    const source = previewSource(rec())!;
    expect(source.comparisonId).not.toBe(before);
    expect(source.names).toEqual(['baseline']);
    expect(source.running).toEqual(['svd', 'best']);
    // The list comes from the running comparison, before it ends.
    await until('a preview from the running comparison', () => rec().previewComparisonId === source.comparisonId);
    expect(rec().job).not.toBeNull();
    expect(rec().preview?.algorithm).toBe('baseline');
    expect(rec().preview?.top).toHaveLength(10);
    // Per-algorithm lines: the baseline ready, SVD++ still waiting; SVD gets an estimate after its first fold.
    expect(rec().job!.algorithms.map((a) => [a.algorithm, a.status])).toContainEqual(['baseline', 'ready']);
    expect(rec().job!.algorithms.find((a) => a.algorithm === 'best')?.status).toBe('waiting');
    await until('an estimate for SVD', () => rec().job?.algorithms.find((a) => a.algorithm === 'svd')?.secondsLeft != null);
    const svd = rec().job!.algorithms.find((a) => a.algorithm === 'svd')!;
    expect(svd.status).toBe('running');
    expect(svd.foldsDone).toBeGreaterThanOrEqual(1);
    await running;
    // Done: the picker lists every algorithm and, with none picked by hand, shows the best by RMSE.
    const result = rec().result!;
    expect(result.comparisonId).toBe(source.comparisonId);
    expect(previewSource(rec())!.names).toEqual(['baseline', 'svd', 'best']);
    expect(rec().algorithm).toBe([...result.rows].sort((a, b) => a.rmse - b.rmse)[0].algorithm);
    expect(rec().preview?.algorithm).toBe(rec().algorithm);
  });

  it('keeps an algorithm picked mid-comparison, and falls back to the last finished comparison on cancel', async () => {
    const finished = rec().result!.comparisonId;
    const running = rec().compare();
    await until('the baseline to be ready', () => (rec().job?.ready.length ?? 0) > 0);
    await rec().pickAlgorithm('baseline');
    expect(rec().previewComparisonId).toBe(rec().job!.comparisonId);
    await rec().cancel();
    await running;
    expect(rec().jobError).toMatch(/cancelled/);
    expect(rec().result!.comparisonId).toBe(finished);
    expect(rec().previewComparisonId).toBe(finished);
    expect(rec().algorithm).toBe('baseline');
    expect(rec().preview?.top).toHaveLength(10);
    expect(rec().previewError).toBeNull();
  });
});
