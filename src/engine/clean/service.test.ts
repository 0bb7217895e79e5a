/** The clean service through both transports: preview, apply to a new version, lineage, recipe files, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecipeStep } from '../../core/clean/types';
import { expectOk, startTestEngine, TRANSPORTS, type TestEngine } from '../testEngine.testing';

const STEPS: RecipeStep[] = [
  { op: 'drop-duplicates', columns: [] },
  { op: 'impute', column: 'age', method: 'median' },
  { op: 'entity-aggregates', key: 'country', value: 'spend', aggregates: ['count', 'mean'] },
  { op: 'pseudonymise', columns: ['email'] },
];

describe.each(TRANSPORTS)('clean service (%s)', (transport) => {
  let connection: TestEngine;
  let customers = '';
  beforeAll(async () => {
    connection = await startTestEngine(transport, { loadDemo: true });
    customers = (await connection.engine.data.listDatasets()).find((d) => d.name === 'demo-customers.csv')!.id;
  });
  afterAll(() => connection.close());

  it('previews each step, then applies to a new version that names its parent and recipe; the original stays', async () => {
    const { engine, callback } = connection;
    const before = (await engine.data.listDatasets()).find((d) => d.id === customers)!;
    const preview = expectOk(await engine.clean.preview(customers, STEPS, { pseudonymKey: 'secret-key-xyz' }));
    expect(preview.failedStep).toBeNull();
    expect(preview.reports.map((r) => r.op)).toEqual(STEPS.map((s) => s.op));
    // Dedupe runs first and drops a duplicate whose age was missing, so one fewer is filled.
    expect(preview.reports[0].rowsAfter).toBe(before.rowCount - before.duplicateRows);
    expect(preview.reports[1].valuesChanged).toBeGreaterThan(100);
    expect(preview.reports[1].valuesChanged).toBeLessThanOrEqual(before.columns.find((c) => c.name === 'age')!.missing);
    const applied = expectOk(await engine.clean.apply(customers, STEPS, { pseudonymKey: 'secret-key-xyz' }, 'clean-1', callback(() => undefined)));
    expect(applied.profile.name).toBe('demo-customers.csv · cleaned 1');
    expect(applied.profile.lineage).toMatchObject({ parentId: customers, parentName: 'demo-customers.csv', parentVersion: 1 });
    expect(applied.profile.lineage!.recipe.steps).toHaveLength(4);
    expect(applied.profile.columns.find((c) => c.name === 'age')!.missing).toBe(0);
    expect(applied.profile.columns.map((c) => c.name)).toContain('country_mean_spend');
    const list = await engine.data.listDatasets();
    expect(list.find((d) => d.id === customers)!.columns.find((c) => c.name === 'age')!.missing).toBe(before.columns.find((c) => c.name === 'age')!.missing);
    const entry = (await engine.audit.list()).find((e) => e.action === 'clean')!;
    expect(entry.detail).toContain('drop-duplicates, impute, entity-aggregates, pseudonymise');
    expect(JSON.stringify(await connection.engine.audit.list())).not.toContain('secret-key-xyz');
  });

  it('a failing step says which, and the preview keeps the steps before it', async () => {
    const preview = expectOk(await connection.engine.clean.preview(customers, [STEPS[1], { op: 'impute', column: 'nope', method: 'mean' }], {}));
    expect(preview.failedStep).toBe(1);
    expect(preview.message).toBe('Step 2 (Fill missing nope with the mean): No column named "nope" in demo-customers.csv.');
    expect(preview.reports).toHaveLength(1);
    const applied = await connection.engine.clean.apply(customers, [{ op: 'pseudonymise', columns: ['email'] }], {}, 'clean-2', connection.callback(() => undefined));
    expect(applied.ok).toBe(false);
  });

  it('exports a recipe and reads it back for a dataset with the columns; names what another lacks', async () => {
    const { engine } = connection;
    const blob = expectOk(await engine.clean.exportRecipe(customers, STEPS.slice(0, 2)));
    const text = await blob.text();
    expect(JSON.parse(text).format).toBe('loupe-recipe/1');
    expect(expectOk(await engine.clean.readRecipe(text, customers))).toEqual(STEPS.slice(0, 2));
    const ratings = (await engine.data.listDatasets()).find((d) => d.name === 'demo-ratings.csv')!.id;
    const other = await engine.clean.readRecipe(text, ratings);
    expect(other.ok ? '' : other.message).toContain('which demo-ratings.csv does not have');
    const bad = await engine.clean.readRecipe('{not json', customers);
    expect(bad.ok ? '' : bad.message).toBe('This file is not JSON, so it is not a Loupe recipe.');
  });
});

describe('clean service within the memory budget', () => {
  it('refuses a version that would pass the budget, naming it, and keeps everything', async () => {
    const connection = await startTestEngine('in-process', { loadDemo: true, memoryBudgetMB: 3 });
    try {
      const { engine, callback } = connection;
      const before = await engine.data.listDatasets();
      const customers = before.find((d) => d.name === 'demo-customers.csv')!.id;
      const out = await engine.clean.apply(customers, [{ op: 'impute', column: 'age', method: 'median' }], {}, 'clean-budget', callback(() => undefined));
      expect(out.ok ? '' : out.reason).toBe('too-large');
      expect(out.ok ? '' : out.message).toMatch(/^The cleaned version would take .* more than the 3\.0 MB memory budget: remove a dataset or a run first; nothing was changed\.$/);
      expect((await engine.data.listDatasets()).map((d) => d.id)).toEqual(before.map((d) => d.id));
    } finally {
      connection.close();
    }
  });
});
