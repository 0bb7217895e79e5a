/** A demo dataset as the studio lists it: a named CSV file, exactly as if the user had dropped it. */
export interface DemoFile {
  /** File name shown in the dataset list, e.g. 'demo-customers.csv'. */
  name: string;
  /** UTF-8 CSV bytes (RFC 4180, header row, CRLF line ends); the app parses them like any upload. */
  bytes: Uint8Array;
  /** One or two sentences for the UI: what the data is and what to try on it. */
  description: string;
}

/** Seed used when the caller gives none, so every fresh studio shows the same demo data. */
export const DEFAULT_DEMO_SEED = 42;
