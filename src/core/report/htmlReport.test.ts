import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { runReport } from '../experiment/exports';
import { demoConfig, loadDemoCustomers } from '../experiment/fixtures/demoRun';
import { datasetFromCsv, regressionCsv, threeClassCsv } from '../experiment/fixtures/smallData';
import { DEFAULT_SPLIT, runExperiment, type Experiment } from '../experiment/run';
import { setupTask } from '../experiment/setup';
import { defaultModelSpec, type ModelSpec } from '../models';
import { htmlReport } from './htmlReport';
import { svgChart } from './svgChart';

const meta = { runId: 'run1', dataset: 'demo-customers.csv', backend: 'cpu', createdAt: '2026-01-01T00:00:00.000Z' };

describe('HTML run report', () => {
  let run: Experiment;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const demo = loadDemoCustomers();
    const result = await runExperiment(demo.dataset, demoConfig(demo.setup, 'logistic', 42, { epochs: 3 }));
    if (!result.ok) throw new Error(result.error.message);
    run = result.value;
  }, 60_000);

  it('is self-contained: no script, no external reference, its own strict CSP', () => {
    const html = htmlReport(run, meta, 0.2);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    // The only URL is the SVG namespace name, which nothing fetches.
    expect(html.match(/https?:\/\/[^"\s]+/g)!.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(html).toContain(`content="default-src 'none'`);
  });

  it('shows data, settings, the metrics and confusion of the JSON report at the same threshold, and the charts as SVG', () => {
    const html = htmlReport(run, meta, 0.2);
    const json = runReport(run, meta, 0.2);
    const c = json.confusionMatrix as { tp: number; fp: number; tn: number; fn: number };
    for (const heading of ['Data', 'Settings', 'Metrics (test split, threshold 0.2)', 'Confusion matrix (test split at threshold 0.2)', 'Charts']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<th scope="row">decision threshold</th><td>0.2</td>');
    const recall = (json.metrics as { recall: number }).recall;
    expect(html).toContain(`<th scope="row">recall</th><td>${Number(recall.toPrecision(4))}</td>`);
    for (const n of [c.tn, c.fp, c.fn, c.tp]) expect(html).toContain(`<td>${n.toLocaleString('en-US')}</td>`);
    // ROC, PR and the training history.
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('aria-label="ROC curve');
  });
});

describe('HTML run report for the other tasks', () => {
  async function trained(csv: string, target: string): Promise<Experiment> {
    const ds = datasetFromCsv(csv);
    const setup = setupTask(ds, target);
    if (!setup.ok) throw new Error(setup.error.message);
    const s = setup.value;
    const kind = s.task === 'regression' ? 'linear' : 'logistic';
    const result = await runExperiment(ds, { target, task: s.task, positiveClass: s.positiveClass, features: s.features.filter((f) => f.include).map((f) => f.name), model: { ...defaultModelSpec(kind, s.task), epochs: 3 } as ModelSpec, seed: 5, split: DEFAULT_SPLIT, threshold: 0.5 });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it('multiclass: per-class ROC and the training history, a k x k confusion matrix, no threshold', async () => {
    await tf.setBackend('cpu');
    const html = htmlReport(await trained(threeClassCsv(300, 3), 'label'), meta);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<h2>Metrics (test split)</h2>');
    expect(html).not.toContain('decision threshold');
    expect(html.match(/<tr><th scope="row">/g)!.length).toBeGreaterThan(3);
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('regression: predicted vs actual and residual scatters, no confusion matrix', async () => {
    await tf.setBackend('cpu');
    const html = htmlReport(await trained(regressionCsv(300, 3), 'price'), meta);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('Predicted vs actual');
    expect(html).not.toContain('Confusion matrix');
    expect(html).not.toMatch(/NaN|undefined/);
  });
});

describe('svgChart', () => {
  it('draws each point of the curve on the plot area, y up, and breaks the line at a missing value', () => {
    const svg = svgChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 's', x: [0, 0.5, 1, 2], y: [0, 1, null, 0.5], color: '#000' }], xDomain: [0, 2], yDomain: [0, 1], width: 252, height: 170 });
    // Plot area: x 52..236 (184 wide), y 28..128 (100 high).
    expect(svg).toContain('d="M52 128 L98 28 M236 78"');
  });
});
