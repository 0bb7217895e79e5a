/** Model versions: every training or online update is a version of its model line (target + task). */
import type { DatasetLineage } from '../../core/frame/types';
import type { HeadlineMetric, MetricDelta, Promotion, SettingDiff } from '../../core/experiment/versions';
import type { TaskKind } from '../../core/prep';
import type { Outcome } from '../outcome';

export type { HeadlineMetric, MetricDelta, Promotion, SettingDiff, DatasetLineage };

export interface ModelVersion {
  runId: string;
  /** 1, 2, ... within its model line, in the order the versions were made. */
  version: number;
  label: string;
  modelKind: string;
  origin: 'train' | 'update';
  parentRunId: string | null;
  /** The parent's version number in this line, when the parent is still loaded. */
  parentVersion: number | null;
  data: { datasetId: string; datasetName: string; datasetVersion: number; lineage: DatasetLineage | null };
  settings: [string, string][];
  metrics: HeadlineMetric[];
  createdAt: string;
  current: boolean;
}

export interface ModelLine {
  /** "binary:churned". */
  key: string;
  target: string;
  task: TaskKind;
  versions: ModelVersion[];
  currentRunId: string | null;
  /** Every promotion and roll back, oldest first. */
  history: Promotion[];
}

export interface VersionComparison {
  a: ModelVersion;
  b: ModelVersion;
  settings: SettingDiff[];
  /** b - a for each headline metric. */
  metrics: MetricDelta[];
}

type Gone = 'not-found';

export interface VersionsApi {
  /** Every model line with its versions, oldest first. */
  list(): Promise<ModelLine[]>;
  compare(runA: string, runB: string): Promise<Outcome<VersionComparison, Gone | 'other-line'>>;
  /** Make a version its line's current one (audited as an update). */
  promote(runId: string): Promise<Outcome<ModelLine, Gone>>;
  /** Promote the previous current again (audited as an update). */
  rollback(lineKey: string): Promise<Outcome<ModelLine, Gone | 'no-previous'>>;
}
