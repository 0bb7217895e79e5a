/**
 * The saved workspace as the page shows it: its state (saved, saving, locked, off), the quota,
 * the audit log, and the export/import job. Restores, unlocks and imports hand what came back to
 * the datasets, runs and recipe-draft stores; lock and delete empty them.
 */
import { create } from 'zustand';
import type { AuditEntry, JobProgress, RestoredWorkspace, StorageQuota, WorkspaceState } from '../engine/api';
import { useDatasets } from './datasets';
import { saveBlob } from './download';
import { engineConnection } from './engine';
import { useRecipeDraft } from './recipeDraft';
import { useRuns } from './runs';
import type { RecipeStep } from '../core/clean/types';

export interface ProjectJob {
  id: string;
  kind: 'export' | 'import';
  fraction: number;
  message: string;
  startedAt: number;
}

export interface WorkspaceStore {
  state: WorkspaceState | null;
  panelOpen: boolean;
  quota: StorageQuota | null;
  audit: AuditEntry[];
  job: ProjectJob | null;
  /** The answer to the last action in the panel: what worked, or why not (shown beside it). */
  notice: { tone: 'ok' | 'error'; text: string; about: 'passphrase' | 'unlock' | 'export' | 'import' | 'lock' | 'delete' } | null;
  open(persist: boolean): Promise<void>;
  setPanelOpen(open: boolean): void;
  refreshPanel(): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  setPassphrase(passphrase: string): Promise<void>;
  removePassphrase(): Promise<void>;
  exportProject(passphrase: string): Promise<void>;
  importProject(file: File, passphrase: string): Promise<void>;
  cancelJob(): Promise<void>;
  clear(): Promise<void>;
  exportAuditCsv(): Promise<void>;
}

let jobCounter = 0;

/** The other stores show what the engine holds now. */
async function showRestored(restored: RestoredWorkspace | null): Promise<void> {
  await useDatasets.getState().refresh();
  const runs = restored?.runs ?? [];
  useRuns.setState({ runs, selectedRunId: runs.at(-1)?.id ?? null, threshold: 0.5, thresholdMetrics: null });
  useRecipeDraft.setState({ drafts: (restored?.drafts ?? {}) as Record<string, RecipeStep[]> });
}

export const useWorkspace = create<WorkspaceStore>((set, get) => {
  const done = (about: NonNullable<WorkspaceStore['notice']>['about'], result: { ok: true } | { ok: false; message: string }, okText: string) =>
    set({ notice: result.ok ? { tone: 'ok', text: okText, about } : { tone: 'error', text: result.message, about } });

  async function runJob<T>(kind: ProjectJob['kind'], body: (jobId: string, onProgress: (p: JobProgress) => void) => Promise<T>): Promise<T | null> {
    if (get().job) return null;
    const id = `project-${++jobCounter}`;
    set({ job: { id, kind, fraction: 0, message: kind === 'export' ? 'Packing the workspace' : 'Reading the file', startedAt: Date.now() }, notice: null });
    const { callback } = engineConnection();
    try {
      return await body(id, callback((p: JobProgress) => set((s) => (s.job?.id === p.jobId ? { job: { ...s.job, fraction: p.fraction ?? s.job.fraction, message: p.message } } : {}))));
    } finally {
      set((s) => (s.job?.id === id ? { job: null } : {}));
    }
  }

  return {
    state: null,
    panelOpen: false,
    quota: null,
    audit: [],
    job: null,
    notice: null,

    async open(persist) {
      const { engine, callback } = engineConnection();
      // Marks let `npm run bench -- persist` time the restore from inside the page.
      performance.mark('loupe:workspace-open-start');
      const opened = await engine.workspace.open({ persist }, callback((state: WorkspaceState) => set({ state })));
      if (!opened.ok) {
        set({ state: await engine.workspace.state(), notice: { tone: 'error', text: opened.message, about: 'unlock' } });
        return;
      }
      set({ state: opened.value.state });
      if (opened.value.restored) await showRestored(opened.value.restored);
      performance.measure('loupe:workspace-open', 'loupe:workspace-open-start');
      // Recipe drafts live on the page; the engine saves them with the rest.
      useRecipeDraft.subscribe((s, before) => {
        if (s.drafts !== before.drafts) void engineConnection().engine.workspace.saveDrafts(s.drafts);
      });
    },

    setPanelOpen(open) {
      set({ panelOpen: open, notice: open ? get().notice : null });
      if (open) void get().refreshPanel();
    },

    async refreshPanel() {
      const { engine } = engineConnection();
      const [quota, audit] = await Promise.all([engine.workspace.quota(), engine.audit.list()]);
      set({ quota, audit });
    },

    async unlock(passphrase) {
      const result = await engineConnection().engine.workspace.unlock(passphrase);
      done('unlock', result, 'Unlocked: your datasets and runs are back.');
      if (result.ok) {
        await showRestored(result.value);
        set({ notice: null });
      }
    },

    async lock() {
      const result = await engineConnection().engine.workspace.lock();
      done('lock', result, 'Locked.');
      if (result.ok) {
        await showRestored(null);
        set({ panelOpen: false, notice: null });
      }
    },

    async setPassphrase(passphrase) {
      const result = await engineConnection().engine.workspace.setPassphrase(passphrase);
      done('passphrase', result, 'The saved workspace is now protected by your passphrase. It is asked for when Loupe opens; Lock closes everything until then.');
      void get().refreshPanel();
    },

    async removePassphrase() {
      const result = await engineConnection().engine.workspace.removePassphrase();
      done('passphrase', result, 'The passphrase is removed: the workspace is encrypted with a key this browser keeps and opens without asking.');
      void get().refreshPanel();
    },

    async exportProject(passphrase) {
      const result = await runJob('export', (id, onProgress) => engineConnection().engine.workspace.exportProject(passphrase, id, onProgress));
      if (!result) return;
      if (result.ok) {
        const stamp = new Date().toISOString().slice(0, 10);
        saveBlob(`loupe-project-${stamp}.loupe`, result.value);
        set({ notice: { tone: 'ok', text: `Exported (${(result.value.size / 1024 / 1024).toFixed(1)} MB): every dataset, run, model, recipe draft and the audit log, encrypted with the export passphrase.`, about: 'export' } });
      } else if (result.reason !== 'cancelled') set({ notice: { tone: 'error', text: result.message, about: 'export' } });
      void get().refreshPanel();
    },

    async importProject(file, passphrase) {
      const result = await runJob('import', (id, onProgress) => engineConnection().engine.workspace.importProject(file, passphrase, id, onProgress));
      if (!result) return;
      if (result.ok) {
        await showRestored(result.value);
        set({ notice: { tone: 'ok', text: `Imported "${file.name}": ${result.value.datasets.length} datasets and ${result.value.runs.length} runs.`, about: 'import' } });
      } else if (result.reason !== 'cancelled') set({ notice: { tone: 'error', text: result.message, about: 'import' } });
      void get().refreshPanel();
    },

    async cancelJob() {
      const job = get().job;
      if (job) await engineConnection().engine.session.cancel(job.id);
    },

    async clear() {
      await engineConnection().engine.workspace.clear();
      await showRestored(null);
      set({ notice: { tone: 'ok', text: 'The saved workspace is deleted and everything is closed.', about: 'delete' } });
      void get().refreshPanel();
    },

    async exportAuditCsv() {
      const csv = await engineConnection().engine.audit.exportCsv();
      saveBlob(`loupe-audit-log-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    },
  };
});
