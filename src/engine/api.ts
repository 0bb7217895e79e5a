/**
 * The typed boundary between the UI and the engine worker: one object of services, each
 * declared beside its implementation (`<service>/api.ts`). Calls take plain data (ids, specs,
 * File handles) and answer plain data; every failure is `{ ok: false, reason, message }`
 * (outcome.ts); exports come back as Blobs. Callbacks are comlink proxies on the worker path,
 * and comlink reaches nested services by path (`await remote.runs.train(...)`).
 */
import type { SessionApi } from './session/api';
import type { DataApi } from './data/api';
import type { RunsApi } from './runs/api';
import type { SearchApi } from './search/api';
import type { SavedApi } from './saved/api';
import type { ExplainApi } from './explain/api';
import type { RatingsApi } from './ratings/api';
import type { EventsApi } from './events/api';
import type { AuditApi } from './audit/api';
import type { AnomalyApi } from './anomaly/api';
import type { PrivacyApi } from './privacy/api';
import type { CleanApi } from './clean/api';
import type { WorkspaceApi } from './workspace/api';
import type { StreamApi } from './stream/api';
import type { VersionsApi } from './versions/api';
import type { PortableApi } from './portable/api';
import type { MonitorApi } from './monitor/api';

export interface EngineApi {
  session: SessionApi;
  data: DataApi;
  runs: RunsApi;
  search: SearchApi;
  saved: SavedApi;
  explain: ExplainApi;
  ratings: RatingsApi;
  events: EventsApi;
  audit: AuditApi;
  anomaly: AnomalyApi;
  privacy: PrivacyApi;
  clean: CleanApi;
  workspace: WorkspaceApi;
  stream: StreamApi;
  versions: VersionsApi;
  portable: PortableApi;
  monitor: MonitorApi;
}

export type { SessionApi, DataApi, RunsApi, SearchApi, SavedApi, ExplainApi, RatingsApi, EventsApi, AuditApi, AnomalyApi, PrivacyApi, CleanApi, WorkspaceApi, StreamApi, VersionsApi, PortableApi, MonitorApi };
export type * from './session/api';
export type * from './data/api';
export type * from './runs/api';
export type * from './search/api';
export type * from './saved/api';
export type * from './explain/api';
export type * from './ratings/api';
export type * from './events/api';
export type * from './audit/api';
export type * from './anomaly/api';
export type * from './privacy/api';
export type * from './clean/api';
export type * from './workspace/api';
export type * from './stream/api';
export type * from './versions/api';
export type * from './portable/api';
export type * from './monitor/api';
export type { Outcome, Failure } from './outcome';
export type { JobProgress, ProgressCallback } from './jobs';
export type { ResourceUse, ResourceKind } from './resources';
