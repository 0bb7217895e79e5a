/**
 * The workspace as records (plaintext here; service.ts seals each one) and back. One manifest
 * names the rest: a record per dataset version, one per run, the recipe drafts and the audit
 * log. A run trained on an earlier version of a dataset keeps that version's record, so it
 * restores with the columns it was trained on. Reading checks and builds everything before
 * returning, so a caller adds nothing unless all of it is good.
 */
import type { Dataset } from '../../core/frame/types';
import { decodeDataset, encodeDataset } from '../../core/persist/datasetCodec';
import { checkRunRecord, experimentFromRecord, runRecord } from '../../core/persist/runRecord';
import { packValue, unpackValue } from '../../core/persist/values';
import type { AuditEntry } from '../audit/log';
import type { StoredRun } from '../runs/store';

export const WORKSPACE_FORMAT = 'loupe-workspace/1';
export const MANIFEST_ID = 'manifest';
const DRAFTS_ID = 'drafts';
const AUDIT_ID = 'audit';

export interface Manifest {
  format: typeof WORKSPACE_FORMAT;
  savedAt: string;
  datasets: { id: string; version: number; record: string }[];
  runs: { id: string; record: string }[];
}

export interface LiveWorkspace {
  datasets: { dataset: Dataset; version: number }[];
  runs: StoredRun[];
  drafts: Record<string, unknown[]>;
  audit: AuditEntry[];
}

/** One record to write: `source` is the live object it was made from (unchanged sources are not rewritten). */
export interface PlannedRecord {
  id: string;
  source: object | null;
  bytes(): Promise<Uint8Array>;
}

export const datasetRecordId = (id: string, version: number) => `dataset:${id}:v${version}`;
const runRecordId = (id: string) => `run:${id}`;

export class WorkspaceReadError extends Error {}

/** Every record of the workspace, the manifest last. */
export function planRecords(live: LiveWorkspace): PlannedRecord[] {
  const planned = new Map<string, PlannedRecord>();
  const dataset = (ds: Dataset, version: number) => {
    const id = datasetRecordId(ds.id, version);
    if (!planned.has(id)) planned.set(id, { id, source: ds, bytes: async () => encodeDataset(ds) });
    return id;
  };
  const manifest: Manifest = { format: WORKSPACE_FORMAT, savedAt: new Date().toISOString(), datasets: [], runs: [] };
  for (const d of live.datasets) manifest.datasets.push({ id: d.dataset.id, version: d.version, record: dataset(d.dataset, d.version) });
  for (const r of live.runs) {
    const datasetRecord = dataset(r.dataset, r.summary.datasetVersion);
    const id = runRecordId(r.summary.id);
    planned.set(id, { id, source: r.run, bytes: async () => packValue(await runRecord(r.summary, r.run, datasetRecord)) });
    manifest.runs.push({ id: r.summary.id, record: id });
  }
  const drafts = live.drafts;
  const audit = live.audit;
  planned.set(DRAFTS_ID, { id: DRAFTS_ID, source: drafts, bytes: async () => packValue(drafts) });
  planned.set(AUDIT_ID, { id: AUDIT_ID, source: null, bytes: async () => packValue(audit) });
  planned.set(MANIFEST_ID, { id: MANIFEST_ID, source: null, bytes: async () => packValue(manifest) });
  return [...planned.values()];
}

/** Reads the workspace a manifest describes; throws WorkspaceReadError naming what is wrong. Models loaded before a failure are disposed. */
export async function readWorkspace(read: (id: string) => Promise<Uint8Array | null>): Promise<LiveWorkspace | null> {
  const manifestBytes = await read(MANIFEST_ID);
  if (!manifestBytes) return null;
  const manifest = parse(() => unpackValue<Manifest>(manifestBytes), 'the list of what was saved');
  if (manifest.format !== WORKSPACE_FORMAT || !Array.isArray(manifest.datasets) || !Array.isArray(manifest.runs)) throw new WorkspaceReadError('The saved workspace is in a format this version of Loupe does not know.');
  const datasets = new Map<string, Dataset>();
  const datasetFrom = async (record: string) => {
    const cached = datasets.get(record);
    if (cached) return cached;
    const bytes = await need(read, record);
    const ds = parse(() => decodeDataset(bytes), `dataset ${record}`);
    datasets.set(record, ds);
    return ds;
  };
  const live: LiveWorkspace = { datasets: [], runs: [], drafts: {}, audit: [] };
  for (const d of manifest.datasets) live.datasets.push({ dataset: await datasetFrom(d.record), version: d.version });
  try {
    for (const r of manifest.runs) {
      const bytes = await need(read, r.record);
      const record = parse(() => checkRunRecord(unpackValue(bytes)), `run ${r.id}`);
      const dataset = await datasetFrom(record.datasetRecord);
      let run;
      try {
        run = await experimentFromRecord(record);
      } catch (error) {
        throw new WorkspaceReadError(`The model of ${record.summary && (record.summary as { label?: string }).label} could not be loaded: ${(error as Error).message}`);
      }
      live.runs.push({ summary: record.summary as StoredRun['summary'], run, dataset });
    }
  } catch (error) {
    for (const r of live.runs) r.run.model.dispose();
    throw error;
  }
  const drafts = await read(DRAFTS_ID);
  if (drafts) live.drafts = parse(() => unpackValue<Record<string, unknown[]>>(drafts), 'the recipe drafts');
  const audit = await read(AUDIT_ID);
  if (audit) live.audit = parse(() => unpackValue<AuditEntry[]>(audit), 'the audit log');
  return live;
}

async function need(read: (id: string) => Promise<Uint8Array | null>, id: string): Promise<Uint8Array> {
  const bytes = await read(id);
  if (!bytes) throw new WorkspaceReadError(`The saved workspace is missing ${id}.`);
  return bytes;
}

function parse<T>(f: () => T, what: string): T {
  try {
    return f();
  } catch (error) {
    throw new WorkspaceReadError(`${what[0].toUpperCase()}${what.slice(1)} could not be read: ${(error as Error).message}`);
  }
}
