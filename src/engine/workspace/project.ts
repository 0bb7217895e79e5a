/**
 * The .loupe project file on the engine side: the workspace's records (plaintext, as snapshot.ts
 * makes them) sealed into one archive (core/persist/project.ts), and read back in full, every
 * record checked and every model loaded, before the service replaces anything that is open.
 */
import { readProject, writeProject } from '../../core/persist/project';
import type { JobProgress, JobRunner } from '../jobs';
import { fail, ok, type Outcome } from '../outcome';
import type { ProjectFailure } from './api';
import { planRecords, readWorkspace, WorkspaceReadError, type LiveWorkspace } from './snapshot';

/** Larger files are refused before reading: an archive is held twice in memory while it is opened. */
const MAX_PROJECT_BYTES = 1536 * 1024 * 1024;

export async function exportProject(live: LiveWorkspace, passphrase: string, jobs: JobRunner, jobId: string, onProgress: (p: JobProgress) => void): Promise<Outcome<Blob, 'cancelled'>> {
  return jobs.run(jobId, onProgress, async (job) => {
    const planned = planRecords(live);
    const entries = [];
    for (const [i, p] of planned.entries()) {
      job.progress({ jobId, fraction: (0.8 * i) / planned.length, message: 'Packing the workspace' });
      entries.push({ name: p.id, data: await p.bytes() });
      await job.yield();
      if (job.signal.aborted) return fail('cancelled', 'The export was cancelled.');
    }
    job.progress({ jobId, fraction: 0.85, message: 'Encrypting (deriving the key from the passphrase)' }, true);
    const bytes = await writeProject(entries, passphrase);
    if (job.signal.aborted) return fail('cancelled', 'The export was cancelled.');
    return ok(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
  });
}

const MESSAGES: Record<'wrong-passphrase' | 'damaged' | 'not-project' | 'unsupported-version', (name: string) => string> = {
  'wrong-passphrase': (name) => `That passphrase does not open "${name}". Check it (capitals count) and try again; nothing was imported.`,
  damaged: (name) => `"${name}" is damaged or was changed after it was exported, so it cannot be trusted: nothing was imported.`,
  'not-project': (name) => `"${name}" is not a Loupe project file (.loupe). To add data, use Add data instead.`,
  'unsupported-version': (name) => `"${name}" was made by a newer version of Loupe, which this one cannot read. Nothing was imported.`,
};

export async function importProject(file: Blob, passphrase: string, jobs: JobRunner, jobId: string, onProgress: (p: JobProgress) => void): Promise<Outcome<LiveWorkspace, ProjectFailure>> {
  const name = (file as File).name || 'The file';
  if (file.size > MAX_PROJECT_BYTES) return fail('too-large', `"${name}" is larger than the 1.5 GB a project can be here.`);
  return jobs.run(jobId, onProgress, async (job) => {
    job.progress({ jobId, fraction: 0.05, message: `Reading ${name}` }, true);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      return fail('unreadable', `"${name}" could not be read: ${(error as Error).message}`);
    }
    job.progress({ jobId, fraction: 0.2, message: 'Checking the passphrase and decrypting' }, true);
    const read = await readProject(bytes, passphrase);
    if (!read.ok) return fail(read.error, MESSAGES[read.error](name));
    if (job.signal.aborted) return fail('cancelled', 'The import was cancelled; nothing was imported.');
    job.progress({ jobId, fraction: 0.6, message: 'Checking every dataset and run' }, true);
    const entries = new Map(read.entries.map((e) => [e.name, e.data]));
    try {
      const live = await readWorkspace(async (id) => entries.get(id) ?? null);
      if (!live) return fail('damaged', MESSAGES.damaged(name));
      if (job.signal.aborted) {
        for (const r of live.runs) r.run.model.dispose();
        return fail('cancelled', 'The import was cancelled; nothing was imported.');
      }
      return ok(live);
    } catch (error) {
      if (error instanceof WorkspaceReadError) return fail('damaged', `${MESSAGES.damaged(name)} (${error.message})`);
      throw error;
    }
  });
}
