/**
 * A third kind added by a test alone: one folder (./index.ts) and the one registry line below.
 * It must then pass the conformance suite and work in every place a kind is used: the kind list
 * the Train form draws, a share link, search, a run with its evaluation, Explain (KernelSHAP, as it
 * has no exact explainer) and the model download and reload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeConformance } from '../conformance.testing';
import { kindsFor, modelKindInfos, registerModelKind } from '../registry';
import { defaultModelSpec, parseModelSpec } from '../fit';
import { constantPriorKind } from '.';
import { demoConfig, loadDemoCustomers, type DemoCustomers } from '../../experiment/fixtures/demoRun';
import { runExperiment, type Experiment } from '../../experiment/run';
import { searchModels } from '../../experiment/search';
import { configFromFragment, configToFragment } from '../../experiment/shareConfig';
import { modelDownload, readModelDownload, scoreWithSaved } from '../../experiment/reload';
import { buildBackground, explainEncoded, DEFAULT_EXPLAIN_OPTIONS } from '../../explain/explainer';
import { transform } from '../../prep';

registerModelKind(constantPriorKind);

describeConformance(constantPriorKind);

describe('a kind registered with one line works everywhere', () => {
  let demo: DemoCustomers;
  let run: Experiment;
  beforeAll(async () => {
    demo = loadDemoCustomers();
    const result = await runExperiment(demo.dataset, demoConfig(demo.setup, 'constant-prior', 3));
    if (!result.ok) throw new Error(result.error.message);
    run = result.value;
  });

  it('is offered by the Train form (kind list and settings schema) for every task it declares', () => {
    for (const task of ['binary', 'multiclass', 'regression'] as const) expect(kindsFor(task).map((k) => k.kind)).toContain('constant-prior');
    const info = modelKindInfos().find((k) => k.kind === 'constant-prior');
    expect(info).toMatchObject({ label: 'constant prior (baseline)', progress: 'rounds', settings: [{ key: 'smoothing', type: 'number' }] });
    expect(defaultModelSpec('constant-prior', 'binary')).toEqual({ kind: 'constant-prior', smoothing: 1 });
    expect(parseModelSpec({ kind: 'constant-prior', smoothing: -1 }, 'binary')).toEqual({ ok: false, message: 'Smoothing must be a number at least 0.' });
  });

  it('round-trips through a share link', () => {
    const parsed = configFromFragment(configToFragment(run.config));
    expect(parsed.ok && parsed.value?.model).toEqual({ kind: 'constant-prior', smoothing: 1 });
  });

  it('trains and is evaluated like any run: the training share of churners, AUC 0.5', () => {
    const train = run.y.filter((_, r) => run.splitOf[r] === 1);
    const share = (train.reduce((s, v) => s + v, 0) + 1) / (train.length + 2);
    expect(run.scores[0]).toBeCloseTo(share, 12);
    expect(run.progress).toBe('rounds');
    expect(run.history).toHaveLength(1);
    expect(run.evaluation.task === 'binary' && run.evaluation.metrics.auc).toBeCloseTo(0.5, 12);
  });

  it('is searched over its own settings', async () => {
    const result = await searchModels(demo.dataset, run.config, { mode: 'grid', space: { smoothing: [0, 10] }, samples: 0, k: 2 });
    expect(result.ok && result.value.map((c) => c.settings)).toEqual([{ smoothing: 0 }, { smoothing: 10 }]);
  });

  it('is explained by KernelSHAP: every attribution 0, additive', async () => {
    const explainable = { ...run, task: run.config.task };
    const bg = buildBackground(explainable, demo.dataset, 'kmeans', 10, 1);
    const x = transform(run.pipeline, demo.dataset.columns, Int32Array.of(0)).matrix;
    const a = await explainEncoded(explainable, bg, x, { ...DEFAULT_EXPLAIN_OPTIONS, method: 'kernel', samples: 256 });
    expect(a.method).toBe('kernel');
    expect(Math.max(...a.values.map(Math.abs))).toBeLessThan(1e-9);
    expect(a.output).toBeCloseTo(run.scores[0], 12);
    await expect(explainEncoded(explainable, bg, x, { ...DEFAULT_EXPLAIN_OPTIONS, space: 'margin' })).rejects.toThrow(/additive output/);
  });

  it('downloads and reloads through its own file format, scoring the same', async () => {
    const files = await modelDownload(run, 'p.json');
    expect(files.map((f) => f.name)).toEqual(['p.json', 'constant-prior.json']);
    const read = await readModelDownload(files);
    if (!read.ok) throw new Error(read.message);
    const scored = await scoreWithSaved(read.value.model, read.value.pipeline, demo.dataset);
    expect(scored.ok && Array.from(scored.value.scores)).toEqual(Array.from(run.scores));
  });
});
