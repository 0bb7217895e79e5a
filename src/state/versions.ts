/**
 * Model versions as the Models view and Evaluate's run picker draw them: the lines from the engine,
 * the two versions ticked for comparison, and the comparison itself. Promote and roll back go to
 * the engine (which audits them) and redraw the line it answers.
 */
import { create } from 'zustand';
import type { ModelLine, VersionComparison } from '../engine/api';
import { engineConnection } from './engine';
import { useRuns } from './runs';
import { useUi } from './ui';

export interface VersionsStore {
  lines: ModelLine[];
  /** Run ids ticked for comparison, at most two, oldest tick first. */
  ticked: string[];
  comparison: VersionComparison | null;
  error: string | null;
  refresh(): Promise<void>;
  tick(runId: string, on: boolean): void;
  compare(): Promise<void>;
  promote(runId: string): Promise<void>;
  rollback(lineKey: string): Promise<void>;
  /** Show a version in the Evaluate view. */
  openInEvaluate(runId: string): void;
}

function replaceLine(lines: ModelLine[], line: ModelLine): ModelLine[] {
  return lines.map((l) => (l.key === line.key ? line : l));
}

export const useVersions = create<VersionsStore>((set, get) => ({
  lines: [],
  ticked: [],
  comparison: null,
  error: null,

  async refresh() {
    const lines = await engineConnection().engine.versions.list();
    const alive = new Set(lines.flatMap((l) => l.versions.map((v) => v.runId)));
    const ticked = get().ticked.filter((id) => alive.has(id));
    const c = get().comparison;
    set({ lines, ticked, comparison: c && alive.has(c.a.runId) && alive.has(c.b.runId) ? c : null });
  },

  tick(runId, on) {
    const rest = get().ticked.filter((id) => id !== runId);
    // A third tick lets go of the oldest, so two stay ticked.
    set({ ticked: on ? [...rest, runId].slice(-2) : rest, error: null });
  },

  async compare() {
    const [a, b] = get().ticked;
    if (!a || !b) {
      set({ error: 'Tick two versions of one model to compare them.' });
      return;
    }
    const result = await engineConnection().engine.versions.compare(a, b);
    set(result.ok ? { comparison: result.value, error: null } : { comparison: null, error: result.message });
  },

  async promote(runId) {
    const result = await engineConnection().engine.versions.promote(runId);
    if (!result.ok) return set({ error: result.message });
    set({ lines: replaceLine(get().lines, result.value), error: null });
    const v = result.value.versions.find((x) => x.current);
    useUi.getState().announce(`Version ${v?.version ?? ''} of ${result.value.target} is now current`);
  },

  async rollback(lineKey) {
    const result = await engineConnection().engine.versions.rollback(lineKey);
    if (!result.ok) return set({ error: result.message });
    set({ lines: replaceLine(get().lines, result.value), error: null });
    const v = result.value.versions.find((x) => x.current);
    useUi.getState().announce(`Rolled back: version ${v?.version ?? ''} of ${result.value.target} is current again`);
  },

  openInEvaluate(runId) {
    useRuns.getState().selectRun(runId);
    useUi.getState().openView('evaluate');
  },
}));
