import { describe, expect, it } from 'vitest';
import { packValue, unpackValue, PersistFormatError } from './values';

describe('packValue', () => {
  it('round-trips nested values, typed arrays, buffers and non-finite numbers exactly', () => {
    const value = {
      name: 'Run 1 · gbdt',
      nested: { list: [1, 2.5, -0, 'é', null, true], nan: Number.NaN, inf: Number.POSITIVE_INFINITY, neg: Number.NEGATIVE_INFINITY },
      scores: Float64Array.from([0.1, Number.NaN, 1e-300]),
      y: Float32Array.from([1, 0, Number.NaN]),
      split: Uint8Array.from([0, 1, 2, 3, 3]),
      codes: Int32Array.from([-1, 7]),
      files: [{ name: 'model.bin', data: Uint8Array.from([9, 8, 7]).buffer }],
      curve: { threshold: [0.5, Number.NaN] },
    };
    const back = unpackValue<typeof value>(packValue(value));
    expect(back.name).toBe(value.name);
    expect(back.nested.list).toEqual([1, 2.5, 0, 'é', null, true]);
    expect(Number.isNaN(back.nested.nan)).toBe(true);
    expect(back.nested.inf).toBe(Number.POSITIVE_INFINITY);
    expect(back.nested.neg).toBe(Number.NEGATIVE_INFINITY);
    expect(back.scores).toBeInstanceOf(Float64Array);
    expect(Array.from(back.scores)).toEqual([0.1, Number.NaN, 1e-300]);
    expect(back.y).toBeInstanceOf(Float32Array);
    expect(Array.from(back.split)).toEqual([0, 1, 2, 3, 3]);
    expect(Array.from(back.codes)).toEqual([-1, 7]);
    expect(back.files[0].data).toBeInstanceOf(ArrayBuffer);
    expect(Array.from(new Uint8Array(back.files[0].data))).toEqual([9, 8, 7]);
    expect(back.curve.threshold[1]).toBeNaN();
  });

  it('packs a view of a larger buffer as just that view', () => {
    const big = new Float64Array([1, 2, 3, 4]);
    const back = unpackValue<{ part: Float64Array }>(packValue({ part: big.subarray(1, 3) }));
    expect(Array.from(back.part)).toEqual([2, 3]);
  });

  it('rejects bytes it did not write and truncated records', () => {
    expect(() => unpackValue(new Uint8Array([1, 2, 3]))).toThrow(PersistFormatError);
    expect(() => unpackValue(new Uint8Array(16))).toThrow(PersistFormatError);
    const bytes = packValue({ a: new Float64Array(100) });
    expect(() => unpackValue(bytes.subarray(0, bytes.length - 8))).toThrow(PersistFormatError);
  });
});
