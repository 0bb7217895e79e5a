/**
 * Quantised weights for the network kinds. Kernels (the dense layers' weight matrices) are
 * stored in 16 or 8 bits; biases stay float32 (they are a small share of the bytes and the
 * usual practice keeps them wide).
 * - float16: IEEE 754 half precision, rounded to nearest even; read back exactly.
 * - int8: per-tensor affine, q = clamp(round(w / scale) + zeroPoint, -128, 127) with
 *   scale = (max - min) / 255 over [min(w, 0), max(w, 0)] (so 0 is exact) and
 *   zeroPoint = round(-128 - min / scale); read back as (q - zeroPoint) * scale in float32,
 *   as ONNX's DequantizeLinear does.
 */
import type { NetworkWeights } from '../models/network/layers';

export type Precision = 'float32' | 'float16' | 'int8';

export type StoredKernel =
  | { precision: 'float32'; values: Float32Array }
  | { precision: 'float16'; bits: Uint16Array }
  | { precision: 'int8'; q: Int8Array; scale: number; zeroPoint: number };

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 -> half bits, round to nearest even (overflow to infinity, underflow through subnormals). */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rest > mid || (rest === mid && (half & 1))) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  // A carry out of the mantissa moves into the exponent, as rounding should.
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1))) half++;
  return sign | half;
}

export function fromHalf(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

export function quantizeKernel(values: Float32Array, precision: Precision): StoredKernel {
  if (precision === 'float32') return { precision, values };
  if (precision === 'float16') return { precision, bits: Uint16Array.from(values, toHalf) };
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = Math.fround(max > min ? (max - min) / 255 : 1);
  const zeroPoint = Math.max(-128, Math.min(127, Math.round(-128 - min / scale)));
  const q = Int8Array.from(values, (v) => Math.max(-128, Math.min(127, Math.round(v / scale) + zeroPoint)));
  return { precision, q, scale, zeroPoint };
}

/** The float32 values a stored kernel reads back as (what onnxruntime computes with). */
export function dequantizeKernel(k: StoredKernel): Float32Array {
  if (k.precision === 'float32') return k.values;
  if (k.precision === 'float16') return Float32Array.from(k.bits, fromHalf);
  return Float32Array.from(k.q, (q) => Math.fround((q - k.zeroPoint) * k.scale));
}

/** Bytes a stored kernel takes in the file. */
export function kernelBytes(k: StoredKernel): number {
  if (k.precision === 'float32') return k.values.length * 4;
  if (k.precision === 'float16') return k.bits.length * 2;
  return k.q.length + 5;
}

/** Each kernel stored at `precision`, and the weights as they read back, for scoring. */
export function quantizeNetwork(w: NetworkWeights, precision: Precision): { stored: StoredKernel[]; readBack: NetworkWeights } {
  const stored = w.layers.map((l) => quantizeKernel(l.kernel, precision));
  const readBack: NetworkWeights = { ...w, layers: w.layers.map((l, i) => ({ ...l, kernel: dequantizeKernel(stored[i]) })) };
  return { stored, readBack };
}
