import { describe, expect, it } from 'vitest';
import type { EngineApi, ExperimentConfig, WorkspaceState } from '../api';
import { createEngine } from '../engine';
import { expectOk, TEST_CONFIG } from '../testEngine.testing';
import { createMemoryStore } from './records';

const csv = 'email,age,plan,churned\n' + Array.from({ length: 120 }, (_, i) => `user${i}@mail.test,${20 + (i % 50)},${['basic', 'pro', 'team'][i % 3]},${i % 4 === 0 ? 'yes' : 'no'}`).join('\n') + '\n';

async function engineOn(memory: ReturnType<typeof createMemoryStore>, demo = false) {
  const engine = createEngine({ workspaceStore: async () => ({ ok: true, store: memory.store }), workspaceDebounceMs: 5 });
  await engine.session.start({ ...TEST_CONFIG, loadDemo: demo });
  const states: WorkspaceState[] = [];
  const opened = expectOk(await engine.workspace.open({ persist: true }, (s) => states.push(s)));
  return { engine, opened, states };
}

async function trainOne(engine: EngineApi, datasetId: string) {
  const setup = expectOk(await engine.runs.setupTask(datasetId, 'churned', null));
  const model = { ...(await engine.runs.defaultModel('logistic', setup.task)), epochs: 2 };
  const config: ExperimentConfig = { target: 'churned', task: setup.task, positiveClass: setup.positiveClass, features: ['age', 'plan'], model, seed: 7, split: { train: 0.7, val: 0.15, test: 0.15 }, threshold: 0.5 };
  return expectOk(await engine.runs.train(datasetId, config, 'train-1', () => undefined));
}

const plaintextIn = (memory: ReturnType<typeof createMemoryStore>, needle: string) => {
  const bytes = new TextEncoder().encode(needle);
  return [...memory.records.values()].some((r) => {
    for (let i = 0; i + bytes.length <= r.data.length; i++) if (bytes.every((b, j) => r.data[i + j] === b)) return true;
    return false;
  });
};

describe('workspace persistence', () => {
  it('saves datasets, runs, drafts and the log, encrypted, and restores them in a new engine', async () => {
    const memory = createMemoryStore();
    const first = await engineOn(memory);
    expect(first.opened.state.status).toBe('ready');
    const ds = expectOk(await first.engine.data.loadFile(new Blob([csv]), 'customers.csv', null, 'load-1', () => undefined));
    const run = await trainOne(first.engine, ds.id);
    await first.engine.workspace.saveDrafts({ [ds.id]: [{ op: 'drop-duplicates' }] });
    const saved = await first.engine.workspace.saveNow();
    expect(saved.pending).toBe(false);
    expect(saved.problem).toBeNull();
    expect(memory.records.has(`dataset:${ds.id}:v1`)).toBe(true);
    expect(plaintextIn(memory, 'user17@mail.test')).toBe(false);
    expect(plaintextIn(memory, 'customers.csv')).toBe(false);

    const second = await engineOn(memory, true);
    const restored = second.opened.restored!;
    expect(restored.datasets.map((d) => d.name)).toEqual(['customers.csv']);
    expect(restored.runs.map((r) => r.id)).toEqual([run.id]);
    expect(restored.runs[0].evaluation).toEqual(run.evaluation);
    expect(restored.drafts).toEqual({ [ds.id]: [{ op: 'drop-duplicates' }] });
    // The restored run works as the original: exact metrics at a threshold, the same model.
    const before = expectOk(await first.engine.runs.metricsAt(run.id, 0.4));
    expect(expectOk(await second.engine.runs.metricsAt(run.id, 0.4))).toEqual(before);
    expect(expectOk(await second.engine.runs.backendAgreement(run.id)).maxAbsDiff).toBeLessThan(1e-6);
    const rows = expectOk(await second.engine.data.rows(ds.id, 0, 3));
    expect(JSON.stringify(rows)).toContain('user1@mail.test');
    const actions = (await second.engine.audit.list()).map((e) => e.action);
    expect(actions).toEqual(['load', 'train', 'restore']);
    // New ids do not collide with restored ones.
    const next = expectOk(await second.engine.data.loadFile(new Blob([csv]), 'again.csv', null, 'load-2', () => undefined));
    expect(next.id).not.toBe(ds.id);
  });

  it('keeps the dataset version a run was trained on beside the current one, and drops records nothing uses', async () => {
    const memory = createMemoryStore();
    const first = await engineOn(memory);
    const ds = expectOk(await first.engine.data.loadFile(new Blob([csv]), 'customers.csv', null, 'load-1', () => undefined));
    const run = await trainOne(first.engine, ds.id);
    expectOk(await first.engine.data.setColumnKind(ds.id, 'age', 'categorical'));
    await first.engine.workspace.saveNow();
    expect([...memory.records.keys()].filter((k) => k.startsWith('dataset:')).sort()).toEqual([`dataset:${ds.id}:v1`, `dataset:${ds.id}:v2`]);
    const second = await engineOn(memory);
    const restored = second.opened.restored!;
    expect(restored.datasets[0].columns.find((c) => c.name === 'age')?.kind).toBe('categorical');
    expect(restored.runs[0].datasetVersion).toBe(1);
    expect(expectOk(await second.engine.runs.metricsAt(run.id, 0.5))).toEqual(expectOk(await first.engine.runs.metricsAt(run.id, 0.5)));
    expectOk(await second.engine.runs.removeRun(run.id));
    await second.engine.workspace.saveNow();
    expect([...memory.records.keys()].filter((k) => k.startsWith('dataset:') || k.startsWith('run:'))).toEqual([`dataset:${ds.id}:v2`]);
  });

  it('with a passphrase: locked on start, a wrong passphrase refused, the right one restores; lock closes everything', async () => {
    const memory = createMemoryStore();
    const first = await engineOn(memory);
    const ds = expectOk(await first.engine.data.loadFile(new Blob([csv]), 'customers.csv', null, 'load-1', () => undefined));
    expect((await first.engine.workspace.setPassphrase('short')).ok).toBe(false);
    const protectedState = expectOk(await first.engine.workspace.setPassphrase('plum orchard 7'));
    expect(protectedState.protection).toBe('passphrase');
    const meta = await memory.store.readKey();
    expect(meta?.mode).toBe('passphrase');
    expect(meta && 'iterations' in meta ? meta.iterations : 0).toBeGreaterThanOrEqual(600_000);
    expect(meta && 'key' in meta).toBe(false);

    const second = await engineOn(memory, true);
    expect(second.opened.state.status).toBe('locked');
    expect(await second.engine.data.listDatasets()).toEqual([]);
    const wrong = await second.engine.workspace.unlock('plum orchard 8');
    expect(wrong.ok === false && wrong.reason).toBe('wrong-passphrase');
    const unlocked = expectOk(await second.engine.workspace.unlock('plum orchard 7'));
    expect(unlocked.datasets.map((d) => d.id)).toEqual([ds.id]);

    const locked = expectOk(await second.engine.workspace.lock());
    expect(locked.status).toBe('locked');
    expect(await second.engine.data.listDatasets()).toEqual([]);
    expect(expectOk(await second.engine.workspace.unlock('plum orchard 7')).datasets).toHaveLength(1);
    expect((await second.engine.audit.list()).map((e) => e.action)).toEqual(expect.arrayContaining(['update', 'unlock', 'lock']));
  });

  it('exports a project and imports it into an empty engine; a wrong passphrase and a changed byte are refused, with nothing loaded', async () => {
    const first = await engineOn(createMemoryStore());
    const ds = expectOk(await first.engine.data.loadFile(new Blob([csv]), 'customers.csv', null, 'load-1', () => undefined));
    const run = await trainOne(first.engine, ds.id);
    const file = expectOk(await first.engine.workspace.exportProject('export pass 1', 'export-1', () => undefined));
    const bytes = new Uint8Array(await file.arrayBuffer());

    const other = await engineOn(createMemoryStore());
    const wrong = await other.engine.workspace.importProject(new File([bytes], 'p.loupe'), 'export pass 2', 'import-1', () => undefined);
    expect(wrong.ok === false && wrong.reason).toBe('wrong-passphrase');
    const changed = bytes.slice();
    changed[changed.length - 40] ^= 1;
    const tampered = await other.engine.workspace.importProject(new File([changed], 'p.loupe'), 'export pass 1', 'import-2', () => undefined);
    expect(tampered.ok === false && tampered.reason).toBe('damaged');
    expect(tampered.ok === false && tampered.message).toMatch(/damaged or was changed/);
    expect(await other.engine.data.listDatasets()).toEqual([]);

    const imported = expectOk(await other.engine.workspace.importProject(new File([bytes], 'p.loupe'), 'export pass 1', 'import-3', () => undefined));
    expect(imported.datasets.map((d) => d.name)).toEqual(['customers.csv']);
    expect(imported.runs.map((r) => r.id)).toEqual([run.id]);
    expect(expectOk(await other.engine.runs.metricsAt(run.id, 0.5))).toEqual(expectOk(await first.engine.runs.metricsAt(run.id, 0.5)));
  });

  it('says what was not saved when storage is full, and keeps everything open', async () => {
    const memory = createMemoryStore();
    const first = await engineOn(memory);
    memory.state.failWith = new DOMException('full', 'QuotaExceededError');
    expectOk(await first.engine.data.loadFile(new Blob([csv]), 'customers.csv', null, 'load-1', () => undefined));
    const state = await first.engine.workspace.saveNow();
    expect(state.problem).toMatch(/storage for Loupe is full: customers\.csv could not be saved\. Everything is still open/);
    expect(await first.engine.data.listDatasets()).toHaveLength(1);
    memory.state.failWith = null;
    expect((await first.engine.workspace.saveNow()).problem).toBeNull();
  });
});
