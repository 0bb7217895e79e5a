import { describe, expect, it } from 'vitest';
import { connectInProcess } from './inProcess';
import type { JobProgress } from './api';

const config = { backend: 'cpu' as const, memoryBudgetMB: 512, wasmPath: '', loadDemo: true };

describe('engine through the in-process client', () => {
  it('starts with the demo datasets, loads a file, pages rows, overrides a type and removes it', async () => {
    const { engine, callback } = await connectInProcess();
    const info = await engine.start(config);
    expect(info.compute.active).toBe('cpu');
    const demo = await engine.listDatasets();
    expect(demo.map((d) => d.name)).toEqual(['demo-customers.csv', 'demo-ratings.csv']);

    const progress: JobProgress[] = [];
    const file = new Blob(['city,temp\nOslo,3\nLima,19\nPune,NA\n']);
    const loaded = await engine.loadFile(file, 'weather.csv', null, 'job-1', callback((p: JobProgress) => progress.push(p)));
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.rowCount).toBe(3);
    expect(progress.at(-1)?.fraction).toBe(1);
    const page = await engine.rows(loaded.value.id, 1, 5);
    expect(page?.rows).toEqual([['Lima', '19'], ['Pune', null]]);

    const retyped = await engine.setColumnKind(loaded.value.id, 'temp', 'categorical');
    expect(retyped.ok && retyped.value.columns[1].kind).toBe('categorical');
    const refused = await engine.setColumnKind(loaded.value.id, 'city', 'numeric');
    expect(refused.ok).toBe(false);

    await engine.removeDataset(loaded.value.id);
    expect((await engine.listDatasets()).length).toBe(2);
  });

  it('a bad file is an error value and loses nothing', async () => {
    const { engine } = await connectInProcess();
    await engine.start({ ...config, loadDemo: false });
    await engine.loadFile(new Blob(['a,b\n1,2\n']), 'good.csv', null, 'j1', () => {});
    const bad = await engine.loadFile(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])]), 'x.csv', null, 'j2', () => {});
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('binary-file');
    expect((await engine.listDatasets()).map((d) => d.name)).toEqual(['good.csv']);
  });

  it('refuses a file over the memory budget before parsing', async () => {
    const { engine } = await connectInProcess();
    await engine.start({ ...config, loadDemo: false, memoryBudgetMB: 1 });
    const big = new Blob(['a,b,c\n' + '1,2,3\n'.repeat(300_000)]);
    const result = await engine.loadFile(big, 'big.csv', null, 'j', () => {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('too-large');
  });
});
