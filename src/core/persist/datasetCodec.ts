/**
 * A dataset as bytes, column by column (docs/formats.md, "Dataset record"): the typed arrays as
 * they are in memory and each dictionary as UTF-8, after a small JSON header with the
 * metadata (name, settings, warnings, lineage; no profile: it is recomputed on restore). Not
 * CSV: numbers come back bit for bit, and writing is a few memcpy's, not a formatting pass.
 *
 * Layout: "LPDS" | u32 format version | u32 header byte length | header JSON | then per column,
 * each part starting 8-aligned: numbers -> Float64 values; dictionary -> Int32 codes, u32 byte
 * length of each entry, the entries' UTF-8 bytes concatenated.
 */
import type { Column, Dataset } from '../frame/types';
import { PersistFormatError } from './values';

const MAGIC = 0x5344504c; // "LPDS"
export const DATASET_CODEC_VERSION = 1;
const align8 = (n: number) => (n + 7) & ~7;

interface ColumnHeader {
  name: string;
  kind: Column['kind'];
  storage: Column['storage'];
  /** Dictionary columns: entries and their total UTF-8 bytes. */
  entries?: number;
  textBytes?: number;
}

interface DatasetHeader {
  id: string;
  name: string;
  rowCount: number;
  settings: Dataset['settings'];
  warnings: Dataset['warnings'];
  sourceBytes: number;
  lineage?: Dataset['lineage'];
  columns: ColumnHeader[];
}

export function encodeDataset(ds: Dataset): Uint8Array {
  const encoder = new TextEncoder();
  const texts = ds.columns.map((c) => (c.storage === 'dictionary' ? c.dictionary.map((s) => encoder.encode(s)) : null));
  const header: DatasetHeader = {
    id: ds.id,
    name: ds.name,
    rowCount: ds.rowCount,
    settings: ds.settings,
    warnings: ds.warnings,
    sourceBytes: ds.sourceBytes,
    ...(ds.lineage ? { lineage: ds.lineage } : {}),
    columns: ds.columns.map((c, i) => ({
      name: c.name,
      kind: c.kind,
      storage: c.storage,
      ...(c.storage === 'dictionary' ? { entries: c.dictionary.length, textBytes: texts[i]!.reduce((s, t) => s + t.length, 0) } : {}),
    })),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  let size = align8(12 + headerBytes.length);
  for (const [i, c] of ds.columns.entries()) {
    if (c.storage === 'number') size += align8(c.values.byteLength);
    else size += align8(c.codes.byteLength) + align8(4 * c.dictionary.length) + align8(header.columns[i].textBytes!);
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, DATASET_CODEC_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  let at = align8(12 + headerBytes.length);
  const put = (array: ArrayBufferView) => {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at = align8(at + array.byteLength);
  };
  for (const [i, c] of ds.columns.entries()) {
    if (c.storage === 'number') put(c.values);
    else {
      put(c.codes);
      put(Uint32Array.from(texts[i]!, (t) => t.length));
      let p = at;
      for (const t of texts[i]!) {
        out.set(t, p);
        p += t.length;
      }
      at = align8(p);
    }
  }
  return out;
}

/** The dataset encodeDataset wrote; throws PersistFormatError on anything else. */
export function decodeDataset(bytes: Uint8Array): Dataset {
  if (bytes.byteLength < 12) throw new PersistFormatError('The dataset record is too short.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new PersistFormatError('The record is not a dataset.');
  const version = view.getUint32(4, true);
  if (version !== DATASET_CODEC_VERSION) throw new PersistFormatError(`The dataset was saved in format ${version}, which this version of Loupe cannot read.`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.byteLength) throw new PersistFormatError('The dataset record is truncated.');
  const header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength))) as DatasetHeader;
  if (!header || !Array.isArray(header.columns) || !Number.isInteger(header.rowCount)) throw new PersistFormatError('The dataset header is incomplete.');
  let at = align8(12 + headerLength);
  // Each part is copied into its own buffer: typed arrays must be aligned, and the record can go.
  const take = (byteLength: number): ArrayBuffer => {
    if (at + byteLength > bytes.byteLength) throw new PersistFormatError('The dataset record is truncated.');
    const part = bytes.slice(at, at + byteLength).buffer;
    at = align8(at + byteLength);
    return part;
  };
  const rows = header.rowCount;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const columns: Column[] = header.columns.map((c) => {
    if (c.storage === 'number') return { storage: 'number', kind: c.kind as 'numeric', name: c.name, values: new Float64Array(take(8 * rows)) };
    const codes = new Int32Array(take(4 * rows));
    const lengths = new Uint32Array(take(4 * (c.entries ?? 0)));
    const start = at;
    const text = bytes.subarray(start, start + (c.textBytes ?? 0));
    if (text.length !== (c.textBytes ?? 0)) throw new PersistFormatError('The dataset record is truncated.');
    const dictionary: string[] = new Array(lengths.length);
    let p = 0;
    for (let i = 0; i < lengths.length; i++) {
      dictionary[i] = decoder.decode(text.subarray(p, p + lengths[i]));
      p += lengths[i];
    }
    if (p !== text.length) throw new PersistFormatError('A dictionary in the dataset record does not add up.');
    at = align8(start + text.length);
    return { storage: 'dictionary', kind: c.kind as 'categorical', name: c.name, codes, dictionary };
  });
  return {
    id: header.id,
    name: header.name,
    rowCount: rows,
    columns,
    settings: header.settings,
    warnings: header.warnings,
    sourceBytes: header.sourceBytes,
    ...(header.lineage ? { lineage: header.lineage } : {}),
  };
}
