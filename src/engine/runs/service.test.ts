import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig, JobProgress, TrainProgress } from '../api';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';

describe.each(TRANSPORTS)('runs, saved models and explanations through the engine (%s)', (transport) => {
  let connection: TestEngine;
  let datasetId = '';
  let config: ExperimentConfig;
  beforeAll(async () => {
    connection = await startTestEngine(transport, { loadDemo: true });
    const { engine } = connection;
    datasetId = (await engine.data.listDatasets()).find((d) => d.name === 'demo-customers.csv')!.id;
    const setup = expectOk(await engine.runs.setupTask(datasetId, 'churned', null));
    const model = { ...(await engine.runs.defaultModel('logistic', setup.task)), epochs: 3 };
    config = {
      target: setup.target, task: setup.task, positiveClass: setup.positiveClass, features: setup.features.filter((f) => f.include).map((f) => f.name),
      model, seed: 42, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5,
    };
  });
  afterAll(() => connection.close());

  it('trains with batched epoch progress, exports Blobs, reloads the model and scores with it', async () => {
    const { engine, callback } = connection;
    const epochs: number[] = [];
    const run = expectOk(await engine.runs.train(datasetId, config, 'train-1', callback((p: TrainProgress) => epochs.push(...p.steps.map((e) => e.step)))));
    expect(run.label).toMatch(/^Run \d+ · logistic$/);
    expect(run.datasetVersion).toBe(1);
    expect(run.history).toHaveLength(3);
    expect(expectOk(await engine.runs.metricsAt(run.id, 0.3)).threshold).toBe(0.3);

    const report = expectOk(await engine.runs.exportReport(run.id));
    expect(report).toBeInstanceOf(Blob);
    expect(JSON.parse(await report.text())).toMatchObject({ runId: run.id });
    const predictions = await expectOk(await engine.runs.exportPredictions(run.id)).text();
    expect(predictions.split('\n')[0]).toMatch(/^row_index,/);

    const files = expectOk(await engine.runs.exportModel(run.id));
    expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/-pipeline\.json$/), 'model.json', 'weights.bin']);
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, data: f.name.endsWith('.json') ? await f.blob.text() : await f.blob.arrayBuffer() })));
    const saved = expectOk(await engine.saved.loadSavedModel(read));
    expect(saved.target).toBe('churned');
    const scores = expectOk(await engine.saved.scoreWithSavedModel(saved.modelId, datasetId));
    expect(scores.csv).toBeInstanceOf(Blob);
    expect((await scores.csv.text()).split('\n')[0]).toBe(scores.preview[0]);
    expect(await engine.saved.scoreWithSavedModel('saved99', datasetId)).toMatchObject({ ok: false, reason: 'not-found' });
    // Every epoch reached the callback, in order, however the deltas were batched.
    expect(epochs).toEqual(run.history.map((h) => h.step));
  });

  it('explains a row and exports the SHAP CSV as a Blob', async () => {
    const { engine, callback } = connection;
    const run = expectOk(await engine.runs.train(datasetId, config, 'train-2', callback(() => {})));
    const worst = expectOk(await engine.explain.worstErrors(run.id, 3));
    const settings = { space: 'probability' as const, method: 'auto' as const, samples: 256, backgroundSize: 10, backgroundKind: 'kmeans' as const };
    const bytesOf = async () => (await engine.session.resources()).resources.find((r) => r.id === run.id)!.bytes;
    const before = await bytesOf();
    const row = expectOk(await engine.explain.explainRow(run.id, worst[0].rowIndex, settings));
    // The background and the explained row are kept for the CSV, and charged to the run.
    expect(await bytesOf()).toBeGreaterThan(before);
    expect(row.features.length).toBe(config.features.length);
    const csv = expectOk(await engine.explain.exportShapCsv(run.id));
    expect((await csv.csv.text()).split('\n')[0]).toMatch(/^row_index,base_value,prediction,/);
    const bad = await engine.explain.explainRow(run.id, -1, settings);
    expect(bad).toMatchObject({ ok: false, reason: 'bad-input' });
  });

  it('runs the global summary and permutation importance as cancellable jobs', async () => {
    const { engine, callback } = connection;
    const run = expectOk(await engine.runs.train(datasetId, config, 'train-4', callback(() => {})));
    const settings = { space: 'probability' as const, method: 'kernel' as const, samples: 512, backgroundSize: 20, backgroundKind: 'kmeans' as const, rows: 400 };
    let asked = false;
    const cancelled = await engine.explain.explainGlobal(
      run.id,
      settings,
      'global-1',
      callback((p: JobProgress) => {
        if (!asked) void engine.session.cancel(p.jobId);
        asked = true;
      }),
    );
    expect(cancelled).toMatchObject({ ok: false, reason: 'cancelled' });
    const importance = expectOk(await engine.explain.permutationImportance(run.id, { repeats: 2 }, 'importance-1', null));
    expect(importance.metric).toBe('AUC');
    expect(importance.features.length).toBe(config.features.length);
  });

  it('removing the dataset names the runs that still use it; they keep working and hold its columns', async () => {
    const { engine, callback } = connection;
    const loaded = expectOk(await engine.data.loadFile(new Blob([await demoCsv(connection, datasetId)]), 'copy.csv', null, 'copy', callback(() => {})));
    const run = expectOk(await engine.runs.train(loaded.id, config, 'train-3', callback(() => {})));
    const removal = expectOk(await engine.data.removeDataset(loaded.id));
    expect(removal.dependents.map((d) => d.id)).toEqual([run.id]);
    expect(removal.keptBytes).toBeGreaterThan(0);
    expect(removal.freedBytes).toBe(0);
    expect(removal.message).toMatch(new RegExp(`${run.label} still uses it`));
    const held = (await engine.session.resources()).resources.find((r) => r.id === run.id)!;
    expect(held.bytes).toBeGreaterThan(removal.keptBytes);
    expect(held.note).toMatch(/copy\.csv, kept for this run/);
    expect((await engine.runs.sliceMetrics(run.id, 'country')).ok).toBe(true);
    const gone = expectOk(await engine.runs.removeRun(run.id));
    expect(gone.freedBytes).toBeGreaterThanOrEqual(removal.keptBytes);
    expect(await engine.runs.removeRun(run.id)).toMatchObject({ ok: false, reason: 'not-found' });
  });
});

/** The demo file's rows as CSV, read back through row pages (the engine never hands out columns). */
async function demoCsv(connection: TestEngine, datasetId: string): Promise<string> {
  const profile = (await connection.engine.data.listDatasets()).find((d) => d.id === datasetId)!;
  const page = expectOk(await connection.engine.data.rows(datasetId, 0, 500));
  const cell = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [profile.columns.map((c) => c.name).join(','), ...page.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
