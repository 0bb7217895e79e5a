/** Loaded datasets: files in, profiles and row pages out. Columns never leave the engine. */
import type { DatasetProfile, ColumnProfile } from '../../core/frame/profile';
import type { RowPage } from '../../core/frame/rows';
import type { ColumnKind, LoadError, ParseSettings } from '../../core/frame/types';
import type { ProgressCallback } from '../jobs';
import type { Outcome } from '../outcome';
import type { ResourceUse } from '../resources';

export type { DatasetProfile, ColumnProfile, RowPage, ColumnKind, ParseSettings };

/** Why a file could not be read (core's LoadError codes), or why an id is unknown. */
export type LoadFailure = LoadError['code'] | 'not-found';

export interface DatasetRemoval {
  datasetId: string;
  /** Runs and comparisons made from it: they keep working, and keep what they read of it. */
  dependents: ResourceUse[];
  /** Bytes given back now (the columns, when nothing else reads them). */
  freedBytes: number;
  /** Bytes still held for the dependents. */
  keptBytes: number;
  /** The above in words, for the UI. */
  message: string;
}

export interface DataApi {
  listDatasets(): Promise<DatasetProfile[]>;
  /** Parse a file in the worker. The File handle crosses the boundary; its bytes are read there. */
  loadFile(file: Blob, name: string, settings: Partial<ParseSettings> | null, jobId: string, onProgress: ProgressCallback): Promise<Outcome<DatasetProfile, LoadFailure>>;
  /** Re-read a loaded file with other settings (header, delimiter, encoding); the old version stays on failure. */
  reparse(datasetId: string, settings: Partial<ParseSettings>, jobId: string, onProgress: ProgressCallback): Promise<Outcome<DatasetProfile, LoadFailure>>;
  setColumnKind(datasetId: string, column: string, kind: ColumnKind): Promise<Outcome<DatasetProfile, 'not-found' | 'cannot-convert'>>;
  rows(datasetId: string, offset: number, limit: number): Promise<Outcome<RowPage, 'not-found'>>;
  removeDataset(datasetId: string): Promise<Outcome<DatasetRemoval, 'not-found'>>;
}
