/**
 * Loaded datasets as the UI draws them: profiles (small) keyed by id, the selection, and the
 * running load job. Rows stay in the worker; the table asks for pages.
 */
import { create } from 'zustand';
import type { ColumnKind, DatasetProfile, DatasetRemoval, JobProgress, MemoryReport, ParseSettings, RowPage } from '../engine/api';
import { engineConnection } from './engine';
import { isDemoName } from './leaveWarning';
import { keepBothName, type SameNameChoice, type SameNameFile } from './sameNameFile';

export interface LoadJob {
  id: string;
  name: string;
  fraction: number | null;
  message: string;
}

export interface DatasetsStore {
  byId: Record<string, DatasetProfile>;
  order: string[];
  activeId: string | null;
  job: LoadJob | null;
  /** Settings of a re-read in progress, shown at once so a toggled control does not snap back. */
  pendingSettings: Partial<ParseSettings> | null;
  /** The last problem, shown in a dismissible banner; loaded datasets are untouched. */
  problem: { title: string; message: string } | null;
  /** What the engine holds against its memory budget, refreshed after every load or removal. */
  memory: MemoryReport | null;
  /** What the last removal freed and what depends on the removed dataset. */
  lastRemoval: DatasetRemoval | null;
  /** A file whose name is already loaded, waiting for the user's choice. */
  sameName: SameNameFile | null;
  /** Demo datasets as loaded at start-up and never changed: losing them on leaving loses nothing. */
  untouchedDemoIds: string[];
  refresh(): Promise<void>;
  refreshMemory(): Promise<void>;
  loadFile(file: File): Promise<void>;
  /** The user's answer to `sameName`: replace the loaded one, keep both ("name (2)"), or load nothing. */
  chooseSameName(choice: SameNameChoice): Promise<void>;
  reparse(settings: Partial<ParseSettings>): Promise<void>;
  setColumnKind(column: string, kind: ColumnKind): Promise<void>;
  cancelJob(): Promise<void>;
  select(id: string): void;
  remove(id: string): Promise<void>;
  dismissProblem(): void;
  fetchRows(datasetId: string, offset: number, limit: number): Promise<RowPage | null>;
}

let jobCounter = 0;
const newJobId = () => `job-${Date.now().toString(36)}-${++jobCounter}`;

export const useDatasets = create<DatasetsStore>((set, get) => {
  /** Jobs the user cancelled: whatever they still return is dropped (the engine may have finished first). */
  const cancelledJobs = new Set<string>();
  // Any new version (re-read, retyped) makes a demo dataset the user's own work.
  const put = (profile: DatasetProfile, select: boolean) =>
    set((s) => ({
      untouchedDemoIds: s.untouchedDemoIds.filter((id) => id !== profile.id),
      byId: { ...s.byId, [profile.id]: profile },
      order: s.order.includes(profile.id) ? s.order : [...s.order, profile.id],
      activeId: select ? profile.id : s.activeId,
    }));

  const onProgress = (progress: JobProgress) =>
    set((s) => (s.job && s.job.id === progress.jobId && !cancelledJobs.has(progress.jobId) ? { job: { ...s.job, fraction: progress.fraction, message: progress.message } } : {}));

  /** Reads a file into a dataset called `name`; true when it was kept. */
  async function load(file: File, name: string): Promise<boolean> {
    const { engine, callback } = engineConnection();
    const id = newJobId();
    set({ job: { id, name, fraction: 0, message: `Reading ${name}` }, problem: null });
    // Marks let `npm run bench` time File -> profile ready from inside the page.
    performance.mark(`loupe:load-start:${id}`);
    try {
      const result = await engine.data.loadFile(file, name, null, id, callback(onProgress));
      if (result.ok && cancelledJobs.has(id)) {
        // The engine finished before the cancel reached it: cancelled still means not loaded.
        await engine.data.removeDataset(result.value.id);
        return false;
      }
      if (result.ok) {
        performance.measure(`loupe:load:${name}`, `loupe:load-start:${id}`);
        put(result.value, true);
        await get().refreshMemory();
        return true;
      }
      if (result.reason !== 'cancelled') set({ problem: { title: `Could not load "${name}"`, message: result.message } });
    } catch (error) {
      set({ problem: { title: `Could not load "${name}"`, message: (error as Error).message } });
    } finally {
      cancelledJobs.delete(id);
      set((s) => (s.job?.id === id ? { job: null } : {}));
    }
    return false;
  }

  return {
    byId: {},
    order: [],
    activeId: null,
    job: null,
    pendingSettings: null,
    problem: null,
    memory: null,
    lastRemoval: null,
    sameName: null,
    untouchedDemoIds: [],

    async refresh() {
      const { engine } = engineConnection();
      const list = await engine.data.listDatasets();
      const firstList = get().order.length === 0;
      set((s) => ({
        byId: Object.fromEntries(list.map((d) => [d.id, d])),
        order: list.map((d) => d.id),
        untouchedDemoIds: firstList ? list.filter((d) => isDemoName(d.name)).map((d) => d.id) : s.untouchedDemoIds.filter((id) => list.some((d) => d.id === id)),
        activeId: s.activeId && list.some((d) => d.id === s.activeId) ? s.activeId : (list[0]?.id ?? null),
      }));
      await get().refreshMemory();
    },

    async refreshMemory() {
      set({ memory: await engineConnection().engine.session.resources() });
    },

    async loadFile(file) {
      if (get().job) {
        set({ problem: { title: 'One file at a time', message: `Wait for "${get().job!.name}" to finish, or cancel it, before adding "${file.name}".` } });
        return;
      }
      const existingId = get().order.find((id) => get().byId[id].name === file.name);
      if (existingId) {
        set({ sameName: { file, existingId }, problem: null });
        return;
      }
      await load(file, file.name);
    },

    async chooseSameName(choice) {
      const pending = get().sameName;
      set({ sameName: null });
      if (!pending || choice === 'cancel') return;
      if (choice === 'keep-both') {
        await load(pending.file, keepBothName(pending.file.name, get().order.map((id) => get().byId[id].name)));
        return;
      }
      // Replace only once the new one is in: a failed or cancelled read keeps the old dataset.
      if (await load(pending.file, pending.file.name)) await get().remove(pending.existingId);
    },

    async reparse(settings) {
      const active = get().activeId;
      if (!active || get().job) return;
      const { engine, callback } = engineConnection();
      const name = get().byId[active].name;
      const id = newJobId();
      set({ job: { id, name, fraction: 0, message: `Re-reading ${name}` }, problem: null, pendingSettings: settings });
      try {
        const result = await engine.data.reparse(active, settings, id, callback(onProgress));
        if (result.ok) {
          put(result.value, false);
          await get().refreshMemory();
        } else if (result.reason !== 'cancelled') set({ problem: { title: `Could not re-read "${name}"`, message: `${result.message} The previous version is kept.` } });
      } finally {
        cancelledJobs.delete(id);
        set((s) => (s.job?.id === id ? { job: null, pendingSettings: null } : {}));
      }
    },

    async setColumnKind(column, kind) {
      const active = get().activeId;
      if (!active) return;
      const result = await engineConnection().engine.data.setColumnKind(active, column, kind);
      if (result.ok) {
        put(result.value, false);
        await get().refreshMemory();
      } else set({ problem: { title: `Cannot make "${column}" ${kind}`, message: result.message } });
    },

    async cancelJob() {
      const job = get().job;
      if (!job) return;
      // The bar goes at once; late progress and a late result of this job are ignored.
      cancelledJobs.add(job.id);
      set({ job: null, pendingSettings: null });
      await engineConnection().engine.session.cancel(job.id);
    },

    select(id) {
      set({ activeId: id });
    },

    async remove(id) {
      const removal = await engineConnection().engine.data.removeDataset(id);
      // Not found: already gone in the engine, so it goes from the list too.
      set((s) => {
        const { [id]: _removed, ...rest } = s.byId;
        const order = s.order.filter((x) => x !== id);
        return { byId: rest, order, activeId: s.activeId === id ? (order[0] ?? null) : s.activeId, lastRemoval: removal.ok ? removal.value : null };
      });
      await get().refreshMemory();
    },

    dismissProblem() {
      set({ problem: null });
    },

    async fetchRows(datasetId, offset, limit) {
      const page = await engineConnection().engine.data.rows(datasetId, offset, limit);
      return page.ok ? page.value : null;
    },
  };
});
