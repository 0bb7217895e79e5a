/** The Monitoring panel's engine calls: jobs, model timings, memory, backend and a log of problems. */
import type { LatencySummary } from '../../core/monitor/latency';
import type { BackendName } from '../../core/compute/backends';
import type { ProgressCallback } from '../jobs';
import type { Outcome } from '../outcome';
import type { ResourceUse } from '../resources';

export type { LatencySummary };

export type JobOutcomeKind = 'running' | 'ok' | 'failed' | 'cancelled';

export interface JobRecord {
  id: string;
  /** What the job did, in the user's words: "Load data", "Train", "Measure latency". */
  kind: string;
  /** What it worked on, when its answer says: a file name, "Run 2 · mlp". */
  label: string | null;
  /** Epoch milliseconds. */
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  outcome: JobOutcomeKind;
  /** Failed or cancelled: the reason code and the message the user saw. */
  reason?: string;
  message?: string;
}

export interface LogEntry {
  at: number;
  level: 'error' | 'warning';
  /** Where it came from: "Train · job-…", "Load data · sales.csv". */
  source: string;
  message: string;
}

export interface LatencyReport {
  runId: string;
  /** Test rows scored, one at a time and then in one batch. */
  rows: number;
  /** Milliseconds per row, one predict call per row (after one warm-up call, not counted). */
  perRow: LatencySummary;
  batchMs: number;
  batchRowsPerSecond: number;
  backend: BackendName;
  measuredAt: number;
}

export interface ModelMonitor {
  runId: string;
  label: string;
  model: string;
  /** The backend it was trained on. */
  backend: string;
  fitMs: number;
  prepareMs: number;
  evaluateMs: number;
  trainRows: number;
  /** Engine bytes the run holds (resource list). */
  bytes: number;
  latency: LatencyReport | null;
}

export interface MonitorSnapshot {
  /** Latest first; the last 100. */
  jobs: JobRecord[];
  models: ModelMonitor[];
  memory: { numTensors: number; numBytes: number; heldBytes: number; budgetBytes: number; resources: ResourceUse[] };
  backend: { active: BackendName; chosenBy: string } | null;
  /** Latest first; the last 200 errors and warnings. */
  log: LogEntry[];
}

export interface MonitorApi {
  /** Cheap: counts and lists only, for a refresh every few seconds. */
  snapshot(): Promise<MonitorSnapshot>;
  /** Score up to `rows` test rows of a run one at a time and in one batch (a job: progress, cancel). */
  measureLatency(runId: string, options: { rows?: number }, jobId: string, onProgress: ProgressCallback): Promise<Outcome<LatencyReport, 'not-found' | 'no-test-rows' | 'cancelled' | 'failed'>>;
}
