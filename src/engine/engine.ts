/**
 * The engine: one implementation of EngineApi, hosted in the worker (worker.ts) in the app and
 * in-process under Vitest. Wiring only: each service owns its data and registers what it holds
 * with the resource registry; every long call runs through the one job runner.
 */
import type { EngineApi } from './api';
import { createJobRunner } from './jobs';
import { createResources } from './resources';
import { createSessionService } from './session/service';
import { createDataService } from './data/service';
import { createRunStore } from './runs/store';
import { startHistogramHelpers } from './runs/histogramHelpers';
import { spareCores } from './pool';
import { createRunsService } from './runs/service';
import { createSearchService, searchApi } from './search/service';
import { createSavedService } from './saved/service';
import { createExplainer } from './explain/explainer';
import { createExplainService } from './explain/service';
import { createRatingsService } from './ratings/service';
import { createEventsService } from './events/service';
import { createAuditLog } from './audit/log';
import { createAuditService } from './audit/service';
import { createAnomalyService } from './anomaly/service';
import { createPrivacyService } from './privacy/service';
import { createCleanService } from './clean/service';
import { createWorkspaceService, type WorkspaceDeps } from './workspace/service';
import { createStreamService } from './stream/service';
import { createVersionsService } from './versions/service';
import { createPortableService } from './portable/service';
import { createMonitorRecorder } from './monitor/record';
import { createMonitorService } from './monitor/service';

/** Where the workspace is saved: IndexedDB unless a test passes its own store (workspace/records.ts). */
export interface EngineOptions {
  workspaceStore?: WorkspaceDeps['openStore'];
  workspaceDebounceMs?: number;
}

export function createEngine(options: EngineOptions = {}): EngineApi {
  // The monitor records every job; each service gets the runner tagged with what its jobs do.
  const monitor = createMonitorRecorder();
  const jobs = createJobRunner(monitor.listener);
  const tagged = (kind: string) => monitor.tagged(jobs, kind);
  const resources = createResources();
  // One log of data actions for every service; it holds names, ids and counts, never cell values.
  const audit = createAuditLog();
  // Data is created before the session starts it, so its start-up hook is bound late.
  let data: ReturnType<typeof createDataService> | null = null;
  const session = createSessionService(jobs, resources, (config) => data?.startUp(config));
  data = createDataService(tagged('Load data'), resources, session.state, audit);
  const datasets = data.host;
  // Histogram helpers from 3 cores; on 2 one helper measured no faster (docs/BENCHMARKS.md, gradient-boosted trees).
  let histograms: ReturnType<typeof startHistogramHelpers> | null = null;
  const helpers = async () => ({ histograms: await (histograms ??= startHistogramHelpers(session.state.config()?.histogramWorkers ?? (spareCores() > 2 ? Math.min(spareCores() - 1, 3) : 0))) });
  const runStore = createRunStore(datasets, resources, helpers);
  const explainer = createExplainer(runStore);
  const search = createSearchService(datasets.get, { wasmPath: () => session.state.config()?.wasmPath, foldWorkers: () => session.state.config()?.foldWorkers });

  const forgetRun = (runId: string) => explainer.forget(runId);

  return {
    session: session.api,
    data: data.api,
    runs: createRunsService(runStore, datasets, tagged('Train'), forgetRun, audit),
    search: searchApi(search, tagged('Model search')),
    saved: createSavedService(datasets, resources),
    explain: createExplainService(explainer, tagged('Explain')),
    ratings: createRatingsService(datasets, resources, tagged('Compare recommenders'), { foldDelayMs: () => session.state.config()?.recommendFoldDelayMs }),
    events: createEventsService(datasets, resources, tagged('Compare recommenders (events)')),
    audit: createAuditService(audit),
    anomaly: createAnomalyService(datasets, tagged('Find anomalies'), audit),
    privacy: createPrivacyService(datasets, audit),
    clean: createCleanService(datasets, resources, tagged('Clean data'), audit, () => session.state.budgetBytes()),
    workspace: createWorkspaceService({ host: datasets, runs: runStore, forgetRun, audit, jobs: tagged('Workspace'), resources, openStore: options.workspaceStore, debounceMs: options.workspaceDebounceMs }),
    stream: createStreamService(runStore, datasets, tagged('Stream replay'), audit),
    versions: createVersionsService(runStore, audit),
    portable: createPortableService(runStore, audit),
    monitor: createMonitorService(monitor, runStore, resources, session, tagged('Measure latency')),
  };
}
