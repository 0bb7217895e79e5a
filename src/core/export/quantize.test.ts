import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { dequantizeKernel, fromHalf, quantizeKernel, toHalf } from './quantize';

describe('float16', () => {
  it('writes known half bit patterns (IEEE 754 binary16)', () => {
    expect(toHalf(1)).toBe(0x3c00);
    expect(toHalf(-2)).toBe(0xc000);
    expect(toHalf(65504)).toBe(0x7bff);
    expect(toHalf(1e6)).toBe(0x7c00);
    expect(toHalf(2 ** -24)).toBe(0x0001);
    expect(toHalf(0.1)).toBe(0x2e66);
    // 1 + 2^-11 is halfway between 1 and the next half: ties go to even (1).
    expect(toHalf(1 + 2 ** -11)).toBe(0x3c00);
    expect(fromHalf(0x3555)).toBeCloseTo(0.333251953125, 12);
  });

  it('round trip error is within half a unit in the last place (relative 2^-11)', () => {
    const r = createRandom(4);
    const w = Float32Array.from({ length: 2000 }, () => r.normal() * 0.7);
    const back = dequantizeKernel(quantizeKernel(w, 'float16'));
    for (let i = 0; i < w.length; i++) {
      if (Math.abs(w[i]) > 2 ** -14) expect(Math.abs(back[i] - w[i]) / Math.abs(w[i])).toBeLessThanOrEqual(2 ** -11);
      else expect(Math.abs(back[i] - w[i])).toBeLessThanOrEqual(2 ** -25);
    }
  });
});

describe('int8 per-tensor affine', () => {
  it('round trip error is at most half a step, and zero is exact', () => {
    const r = createRandom(5);
    const w = Float32Array.from({ length: 2000 }, () => r.normal() * 0.3 + 0.1);
    w[7] = 0;
    const k = quantizeKernel(w, 'int8');
    if (k.precision !== 'int8') throw new Error('int8 expected');
    const back = dequantizeKernel(k);
    let min = 0;
    let max = 0;
    for (const v of w) [min, max] = [Math.min(min, v), Math.max(max, v)];
    expect(k.scale).toBeCloseTo((max - min) / 255, 6);
    for (let i = 0; i < w.length; i++) expect(Math.abs(back[i] - w[i])).toBeLessThanOrEqual(k.scale / 2 + 1e-7);
    expect(back[7]).toBe(0);
    expect(Math.min(...k.q)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...k.q)).toBeLessThanOrEqual(127);
  });

  it('an all-zero kernel stays zero', () => {
    expect([...dequantizeKernel(quantizeKernel(new Float32Array(5), 'int8'))]).toEqual([0, 0, 0, 0, 0]);
  });
});
