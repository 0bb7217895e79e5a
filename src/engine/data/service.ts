/**
 * The datasets the engine owns: each with its source Blob (kept so the user can re-read it with
 * other settings), its profile and a version bumped on every re-read or type change. Loading
 * is held to one memory budget for everything the engine holds, not just the file at hand.
 */
import { convertColumn } from '../../core/frame/convert';
import { ingestBlob, ingestBytes } from '../../core/frame/ingest';
import { profileDataset, type DatasetProfile } from '../../core/frame/profile';
import { rowPage } from '../../core/frame/rows';
import type { Dataset, ParseSettings } from '../../core/frame/types';
import { demoFiles } from '../../demo';
import type { JobProgress, JobRunner } from '../jobs';
import { fail, ok, type Outcome } from '../outcome';
import { createParsePool } from '../parsePool';
import { createLedger, describeHeld, formatMB, type Resources } from '../resources';
import type { EngineConfig } from '../session/api';
import type { SessionState } from '../session/service';
import type { DataApi, LoadFailure } from './api';
import type { AuditLog } from '../audit/log';

interface LoadedDataset {
  dataset: Dataset;
  source: Blob;
  profile: DatasetProfile;
  version: number;
}

/** What other services read of the datasets: the live object for an id, and its version. */
export interface DatasetHost {
  get(id: string): Dataset | null;
  version(id: string): number;
  all(): Dataset[];
  /** Called when a dataset is removed or replaced by a new version. */
  onChange(listener: (id: string) => void): void;
  /**
   * Holds a dataset made in the engine (a cleaned version, a restored workspace) under its own id.
   * With no source file it cannot be re-read with other settings.
   */
  add(dataset: Dataset, source?: Blob, version?: number): DatasetProfile;
  /** Drops a dataset without recording a delete (locking the workspace, replacing the demos by a restored workspace). */
  forget(id: string): void;
}

export function createDataService(jobs: JobRunner, resources: Resources, session: SessionState, audit: AuditLog) {
  const datasets = new Map<string, LoadedDataset>();
  const listeners: ((id: string) => void)[] = [];
  const parsers = createParsePool();

  resources.add({
    list: (ledger) =>
      [...datasets.values()].map((d) => ({ id: d.dataset.id, kind: 'dataset' as const, label: d.dataset.name, bytes: ledger.dataset(d.dataset), version: d.version, dependsOn: [] })),
  });

  function store(dataset: Dataset, source: Blob, profiled?: DatasetProfile, restoredVersion?: number): DatasetProfile {
    const profile = profiled ?? profileDataset(dataset);
    const version = restoredVersion ?? (datasets.get(dataset.id)?.version ?? 0) + 1;
    datasets.set(dataset.id, { dataset, source, profile, version });
    if (version > 1) for (const l of listeners) l(dataset.id);
    return profile;
  }

  /** Reads a blob as one job, within what the budget leaves once everything else held is counted. */
  async function ingest(source: Blob, id: string, name: string, settings: Partial<ParseSettings> | undefined, jobId: string, send: (p: JobProgress) => void): Promise<Outcome<{ dataset: Dataset; profile: DatasetProfile }, LoadFailure>> {
    const config = session.config();
    const others = resources.list().filter((r) => r.id !== id);
    const held = others.reduce((s, r) => s + r.bytes, 0);
    const budget = session.budgetBytes();
    const left = Math.max(0, budget - held);
    const heldNote = held > 0 ? ` ${describeHeld(others)} The budget is ${formatMB(budget)} in all: remove a dataset or a run to make room.` : '';
    return jobs.run(jobId, send, async (job) => {
      try {
        const parsed = await ingestBlob(source, {
          id,
          name,
          settings,
          signal: job.signal,
          memoryBudgetBytes: left,
          chunkBytes: config?.ingestChunkKB ? config.ingestChunkKB * 1024 : undefined,
          beforeChunk: config?.ingestDelayMs ? () => new Promise((r) => setTimeout(r, config.ingestDelayMs)) : undefined,
          ranges: parsers.runnerFor(source, { delayMs: config?.ingestDelayMs, rangeKB: config?.ingestRangeKB }),
          // The last chunk goes out at once: columns and profile take a while after it, and a bar
          // stuck at the last throttled value (72%) reads as "cancel did nothing".
          onProgress: (read, total) => job.progress({ jobId, fraction: total > 0 ? read / total : null, message: read >= total ? `Finishing ${name}` : `Reading ${name}` }, read >= total),
        });
        if (!parsed.ok) return fail(parsed.error.code, parsed.error.code === 'too-large' ? parsed.error.message + heldNote : parsed.error.message);
        // The estimate before parsing can be low (long strings); the real size is checked too.
        const bytes = createLedger().dataset(parsed.value);
        if (bytes > left) return fail('too-large', `"${name}" takes ${formatMB(bytes)} in memory, more than the ${formatMB(left)} left of the memory budget.${heldNote || ' Try a smaller file or a sample of it.'}`);
        // Building columns and the profile is synchronous: a cancel sent meanwhile is only read
        // here, so the event loop is handed back and the token looked at before anything is kept.
        await job.yield(true);
        if (job.signal.aborted) return fail('cancelled', 'Loading was cancelled.');
        const profile = profileDataset(parsed.value);
        await job.yield(true);
        if (job.signal.aborted) return fail('cancelled', 'Loading was cancelled.');
        return ok({ dataset: parsed.value, profile });
      } catch (error) {
        return fail('unreadable', `Could not read "${name}": ${(error as Error).message}`);
      }
    });
  }

  const gone = (datasetId: string) => fail('not-found', `That dataset (${datasetId}) is no longer loaded.`);

  const api: DataApi = {
    async listDatasets() {
      return [...datasets.values()].map((d) => d.profile);
    },

    async loadFile(file, name, settings, jobId, onProgress) {
      const id = resources.newId('ds');
      const parsed = await ingest(file, id, name, settings ?? undefined, jobId, onProgress);
      if (!parsed.ok) return parsed;
      audit.record('load', name, [id], `Loaded ${parsed.value.dataset.rowCount.toLocaleString('en-US')} rows × ${parsed.value.dataset.columns.length} columns`);
      return ok(store(parsed.value.dataset, file, parsed.value.profile));
    },

    async reparse(datasetId, settings, jobId, onProgress) {
      const loaded = datasets.get(datasetId);
      if (!loaded) return gone(datasetId);
      // Restored from the saved workspace or made by a recipe: there is no file to read again.
      if (loaded.source.size === 0 && loaded.dataset.sourceBytes > 0) return fail('unreadable', `"${loaded.dataset.name}" was restored or made in Loupe without its source file, so it cannot be read again with other settings. Add the file again to do that.`);
      const merged = { ...loaded.dataset.settings, ...settings };
      const parsed = await ingest(loaded.source, datasetId, loaded.dataset.name, merged, jobId, onProgress);
      return parsed.ok ? ok(store(parsed.value.dataset, loaded.source, parsed.value.profile)) : parsed;
    },

    async setColumnKind(datasetId, column, kind) {
      const loaded = datasets.get(datasetId);
      if (!loaded) return gone(datasetId);
      const converted = convertColumn(loaded.dataset, column, kind);
      if (!converted.ok) return fail('cannot-convert', converted.error.message);
      return ok(store(converted.value, loaded.source));
    },

    async rows(datasetId, offset, limit) {
      const loaded = datasets.get(datasetId);
      return loaded ? ok(rowPage(loaded.dataset, offset, Math.min(limit, 500))) : gone(datasetId);
    },

    async removeDataset(datasetId) {
      const loaded = datasets.get(datasetId);
      if (!loaded) return gone(datasetId);
      const before = resources.list().find((r) => r.id === datasetId)?.bytes ?? 0;
      datasets.delete(datasetId);
      for (const l of listeners) l(datasetId);
      audit.record('delete', loaded.dataset.name, [datasetId], 'Removed the dataset');
      const dependents = resources.dependentsOf(datasetId);
      // Runs still read the columns they were trained on; whatever they keep is charged to them now.
      const readers = dependents.filter((d) => d.kind === 'run');
      const keptBytes = readers.length > 0 ? before : 0;
      const freedBytes = before - keptBytes;
      const names = dependents.map((d) => d.label).join(', ');
      const message =
        dependents.length === 0
          ? `Removed ${loaded.dataset.name}; ${formatMB(freedBytes)} freed.`
          : `Removed ${loaded.dataset.name}. ${names} still ${dependents.length === 1 ? 'uses' : 'use'} it and ${dependents.length === 1 ? 'keeps' : 'keep'} working` +
            (keptBytes > 0 ? `, holding its ${formatMB(keptBytes)} of columns until removed.` : `; ${formatMB(freedBytes)} freed.`);
      return ok({ datasetId, dependents, freedBytes, keptBytes, message });
    },
  };

  const host: DatasetHost = {
    get: (id) => datasets.get(id)?.dataset ?? null,
    version: (id) => datasets.get(id)?.version ?? 0,
    all: () => [...datasets.values()].map((d) => d.dataset),
    onChange: (listener) => void listeners.push(listener),
    add: (dataset, source, version) => store(dataset, source ?? new Blob([]), undefined, version),
    forget: (id) => {
      if (datasets.delete(id)) for (const l of listeners) l(id);
    },
  };

  function startUp(config: EngineConfig): void {
    parsers.warmUp(config.ingestRangeKB);
    if (!config.loadDemo || datasets.size > 0) return;
    for (const file of demoFiles()) {
      const parsed = ingestBytes(file.bytes, { id: resources.newId('ds'), name: file.name });
      if (parsed.ok) store(parsed.value, new Blob([file.bytes as BlobPart]));
    }
  }

  return { api, host, startUp };
}
