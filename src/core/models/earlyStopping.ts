/**
 * Early stopping with best-step restore, for any kind that trains in steps (epochs, rounds):
 * stop after `patience` steps without a lower validation loss, and keep a snapshot of the best.
 */
export interface EarlyStopping<T> {
  /** After each step: 'stop' once patience is used up; a snapshot is taken only on improvement. */
  observe(step: number, valLoss: number, snapshot: () => T): 'improved' | 'continue' | 'stop';
  /** The best step so far (0 before any) and its snapshot. */
  best(): { step: number; loss: number; snapshot: T | null };
}

/** patience 0 (or no validation rows) never stops; `release` frees a replaced snapshot. */
export function createEarlyStopping<T>(patience: number, release: (snapshot: T) => void = () => {}): EarlyStopping<T> {
  let best: { step: number; loss: number; snapshot: T | null } = { step: 0, loss: Infinity, snapshot: null };
  return {
    observe(step, valLoss, snapshot) {
      if (!(patience > 0)) return 'continue';
      if (valLoss < best.loss) {
        if (best.snapshot !== null) release(best.snapshot);
        best = { step, loss: valLoss, snapshot: snapshot() };
        return 'improved';
      }
      return step - best.step >= patience ? 'stop' : 'continue';
    },
    best: () => best,
  };
}
