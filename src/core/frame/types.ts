/**
 * The columnar dataset every part of Loupe works on. It lives in the engine worker;
 * the main thread only ever sees DatasetSummary, ColumnProfile and RowPage.
 */

/** What a column means to the user. The user can override it (see convertColumn). */
export type ColumnKind =
  | 'numeric'
  | 'integer'
  | 'boolean'
  | 'categorical'
  | 'datetime'
  | 'text'
  | 'identifier';

/**
 * Numbers live in a Float64Array with NaN for missing. booleans are 0/1, datetimes are
 * epoch milliseconds (UTC), integer-valued identifiers (user ids) stay numbers.
 */
export interface NumberColumn {
  storage: 'number';
  kind: 'numeric' | 'integer' | 'boolean' | 'datetime' | 'identifier';
  name: string;
  values: Float64Array;
}

/**
 * Strings are dictionary-encoded: codes[i] indexes dictionary, -1 is missing.
 * Categories, free text and string identifiers (emails, uuids) all use this.
 */
export interface DictionaryColumn {
  storage: 'dictionary';
  kind: 'categorical' | 'text' | 'identifier' | 'boolean';
  name: string;
  codes: Int32Array;
  dictionary: string[];
}

export type Column = NumberColumn | DictionaryColumn;

export type TextEncodingName = 'utf-8' | 'windows-1252';

export type FileFormat = 'delimited' | 'json' | 'jsonl' | 'parquet' | 'xlsx';

/** How a file was read: shown to the user, and every field can be overridden on a re-read. */
export interface ParseSettings {
  format: FileFormat;
  /** Field delimiter for delimited text (',', '\t', ';', '|', ...). */
  delimiter: string;
  hasHeader: boolean;
  encoding: TextEncodingName;
  /** Excel: the sheet read (the first unless chosen); `sheets` lists them all for the choice. */
  sheet?: string;
  sheets?: string[];
}

/** Problems that did not stop the load but the user should know about. */
export interface ParseWarning {
  kind: 'ragged-rows' | 'mixed-types' | 'encoding-fallback' | 'duplicate-column-names' | 'sheet-choice';
  message: string;
  /** 1-based line numbers of the first few offending rows, when it applies. */
  lines?: number[];
  count?: number;
}

export interface Dataset {
  id: string;
  /** The file name, as the user knows it. */
  name: string;
  rowCount: number;
  columns: Column[];
  settings: ParseSettings;
  warnings: ParseWarning[];
  /** Size of the source file in bytes. */
  sourceBytes: number;
  /** Set on a dataset made by a cleaning recipe: what it was made from and how. */
  lineage?: DatasetLineage;
}

/** Where a derived dataset came from: runs record it, so a result names its data and recipe. */
export interface DatasetLineage {
  parentId: string;
  parentName: string;
  parentVersion: number;
  /** The recipe (core/clean) as JSON-safe data; typed loosely here so frame does not import clean. */
  recipe: { format: string; steps: { op: string }[] };
}

/** A user-caused failure: a specific message the UI can show as is. */
export interface LoadError {
  code:
    | 'empty-file'
    | 'header-only'
    | 'binary-file'
    | 'invalid-json'
    | 'too-large'
    | 'no-columns'
    | 'cancelled'
    | 'unreadable';
  message: string;
}

export type Result<T, E = LoadError> = { ok: true; value: T } | { ok: false; error: E };
