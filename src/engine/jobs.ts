/**
 * The one job runner: every long engine call (loading, re-reading, training, searching,
 * comparing recommenders, global explanations, permutation importance) runs through `run`.
 * A job has the caller's id (the UI cancels by it), a cancel token its loop checks, progress
 * throttled to one interval, and a way to hand the worker's event loop back so the cancel
 * message can arrive while a synchronous loop is busy.
 */
export interface CancelToken {
  aborted: boolean;
}

export interface Job<P> {
  readonly id: string;
  readonly signal: { readonly aborted: boolean };
  /**
   * Progress for the caller: sent at once when the interval has passed (or `urgent`), otherwise
   * kept (merged with what is waiting, when the job gave a merge) and sent later; the last is
   * always sent when the job ends.
   */
  progress(value: P, urgent?: boolean): void;
  /** Let queued messages (a cancel) in, at most once per yield interval unless `force`. */
  yield(force?: boolean): Promise<void>;
}

/** Progress a few times a second at most: DESIGN.md's budget for the UI thread. */
export const PROGRESS_INTERVAL_MS = 200;
/** A busy loop hands the event loop back this often, so a cancel lands within a frame or so. */
export const YIELD_INTERVAL_MS = 50;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What a job came to, as the Monitoring panel records it: its answer (an Outcome), or what it threw. */
export interface JobEnd {
  id: string;
  startedAt: number;
  endedAt: number;
  /** Cancel was asked for while it ran. */
  cancelled: boolean;
  result?: unknown;
  error?: unknown;
}

/** Watches every job (the monitor service): told when one starts and when it ends. */
export interface JobListener {
  started?(id: string, at: number): void;
  ended?(end: JobEnd): void;
}

export function createJobRunner(listener?: JobListener) {
  const tokens = new Map<string, CancelToken>();

  return {
    async run<T, P>(
      jobId: string,
      send: ((value: P) => void) | null,
      body: (job: Job<P>) => Promise<T>,
      merge?: (waiting: P, next: P) => P,
    ): Promise<T> {
      const token: CancelToken = { aborted: false };
      tokens.set(jobId, token);
      let lastSent = 0;
      let lastYield = Date.now();
      let waiting: { value: P } | null = null;
      const emit = (value: P) => {
        lastSent = Date.now();
        waiting = null;
        send?.(value);
      };
      const job: Job<P> = {
        id: jobId,
        signal: token,
        progress(value, urgent = false) {
          if (token.aborted) return;
          const next = waiting && merge ? merge(waiting.value, value) : value;
          if (urgent || Date.now() - lastSent >= PROGRESS_INTERVAL_MS) emit(next);
          else waiting = { value: next };
        },
        async yield(force = false) {
          if (!force && Date.now() - lastYield < YIELD_INTERVAL_MS) return;
          await nextTurn();
          lastYield = Date.now();
        },
      };
      const startedAt = Date.now();
      listener?.started?.(jobId, startedAt);
      let end: Pick<JobEnd, 'result' | 'error'> = {};
      try {
        const result = await body(job);
        end = { result };
        return result;
      } catch (error) {
        end = { error };
        throw error;
      } finally {
        listener?.ended?.({ id: jobId, startedAt, endedAt: Date.now(), cancelled: token.aborted, ...end });
        // `waiting` is set inside the callbacks above, which TypeScript's narrowing cannot see.
        const left = waiting as { value: P } | null;
        // A cancelled job goes quiet at once: a late "72%" would redraw the bar the user just closed.
        if (left && !token.aborted) emit(left.value);
        tokens.delete(jobId);
      }
    },

    /** Mark a running job cancelled; its loop stops at the next check. Unknown ids are ignored (the job may have just ended). */
    cancel(jobId: string): void {
      const token = tokens.get(jobId);
      if (token) token.aborted = true;
    },

    /** Jobs running now, by id (for tests and the resource list). */
    running(): string[] {
      return [...tokens.keys()];
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

/** Progress of a long job as the UI receives it. */
export interface JobProgress {
  jobId: string;
  /** 0..1, or null when unknown. */
  fraction: number | null;
  message: string;
}

export type ProgressCallback = (progress: JobProgress) => void;
