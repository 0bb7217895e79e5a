/**
 * Gradient-boosted trees through the studio's own path: a run on demo-customers (native
 * categories, missing values), its XGBoost JSON download and reload, TreeSHAP in the Explain
 * code; and an XGBoost model trained elsewhere (fixtures/binary.json, xgboost 1.7.4) loaded with
 * no Loupe pipeline and scored by column name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../frame/ingest';
import { demoConfig, loadDemoCustomers, type DemoCustomers } from '../../experiment/fixtures/demoRun';
import { modelDownload, readModelDownload, scoreWithSaved } from '../../experiment/reload';
import { encodedRowsCsv } from '../../experiment/exports';
import { runExperiment, type Experiment } from '../../experiment/run';
import { buildBackground, DEFAULT_EXPLAIN_OPTIONS, explainEncoded } from '../../explain/explainer';
import { transform } from '../../prep';
import binary from './fixtures/binary.json';

describe('gradient-boosted trees in a run', () => {
  let demo: DemoCustomers;
  let run: Experiment;
  beforeAll(async () => {
    demo = loadDemoCustomers();
    const result = await runExperiment(demo.dataset, demoConfig(demo.setup, 'gbdt', 42, { rounds: 30 }));
    if (!result.ok) throw new Error(result.error.message);
    run = result.value;
  }, 60_000);

  it('trains in rounds on the native encoding (categories as codes, missing kept) and ranks churners well', () => {
    expect(run.progress).toBe('rounds');
    expect(run.pipeline.features.find((f) => f.kind === 'category')).toMatchObject({ native: 'codes' });
    expect(run.pipeline.features.every((f) => f.kind === 'text' || !f.missingIndicator)).toBe(true);
    expect(run.evaluation.task === 'binary' && run.evaluation.metrics.auc).toBeGreaterThan(0.75);
  });

  it('downloads as XGBoost JSON + pipeline and reloads to the same scores, bit for bit', async () => {
    const files = await modelDownload(run, 'p.json');
    expect(files.map((f) => f.name)).toEqual(['p.json', 'xgboost-model.json']);
    expect(JSON.parse(files[0].data as string).model).toEqual({ kind: 'gbdt', format: 'xgboost-json-1.7', files: ['xgboost-model.json'] });
    const read = await readModelDownload(files.map((f) => ({ ...f, data: String(f.data) })));
    if (!read.ok) throw new Error(read.message);
    const scored = await scoreWithSaved(read.value.model, read.value.pipeline, demo.dataset);
    expect(scored.ok && Array.from(scored.value.scores)).toEqual(Array.from(run.scores));
  });

  it('exports the encoded rows it scored: codes for categories, empty for missing, the split of every row', () => {
    const design = transform(run.pipeline, demo.dataset.columns, null);
    const text = encodedRowsCsv(run, design).join('');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(demo.dataset.rowCount + 1);
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['row_index', 'split', 'y']);
    expect(header).toContain('country (category code)');
    const country = header.indexOf('country (category code)');
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells.every((c) => c[country] === '' || Number.isInteger(Number(c[country])))).toBe(true);
    expect(new Set(cells.map((c) => c[1]))).toEqual(new Set(['train', 'val', 'test']));
    // Every value reads back as the float32 the model saw.
    const row = 7;
    cells[row].slice(3).forEach((v, c) => expect(v === '' ? NaN : Math.fround(Number(v))).toEqual(design.matrix[row * design.cols + c]));
  });

  it('one-hot categories instead: NaN in every column of a missing value, no indicator', async () => {
    const result = await runExperiment(demo.dataset, demoConfig(demo.setup, 'gbdt', 42, { rounds: 5, categories: 'one-hot' }));
    if (!result.ok) throw new Error(result.error.message);
    const step = result.value.pipeline.features.find((f) => f.kind === 'category');
    expect(step).toMatchObject({ native: 'one-hot', missingIndicator: false });
    expect(result.value.pipeline.outputNames.some((n) => n.endsWith('=other'))).toBe(true);
    result.value.model.dispose();
  });

  it('explains a row with TreeSHAP in the log-odds: additive, and the same values the forest gives', async () => {
    const explainable = { ...run, task: run.config.task };
    const bg = buildBackground(explainable, demo.dataset, 'kmeans', 10, 1);
    const x = transform(run.pipeline, demo.dataset.columns, Int32Array.of(3)).matrix;
    const a = await explainEncoded(explainable, bg, x, { ...DEFAULT_EXPLAIN_OPTIONS, space: 'margin' });
    expect(a.method).toBe('tree');
    const z = run.model.margin!(x, 1)[0];
    expect(a.output).toBeCloseTo(z, 9);
    expect(a.base + a.values.reduce((s, v) => s + v, 0)).toBeCloseTo(z, 9);
    expect(1 / (1 + Math.exp(-z))).toBeCloseTo(run.scores[3], 9);
  });
});

describe('an XGBoost model trained elsewhere', () => {
  it('loads with no Loupe pipeline and scores a file by column name as xgboost did', async () => {
    const f = binary as unknown as { model: string; x: (number | null)[][]; predict: number[] };
    const cols = f.x[0].length;
    const csv = [Array.from({ length: cols }, (_, i) => `f${i}`).join(','), ...f.x.map((r) => r.map((v) => (v === null ? '' : String(v))).join(','))].join('\n') + '\n';
    const loaded = ingestBytes(new TextEncoder().encode(csv), { id: 'x', name: 'rows.csv' });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const read = await readModelDownload([{ name: 'm.json', data: f.model }]);
    if (!read.ok) throw new Error(read.message);
    expect(read.value.pipeline.task).toBe('binary');
    const scored = await scoreWithSaved(read.value.model, read.value.pipeline, loaded.value);
    if (!scored.ok) throw new Error(scored.message);
    let worst = 0;
    scored.value.scores.forEach((s, i) => (worst = Math.max(worst, Math.abs(s - f.predict[i]))));
    expect(worst).toBeLessThan(1e-6);
  });

  it('says what is wrong with a file that is neither', async () => {
    expect(await readModelDownload([{ name: 'x.json', data: '{"a":1}' }])).toMatchObject({ ok: false, message: expect.stringMatching(/pipeline file .* or an XGBoost JSON model/) });
  });
});
