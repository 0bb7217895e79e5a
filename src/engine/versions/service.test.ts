import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import type { ExperimentConfig } from '../api';
import { expectOk, startTestEngine, type TestEngine } from '../testEngine.testing';

// In process only: the comlink path is the same service, and each transport trains its own runs.
describe('model versions and ONNX export through the engine', () => {
  let connection: TestEngine;
  let datasetId = '';
  let config: ExperimentConfig;
  beforeAll(async () => {
    connection = await startTestEngine('in-process', { loadDemo: true });
    const { engine } = connection;
    datasetId = (await engine.data.listDatasets()).find((d) => d.name === 'demo-customers.csv')!.id;
    const setup = expectOk(await engine.runs.setupTask(datasetId, 'churned', null));
    const model = { ...(await engine.runs.defaultModel('logistic', setup.task)), epochs: 2 };
    const features = setup.features.filter((f) => f.include && f.name !== 'review' && f.name !== 'signup_date').map((f) => f.name);
    config = { target: setup.target, task: setup.task, positiveClass: setup.positiveClass, features, model, seed: 42, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5 };
  });
  afterAll(() => connection.close());

  it('numbers versions per model line, compares, promotes, rolls back and audits both', async () => {
    const { engine } = connection;
    const r1 = expectOk(await engine.runs.train(datasetId, config, 'v1', () => {}));
    const mlp = { ...(await engine.runs.defaultModel('mlp', 'binary')), hidden: [8], epochs: 2 };
    const r2 = expectOk(await engine.runs.train(datasetId, { ...config, model: mlp }, 'v2', () => {}));
    let [line] = await engine.versions.list();
    expect(line.key).toBe('binary:churned');
    expect(line.versions.map((v) => [v.runId, v.version, v.origin, v.current])).toEqual([[r1.id, 1, 'train', true], [r2.id, 2, 'train', false]]);
    expect(line.versions[0].data).toMatchObject({ datasetId, datasetName: 'demo-customers.csv', datasetVersion: 1, lineage: null });

    const cmp = expectOk(await engine.versions.compare(r1.id, r2.id));
    expect(cmp.settings.find((s) => s.setting === 'model')).toMatchObject({ a: 'logistic', b: 'mlp', same: false });
    const auc = cmp.metrics.find((m) => m.name === 'AUC')!;
    expect(auc.delta).toBeCloseTo((r2.evaluation.task === 'binary' ? r2.evaluation.metrics.auc! : 0) - (r1.evaluation.task === 'binary' ? r1.evaluation.metrics.auc! : 0), 12);

    line = expectOk(await engine.versions.promote(r2.id));
    expect(line.currentRunId).toBe(r2.id);
    line = expectOk(await engine.versions.rollback(line.key));
    expect(line.currentRunId).toBe(r1.id);
    expect(line.history.map((h) => `${h.action} v${h.version}`)).toEqual(['first v1', 'promote v2', 'rollback v1']);
    expect(await engine.versions.rollback(line.key)).toMatchObject({ ok: false, reason: 'no-previous' });
    const updates = (await engine.audit.list()).filter((e) => e.action === 'update');
    expect(updates.map((e) => e.detail)).toEqual([expect.stringMatching(/promoted version 2/), expect.stringMatching(/rolled back churned from version 2 to version 1/)]);

    // A removed version keeps the others' numbers.
    expectOk(await engine.runs.removeRun(r1.id));
    const r3 = expectOk(await engine.runs.train(datasetId, config, 'v3', () => {}));
    [line] = await engine.versions.list();
    expect(line.versions.map((v) => [v.runId, v.version])).toEqual([[r2.id, 2], [r3.id, 3]]);
    // The current (v1) was removed and nothing was promoted before it: the newest stands in.
    expect(line.currentRunId).toBe(r3.id);

    // The ONNX offer: sizes and computed metric changes; the download loads in onnxruntime.
    const offer = expectOk(await engine.portable.onnxOffer(r3.id));
    expect(offer.unavailable).toBeNull();
    expect(offer.options.map((o) => o.precision)).toEqual(['float32', 'float16', 'int8']);
    expect(offer.inputs.find((i) => i.name === 'country')).toEqual({ name: 'country', type: 'string' });
    const blob = expectOk(await engine.portable.exportOnnx(r3.id, 'int8'));
    expect(blob.size).toBe(offer.options[2].bytes);
    const session = await ort.InferenceSession.create(new Uint8Array(await blob.arrayBuffer()));
    expect([...session.inputNames].sort()).toEqual(offer.inputs.map((i) => i.name).sort());
    expect((await engine.audit.list()).some((e) => e.action === 'export' && /ONNX \(int8/.test(e.detail))).toBe(true);

    // A run with hashed text cannot be exported, and says why.
    const withText = expectOk(await engine.runs.train(datasetId, { ...config, features: [...config.features, 'review'] }, 'v4', () => {}));
    expect(expectOk(await engine.portable.onnxOffer(withText.id)).unavailable).toMatch(/"review" \(text\)/);
  }, 60_000);
});
