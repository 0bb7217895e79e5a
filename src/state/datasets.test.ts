import { beforeAll, describe, expect, it } from 'vitest';
import { useDatasets } from './datasets';
import { useTestEngine } from './engine.testing';

const state = () => useDatasets.getState();
const file = (text: string, name: string) => new File([text], name);

describe('datasets store against the in-process engine', () => {
  beforeAll(async () => {
    await useTestEngine({ loadDemo: true, memoryBudgetMB: 64 });
    await state().refresh();
  });

  it('lists the demo datasets, selects the first and knows what the engine holds', () => {
    expect(state().order.map((id) => state().byId[id].name)).toEqual(['demo-customers.csv', 'demo-ratings.csv']);
    expect(state().activeId).toBe(state().order[0]);
    expect(state().memory?.budgetBytes).toBe(64 * 1024 * 1024);
    expect(state().memory?.resources.map((r) => r.kind)).toEqual(['dataset', 'dataset']);
  });

  it('loads a file, selects it, pages its rows and ends the job', async () => {
    await state().loadFile(file('city,temp\nOslo,3\nLima,19\n', 'weather.csv'));
    const id = state().activeId!;
    expect(state().byId[id].name).toBe('weather.csv');
    expect(state().job).toBeNull();
    expect(state().problem).toBeNull();
    expect((await state().fetchRows(id, 0, 10))?.rows).toEqual([['Oslo', '3'], ['Lima', '19']]);
    expect(await state().fetchRows('ds404', 0, 10)).toBeNull();
    expect(state().memory?.resources.some((r) => r.id === id)).toBe(true);
  });

  it('shows the engine message of a file that cannot be read, and keeps the rest', async () => {
    const before = state().order.length;
    await state().loadFile(file('', 'empty.csv'));
    expect(state().problem?.title).toBe('Could not load "empty.csv"');
    expect(state().problem?.message).toMatch(/empty/i);
    expect(state().order.length).toBe(before);
    state().dismissProblem();
    expect(state().problem).toBeNull();
  });

  it('re-reads with other settings, and refuses an impossible type with a titled problem', async () => {
    await state().reparse({ hasHeader: false });
    const profile = state().byId[state().activeId!];
    expect(profile.rowCount).toBe(3);
    expect(state().pendingSettings).toBeNull();
    await state().setColumnKind(profile.columns[0].name, 'numeric');
    expect(state().problem?.title).toBe(`Cannot make "${profile.columns[0].name}" numeric`);
  });

  it('accepts one file at a time', async () => {
    const first = state().loadFile(file('a\n1\n', 'one.csv'));
    await state().loadFile(file('a\n2\n', 'two.csv'));
    expect(state().problem?.title).toBe('One file at a time');
    await first;
    expect(state().order.map((id) => state().byId[id].name)).toContain('one.csv');
  });

  it('removes a dataset: gone from the list, the next one selected, the freed memory reported', async () => {
    const id = state().activeId!;
    await state().remove(id);
    expect(state().byId[id]).toBeUndefined();
    expect(state().activeId).toBe(state().order[0]);
    expect(state().lastRemoval?.datasetId).toBe(id);
    expect(state().lastRemoval?.message).toMatch(/freed/);
    expect(state().memory?.resources.some((r) => r.id === id)).toBe(false);
  });

  // Issue 16: loading a file again silently added a second dataset of the same name.
  it('asks before loading a file whose name is loaded: keep both as "name (2)", or replace', async () => {
    const names = () => state().order.map((id) => state().byId[id].name);
    await state().loadFile(file('a\n1\n', 'twice.csv'));
    const firstId = state().activeId!;
    await state().loadFile(file('a\n1\n2\n', 'twice.csv'));
    expect(state().sameName?.existingId).toBe(firstId);
    expect(names().filter((n) => n.startsWith('twice'))).toEqual(['twice.csv']);
    await state().chooseSameName('keep-both');
    expect(names().filter((n) => n.startsWith('twice'))).toEqual(['twice.csv', 'twice (2).csv']);
    await state().loadFile(file('a\n1\n2\n3\n', 'twice.csv'));
    await state().chooseSameName('replace');
    expect(names().filter((n) => n.startsWith('twice'))).toEqual(['twice (2).csv', 'twice.csv']);
    expect(state().byId[firstId]).toBeUndefined();
    expect(state().byId[state().activeId!].rowCount).toBe(3);
  });

  it('drops a load the user cancelled, even one the engine had already finished', async () => {
    const before = state().order.length;
    const loading = state().loadFile(file('a\n1\n', 'cancelled.csv'));
    await state().cancelJob();
    expect(state().job).toBeNull();
    await loading;
    expect(state().order.length).toBe(before);
    expect(state().memory?.resources.some((r) => r.label === 'cancelled.csv')).toBe(false);
  });
});
