/**
 * Plain values (a run's summary, pipeline, history) to bytes and back, exactly: JSON for the
 * structure, with typed arrays moved out into a binary tail (no number-to-text round trip) and
 * NaN / ±Infinity kept (JSON would write them as null). Used inside encrypted records only.
 *
 * Layout: "LPV1" | u32 JSON byte length | u32 array count | u32 byte length per array | JSON (UTF-8) |
 * each array's bytes, 8-aligned.
 */

type ArrayName = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint32Array' | 'Uint8Array' | 'Int16Array' | 'Uint16Array' | 'Int8Array';
type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array | Int16Array | Uint16Array | Int8Array;

const ARRAYS: Record<ArrayName, { new (buffer: ArrayBuffer, offset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number }> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int8Array,
};

const MAGIC = 0x3156504c; // "LPV1" little-endian
const align8 = (n: number) => (n + 7) & ~7;

export class PersistFormatError extends Error {}

/** Bytes of a plain value (objects, arrays, strings, numbers, booleans, null, typed arrays, ArrayBuffers). */
export function packValue(value: unknown): Uint8Array {
  const arrays: Uint8Array[] = [];
  const json = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    // `this[key]` is the value before toJSON: typed arrays arrive here as themselves.
    const raw = (this as Record<string, unknown>)[key];
    if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
      arrays.push(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
      return { $array: raw.constructor.name, $ref: arrays.length - 1 };
    }
    if (raw instanceof ArrayBuffer) {
      arrays.push(new Uint8Array(raw));
      return { $buffer: arrays.length - 1 };
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
    return v;
  });
  const text = new TextEncoder().encode(json ?? 'null');
  const head = 12 + 4 * arrays.length;
  let size = align8(head + text.length);
  const offsets = arrays.map((a) => {
    const at = size;
    size = align8(size + a.byteLength);
    return at;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, text.length, true);
  view.setUint32(8, arrays.length, true);
  arrays.forEach((a, i) => view.setUint32(12 + 4 * i, a.byteLength, true));
  out.set(text, head);
  arrays.forEach((a, i) => out.set(a, offsets[i]));
  return out;
}

/** The value packValue wrote; throws PersistFormatError on bytes it did not write. */
export function unpackValue<T = unknown>(bytes: Uint8Array): T {
  if (bytes.byteLength < 12) throw new PersistFormatError('The record is too short.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new PersistFormatError('The record is not a packed value.');
  const textLength = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const head = 12 + 4 * count;
  if (head + textLength > bytes.byteLength) throw new PersistFormatError('The record is truncated.');
  const spans: { offset: number; byteLength: number }[] = [];
  let at = align8(head + textLength);
  for (let i = 0; i < count; i++) {
    const byteLength = view.getUint32(12 + 4 * i, true);
    if (at + byteLength > bytes.byteLength) throw new PersistFormatError('The record is truncated.');
    spans.push({ offset: at, byteLength });
    at = align8(at + byteLength);
  }
  const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(head, head + textLength));
  const array = (name: string | null, ref: number): unknown => {
    const span = spans[ref];
    if (!span) throw new PersistFormatError('The record refers to an array it does not hold.');
    // A copy into its own aligned buffer, so nothing keeps the whole record alive.
    const own = bytes.slice(span.offset, span.offset + span.byteLength).buffer;
    if (name === null) return own;
    const ctor = ARRAYS[name as ArrayName];
    if (!ctor || span.byteLength % ctor.BYTES_PER_ELEMENT !== 0) throw new PersistFormatError(`The record holds an unknown array (${name}).`);
    return new ctor(own, 0, span.byteLength / ctor.BYTES_PER_ELEMENT);
  };
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.$array === 'string' && typeof o.$ref === 'number') return array(o.$array, o.$ref);
      if (typeof o.$buffer === 'number') return array(null, o.$buffer);
      if (typeof o.$number === 'string' && Object.keys(o).length === 1) return Number(o.$number);
    }
    return v;
  }) as T;
}
