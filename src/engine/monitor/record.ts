/**
 * What the monitor keeps of every job: a JobListener for the one job runner, plus kind tags set
 * by the runner each service is given (engine.ts), so job ids chosen by the UI need no format.
 * Failures a job answers and load warnings go to a bounded log.
 */
import type { JobEnd, JobListener, JobRunner } from '../jobs';
import type { JobRecord, LogEntry } from './api';

export const MAX_JOBS = 100;
export const MAX_LOG = 200;

type Answer = { ok: true; value: unknown } | { ok: false; reason: string; message: string };

const isAnswer = (value: unknown): value is Answer => typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

type Described = { label?: unknown; name?: unknown; warnings?: unknown; profile?: Described };

/** The part of an answer that says what it is: the value, or the profile a load answers inside it. */
function described(value: unknown): Described | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Described;
  return typeof v.profile === 'object' && v.profile !== null ? v.profile : v;
}

/** A file name or run label from an answer's value, when it has one. */
function labelOf(value: Described | null): string | null {
  if (!value) return null;
  return typeof value.label === 'string' ? value.label : typeof value.name === 'string' ? value.name : null;
}

export function createMonitorRecorder(now: () => number = Date.now) {
  const kinds = new Map<string, string>();
  const jobs: JobRecord[] = [];
  const log: LogEntry[] = [];

  const push = <T>(list: T[], item: T, max: number) => {
    list.push(item);
    if (list.length > max) list.splice(0, list.length - max);
  };

  function note(level: LogEntry['level'], source: string, message: string, at = now()): void {
    push(log, { at, level, source, message }, MAX_LOG);
  }

  function ended(end: JobEnd): void {
    const record = jobs.find((j) => j.id === end.id && j.outcome === 'running');
    if (!record) return;
    kinds.delete(end.id);
    record.endedAt = end.endedAt;
    record.durationMs = end.endedAt - end.startedAt;
    const source = () => `${record.kind}${record.label ? ` · ${record.label}` : ''}`;
    if ('error' in end && end.error !== undefined) {
      record.outcome = 'failed';
      record.reason = 'error';
      record.message = end.error instanceof Error ? end.error.message : String(end.error);
      note('error', source(), record.message, end.endedAt);
      return;
    }
    const answer = end.result;
    if (isAnswer(answer) && !answer.ok) {
      record.reason = answer.reason;
      record.message = answer.message;
      record.outcome = answer.reason === 'cancelled' || end.cancelled ? 'cancelled' : 'failed';
      if (record.outcome === 'failed') note('error', source(), answer.message, end.endedAt);
      return;
    }
    record.outcome = 'ok';
    const value = described(isAnswer(answer) && answer.ok ? answer.value : answer);
    record.label = labelOf(value);
    // Loads answer a profile with the parse warnings (ragged rows, mixed types, encoding).
    const warnings = value?.warnings;
    if (Array.isArray(warnings)) for (const w of warnings) if (typeof w?.message === 'string') note('warning', source(), w.message, end.endedAt);
  }

  const listener: JobListener = {
    started(id, at) {
      push(jobs, { id, kind: kinds.get(id) ?? 'Job', label: null, startedAt: at, endedAt: null, durationMs: null, outcome: 'running' }, MAX_JOBS);
    },
    ended,
  };

  return {
    listener,
    /** The runner a service is given: the same runner, its jobs recorded under `kind`. */
    tagged(runner: JobRunner, kind: string): JobRunner {
      return {
        ...runner,
        run: (id, send, body, merge) => {
          kinds.set(id, kind);
          return runner.run(id, send, body, merge);
        },
      };
    },
    note,
    /** Latest first, as copies. */
    jobs: (): JobRecord[] => jobs.map((j) => ({ ...j })).reverse(),
    log: (): LogEntry[] => [...log].reverse(),
  };
}

export type MonitorRecorder = ReturnType<typeof createMonitorRecorder>;
