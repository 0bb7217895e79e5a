/**
 * Whether leaving the page would lose the user's work: nothing is persisted yet (the hygiene
 * issue adds that), so datasets the user added or changed, and runs, are gone on reload. The
 * demo datasets as generated are not work: they come back identically on the next visit, and
 * warning for them alone would ask "leave site?" on every visit, teaching people to click through it.
 */
export interface WorkOnPage {
  datasetIds: readonly string[];
  /** Demo datasets as the engine generated them, never re-read or retyped. */
  untouchedDemoIds: readonly string[];
  runCount: number;
}

export function workWouldBeLost(work: WorkOnPage): boolean {
  return work.runCount > 0 || work.datasetIds.some((id) => !work.untouchedDemoIds.includes(id));
}

/** The demo files' names (src/demo): what the engine loads at start-up. */
export const isDemoName = (name: string) => /^demo-[\w-]+\.csv$/.test(name);
