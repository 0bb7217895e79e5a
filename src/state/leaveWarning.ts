/**
 * Whether leaving the page would lose the user's work. While the workspace is saved in this
 * browser (state/workspace.ts), only a save still waiting or being written would be lost. When
 * it is not (saving off, no storage, locked, unreadable), datasets the user added or changed
 * and runs are gone on reload. The demo datasets as generated are not work: they come back
 * identically on the next visit, and warning for them alone would ask "leave site?" on every
 * visit, teaching people to click through it.
 */
export interface WorkOnPage {
  datasetIds: readonly string[];
  /** Demo datasets as the engine generated them, never re-read or retyped. */
  untouchedDemoIds: readonly string[];
  runCount: number;
  /** The saved workspace's state; null before it is opened. */
  workspace: { status: 'ready' | 'locked' | 'off'; pending: boolean } | null;
}

export function workWouldBeLost(work: WorkOnPage): boolean {
  const ownWork = work.runCount > 0 || work.datasetIds.some((id) => !work.untouchedDemoIds.includes(id));
  // A save can be pending with nothing of the user's in it (the audit entry of the start-up PII check).
  if (work.workspace?.status === 'ready') return work.workspace.pending && ownWork;
  return ownWork;
}

/** The demo files' names (src/demo): what the engine loads at start-up. */
export const isDemoName = (name: string) => /^demo-[\w-]+\.csv$/.test(name);
