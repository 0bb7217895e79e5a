import { beforeAll, describe, expect, it } from 'vitest';
import { useDatasets } from './datasets';
import { engineConnection } from './engine';
import { useTestEngine } from './engine.testing';
import { useRuns } from './runs';

const runs = () => useRuns.getState();

describe('runs store against the in-process engine', () => {
  let datasetId = '';
  beforeAll(async () => {
    await useTestEngine({ loadDemo: true });
    await useDatasets.getState().refresh();
    datasetId = useDatasets.getState().order.find((id) => useDatasets.getState().byId[id].name === 'demo-customers.csv')!;
  });

  it('sets up a target with the default model, or says why it cannot', async () => {
    await runs().chooseTarget(datasetId, 'no such column');
    expect(runs().setup).toBeNull();
    expect(runs().setupError).toMatch(/no column named "no such column"/);
    await runs().chooseTarget(datasetId, 'churned');
    expect(runs().setupError).toBeNull();
    expect(runs().setup?.task).toBe('binary');
    expect(runs().model?.kind).toBe('logistic');
    expect(runs().currentConfig()?.target).toBe('churned');
  });

  it('trains a run, keeps its live epochs while running, selects it and answers threshold metrics', async () => {
    runs().updateModel({ epochs: 2 });
    await runs().train();
    expect(runs().trainError).toBeNull();
    expect(runs().job).toBeNull();
    expect(runs().runs).toHaveLength(1);
    const run = runs().runs[0];
    expect(runs().selectedRunId).toBe(run.id);
    expect(run.history).toHaveLength(2);
    await runs().setThreshold(0.3);
    expect(runs().threshold).toBe(0.3);
    expect(runs().thresholdMetrics?.threshold).toBe(0.3);
  });

  it('a held slider sends one threshold request at a time, and the last value wins', async () => {
    const api = engineConnection().engine.runs;
    const original = api.metricsAt;
    const asked: number[] = [];
    api.metricsAt = (runId, threshold) => {
      asked.push(threshold);
      return original.call(api, runId, threshold);
    };
    try {
      const steps = Array.from({ length: 20 }, (_, i) => runs().setThreshold(0.2 + i / 100));
      await Promise.all(steps);
    } finally {
      api.metricsAt = original;
    }
    // The first step, then only the latest value waiting when it answered.
    expect(asked).toEqual([0.2, 0.39]);
    expect(runs().threshold).toBe(0.39);
    expect(runs().thresholdMetrics?.threshold).toBe(0.39);
  });

  it('a cancelled run saves nothing and says so', async () => {
    runs().updateModel({ epochs: 200, earlyStoppingPatience: 0 });
    const training = runs().train();
    // Cancel once the first epochs arrived (an event, not a timer).
    await new Promise<void>((resolve) => {
      const stop = useRuns.subscribe((s) => {
        if (s.job && s.job.steps.length > 0) {
          stop();
          resolve();
        }
      });
    });
    await runs().cancel();
    await training;
    expect(runs().trainError).toBe('Training was cancelled. Nothing was saved; the app is ready for another run.');
    expect(runs().runs).toHaveLength(1);
  });

  it('switching the model kind takes that kind\'s defaults', async () => {
    await runs().setModelKind('mlp');
    expect(runs().modelKind).toBe('mlp');
    expect(runs().model?.kind).toBe('mlp');
  });

  it('a model picked while a new target is still being set up is kept, not reset to the default', async () => {
    await runs().chooseTarget(datasetId, 'spend');
    await runs().setModelKind('linear');
    // What a quick user does: the target (regression -> binary, so linear must give way) and at once the model.
    const target = runs().chooseTarget(datasetId, 'churned');
    const pick = runs().setModelKind('gbdt');
    await Promise.all([target, pick]);
    expect(runs().setup?.task).toBe('binary');
    expect(runs().modelKind).toBe('gbdt');
    expect(runs().model?.kind).toBe('gbdt');
  });
});
