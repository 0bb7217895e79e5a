import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../compute/tf';
import { ingestBytes } from '../frame/ingest';
import { demoConfig, loadDemoCustomers, type DemoCustomers } from './fixtures/demoRun';
import { modelDownload, parsePipelineFile, pipelineFile, readModelDownload, scoreWithSaved } from './reload';
import { runExperiment, type Experiment } from './run';

describe('reloading a downloaded model', () => {
  let demo: DemoCustomers;
  let run: Experiment;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    demo = loadDemoCustomers();
    const result = await runExperiment(demo.dataset, demoConfig(demo.setup, 'mlp', 42, { epochs: 2, hidden: [8] }));
    if (!result.ok) throw new Error(result.error.message);
    run = result.value;
  }, 60_000);

  it('scores every row as the original run did, within 1e-5, after a JSON round trip of every file', async () => {
    // Through JSON text and a copied buffer, as a download and a file picker would hand them back.
    const files = (await modelDownload(run, 'p.json')).map((f) => ({ name: f.name, data: typeof f.data === 'string' ? JSON.stringify(JSON.parse(f.data)) : f.data.slice(0) }));
    const read = await readModelDownload(files.reverse());
    if (!read.ok) throw new Error(read.message);
    const { model, pipeline } = read.value;
    const scored = await scoreWithSaved(model, pipeline, demo.dataset);
    if (!scored.ok) throw new Error(scored.message);
    expect(scored.value.rows).toBe(demo.dataset.rowCount);
    let worst = 0;
    scored.value.scores.forEach((s, i) => (worst = Math.max(worst, Math.abs(s - run.scores[i]))));
    expect(worst).toBeLessThanOrEqual(1e-5);
    expect(scored.value.csv.split('\n')[0]).toBe('row_index,y_pred,score');
    model.dispose();
  });

  it('says which column is missing when the new file lacks one', async () => {
    const loaded = ingestBytes(new TextEncoder().encode('age,country\n30,US\n'), { id: 'small', name: 'small.csv' });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const parsed = parsePipelineFile(JSON.stringify(pipelineFile(run)));
    if (!parsed.ok) throw new Error(parsed.message);
    const scored = await scoreWithSaved(run.model, parsed.value, loaded.value);
    expect(scored.ok).toBe(false);
    if (!scored.ok) expect(scored.message).toMatch(/no column/);
  });

  it('rejects a file that is not a Loupe pipeline', () => {
    expect(parsePipelineFile('{"format":"other"}').ok).toBe(false);
    expect(parsePipelineFile('not json').ok).toBe(false);
  });
});
