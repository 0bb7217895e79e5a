/**
 * The workspace: what is loaded and trained, saved in this browser (encrypted, always) and
 * restored on the next visit; a passphrase, lock and unlock; the .loupe project file; the
 * storage quota. Records and keys never cross to the page: it gets states and summaries.
 */
import type { DatasetProfile } from '../../core/frame/profile';
import type { ProgressCallback } from '../jobs';
import type { Outcome } from '../outcome';
import type { RunSummary } from '../runs/api';

export interface WorkspaceState {
  /**
   * ready: the key is held and every change is saved. locked: a passphrase protects the saved
   * workspace and nothing of it is open. off: nothing is saved (no storage here, or `?persist=0`).
   */
  status: 'ready' | 'locked' | 'off';
  /** How the saved workspace is encrypted: a random key this browser keeps, or one from the user's passphrase. */
  protection: 'device-key' | 'passphrase';
  /** A change waits to be saved, or is being written now. */
  pending: boolean;
  /** ISO time of the last save that reached storage. */
  savedAt: string | null;
  /** The last save that reached storage: how long it took, how many records and bytes it wrote. */
  lastSave: { ms: number; records: number; bytes: number } | null;
  /** Why the last save failed (storage full, write refused), in words; null when it worked. */
  problem: string | null;
  /** Why status is off, in words. */
  offReason: string | null;
}

/** What a restore, unlock or import put back, for the stores to show. */
export interface RestoredWorkspace {
  datasets: DatasetProfile[];
  runs: RunSummary[];
  /** Recipe drafts by dataset id, as the page saved them (state/recipeDraft.ts). */
  drafts: Record<string, unknown[]>;
}

export interface StorageQuota {
  /** Bytes this site uses (all its storage), and the most the browser grants it. */
  usedBytes: number;
  quotaBytes: number;
}

export type ProjectFailure = 'wrong-passphrase' | 'damaged' | 'not-project' | 'unsupported-version' | 'locked' | 'unreadable' | 'cancelled' | 'too-large';

export interface WorkspaceApi {
  /**
   * Called once after session.start: restores the saved workspace (replacing the demo datasets,
   * which it holds its own copies of), or reports it locked. `onState` hears every state change.
   */
  open(options: { persist: boolean }, onState: (state: WorkspaceState) => void): Promise<Outcome<{ state: WorkspaceState; restored: RestoredWorkspace | null }, 'unreadable'>>;
  state(): Promise<WorkspaceState>;
  unlock(passphrase: string): Promise<Outcome<RestoredWorkspace, 'wrong-passphrase' | 'not-locked' | 'unreadable'>>;
  /** Saves what waits, then forgets the key and closes everything of the workspace in this tab. */
  lock(): Promise<Outcome<WorkspaceState, 'no-passphrase' | 'off' | 'save-failed'>>;
  /** Protects the saved workspace with a passphrase (everything is re-encrypted with its key). */
  setPassphrase(passphrase: string): Promise<Outcome<WorkspaceState, 'too-short' | 'off' | 'locked' | 'save-failed'>>;
  /** Back to the device key. */
  removePassphrase(): Promise<Outcome<WorkspaceState, 'off' | 'locked' | 'save-failed'>>;
  /** The page's recipe drafts, saved with the workspace (debounced like every change). */
  saveDrafts(drafts: Record<string, unknown[]>): Promise<void>;
  /** Writes what waits now. */
  saveNow(): Promise<WorkspaceState>;
  /** The whole workspace as one encrypted .loupe file (a passphrase of its own). */
  exportProject(passphrase: string, jobId: string, onProgress: ProgressCallback): Promise<Outcome<Blob, 'too-short' | 'locked' | 'cancelled'>>;
  /** Reads a .loupe file in full and checks every part before anything replaces what is open. */
  importProject(file: Blob, passphrase: string, jobId: string, onProgress: ProgressCallback): Promise<Outcome<RestoredWorkspace, ProjectFailure>>;
  /** Removes the saved workspace and closes everything open; the passphrase goes too. */
  clear(): Promise<WorkspaceState>;
  quota(): Promise<StorageQuota | null>;
}
