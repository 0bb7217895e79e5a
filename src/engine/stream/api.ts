/**
 * The stream: replay a loaded dataset (or tail a live file) through windows, watching a trained
 * run's model (frozen) beside a copy that learns online (updated): prequential metrics, drift per
 * feature, DDM, alerts; play, pause, step, stop; keep the updated model as a new run.
 */
import type { TailFormat, UpdatePolicy, WindowReport, WindowSpec, StreamAlert, FeatureDrift, DriftRule } from '../../core/stream';
import type { DdmState, DdmLevel } from '../../core/stream/ddm';
import type { WindowMetrics } from '../../core/stream/prequential';
import type { Outcome } from '../outcome';
import type { RunSummary } from '../runs/api';

export type { TailFormat, UpdatePolicy, WindowReport, WindowSpec, StreamAlert, FeatureDrift, DriftRule, DdmState, DdmLevel, WindowMetrics };

/** Where rows come from: a loaded dataset in event time (or row order), or lines appended to a file. */
export type StreamSource = { kind: 'dataset'; datasetId: string; timeColumn: string | null } | { kind: 'live'; format: TailFormat };

export interface StreamConfig {
  runId: string;
  source: StreamSource;
  window: WindowSpec;
  /** Windows from the start that make the drift reference (default 1: the first window). */
  referenceWindows?: number;
  /** What raises a feature's drift alert (default 'psi-or-test'; core/stream/drift.ts). */
  driftRule?: DriftRule;
  /** Rows per second of replay; 0 plays as fast as the engine can. */
  rowsPerSecond: number;
  update: UpdatePolicy;
  /** Networks: passes over each window and step size; trees: rounds added per window. */
  partialFit?: { epochs?: number; learningRate?: number; rounds?: number };
  seed: number;
  /** Start paused (the first Step or Play moves it). */
  paused?: boolean;
}

export type StreamState = 'playing' | 'paused' | 'waiting' | 'done' | 'stopped';

/** Batched deltas: the windows finished since the last message. */
export interface StreamProgress {
  streamId: string;
  windows: WindowReport[];
  state: StreamState;
  windowsDone: number;
  /** null for a live file. */
  totalWindows: number | null;
  rowsDone: number;
  totalRows: number | null;
  /** Rows per second through window, drift, prequential and update, over the stream so far. */
  throughput: number;
}

export interface StreamResult {
  streamId: string;
  state: 'done' | 'stopped';
  windows: number;
  rows: number;
  alerts: number;
  updates: number;
  ms: number;
  throughput: number;
}

export type StreamControl = 'play' | 'pause' | 'step';

export interface StreamApi {
  /** Runs until the rows end (replay), Stop, or a cancel of `streamId`; progress carries every window. */
  start(config: StreamConfig, streamId: string, onProgress: ((p: StreamProgress) => void) | null): Promise<Outcome<StreamResult, 'not-found' | 'bad-config' | 'cancelled'>>;
  control(streamId: string, action: StreamControl): Promise<Outcome<StreamState, 'not-found' | 'ended'>>;
  setSpeed(streamId: string, rowsPerSecond: number): Promise<Outcome<null, 'not-found'>>;
  /** Ends the stream after the window in progress; the updated model stays until close, for Keep. */
  stop(streamId: string): Promise<Outcome<null, 'not-found'>>;
  /** Live streams: complete new lines of the tailed file (CSV with its header line, or JSON Lines). */
  append(streamId: string, lines: Uint8Array, header: Uint8Array | null): Promise<Outcome<{ rows: number }, 'not-found' | 'bad-rows' | 'ended'>>;
  /** The updated model as a new run (origin 'update', parent the stream's run), evaluated on the parent's test rows. */
  keepUpdated(streamId: string): Promise<Outcome<RunSummary, 'not-found' | 'no-updates'>>;
  /** Frees the stream's updated model (unless kept). */
  close(streamId: string): Promise<Outcome<null, 'not-found'>>;
}
