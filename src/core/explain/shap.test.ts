/**
 * SHAP properties on plain-function models (no tfjs): the expected numbers come from a
 * brute-force Shapley computation over all permutations, and, for 20 features, from the
 * closed form of Shapley values of additive + pairwise terms (linearity of the Shapley value).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { exactShap } from './exact';
import { kernelShap, sampleCoalitions } from './kernel';
import { coalitionValues } from './masked';
import type { Background, MaskedModelSpec } from './types';

function randomBackground(rows: number, cols: number, seed: number, weighted = true): Background {
  const r = createRandom(seed);
  const matrix = Float32Array.from({ length: rows * cols }, () => r.normal());
  const raw = Float64Array.from({ length: rows }, () => (weighted ? 0.5 + r.next() : 1));
  const total = raw.reduce((a, b) => a + b, 0);
  return { matrix, rows, cols, weights: raw.map((w) => w / total), };
}

/** A nonlinear model over 6 matrix columns in 5 original features (feature 1 has two columns). */
const groups5 = [0, 1, 1, 2, 3, 4];
const nonlinear = (x: Float32Array, rows: number): Float64Array => {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const z = x.subarray(i * 6, (i + 1) * 6);
    out[i] = 1 / (1 + Math.exp(-(0.8 * z[0] - 0.5 * z[1] * z[2] + Math.sin(z[3]) + 0.3 * z[4] * z[0] + 0.2 * z[5] ** 2)));
  }
  return out;
};

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/** Shapley by definition: average marginal contribution over all M! orderings. */
async function bruteForce(spec: MaskedModelSpec, x: Float32Array): Promise<Float64Array> {
  const m = spec.features;
  const v = async (members: number[]) => {
    const mask = new Uint8Array(m);
    for (const i of members) mask[i] = 1;
    return (await coalitionValues(spec, x, mask, 1)).values[0];
  };
  const phi = new Float64Array(m);
  const orders = permutations(m);
  for (const order of orders) {
    const before: number[] = [];
    let prev = await v(before);
    for (const i of order) {
      before.push(i);
      const next = await v(before);
      phi[i] += next - prev;
      prev = next;
    }
  }
  return phi.map((p) => p / orders.length);
}

const spec5: MaskedModelSpec = { f: nonlinear, groups: groups5, features: 5, background: randomBackground(7, 6, 3) };
const x5 = Float32Array.of(1.2, -0.7, 0.4, 2.0, -1.1, 0.9);

describe('exact Shapley values', () => {
  it('equal a brute-force computation over all permutations to 1e-6', async () => {
    const exact = await exactShap(spec5, x5);
    const brute = await bruteForce(spec5, x5);
    exact.values.forEach((v, i) => expect(Math.abs(v - brute[i])).toBeLessThan(1e-6));
    // Not a vacuous match: the values differ from each other and from zero.
    expect(Math.max(...exact.values.map(Math.abs))).toBeGreaterThan(0.01);
  });

  it('are additive: base + sum = output to 1e-4, output = f(x), base = background mean of f', async () => {
    const a = await exactShap(spec5, x5);
    expect(Math.abs(a.base + a.values.reduce((s, v) => s + v, 0) - a.output)).toBeLessThan(1e-4);
    expect(Math.abs(a.output - nonlinear(x5, 1)[0])).toBeLessThan(1e-9);
    const fb = nonlinear(spec5.background.matrix, 7);
    const mean = fb.reduce((s, v, i) => s + v * spec5.background.weights[i], 0);
    expect(Math.abs(a.base - mean)).toBeLessThan(1e-9);
  });

  it('give identical features identical values (symmetry) and an ignored feature 0 (dummy)', async () => {
    // f depends on z0 and z1 symmetrically and not at all on z2.
    const f = (x: Float32Array, rows: number) => Float64Array.from({ length: rows }, (_, i) => Math.tanh(x[i * 3] + x[i * 3 + 1]) + x[i * 3] * x[i * 3 + 1]);
    const background: Background = { matrix: Float32Array.of(0, 0, 5, 1, 1, -3, -1, -1, 2), rows: 3, cols: 3, weights: Float64Array.of(0.2, 0.5, 0.3) };
    const spec: MaskedModelSpec = { f, groups: [0, 1, 2], features: 3, background };
    const a = await exactShap(spec, Float32Array.of(2, 2, 7));
    expect(Math.abs(a.values[0] - a.values[1])).toBeLessThan(1e-12);
    expect(Math.abs(a.values[0])).toBeGreaterThan(0.1);
    expect(a.values[2]).toBe(0);
  });

  it('evaluate all coalitions in one batched call', async () => {
    let calls = 0;
    const counted: MaskedModelSpec = { ...spec5, f: (x, rows) => (calls++, nonlinear(x, rows)) };
    await exactShap(counted, x5);
    expect(calls).toBe(1);
  });
});

describe('KernelSHAP', () => {
  it('with a budget covering every coalition equals exact to 1e-6, with zero uncertainty', async () => {
    const exact = await exactShap(spec5, x5);
    const kernel = await kernelShap(spec5, x5, { samples: 64, seed: 1 });
    kernel.values.forEach((v, i) => expect(Math.abs(v - exact.values[i])).toBeLessThan(1e-6));
    expect(kernel.stderr.every((s) => s === 0)).toBe(true);
  });

  it('samples paired coalitions (each with its complement) when the budget is short', async () => {
    const s = sampleCoalitions(12, 300, 5);
    expect(s.complete).toBe(false);
    const keys = new Set<string>();
    for (let i = 0; i < s.n; i++) keys.add(s.masks.subarray(i * 12, (i + 1) * 12).join(''));
    for (const key of keys) expect(keys.has([...key].map((c) => (c === '1' ? '0' : '1')).join(''))).toBe(true);
    expect(Math.abs(s.weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
  });

  // 20 features: f = sum_i a_i tanh(z_i) + sum_(i,j) b_ij z_i z_j over a few pairs. Shapley is linear
  // in f, so the exact value is the sum of the values of each term, each computed on its own
  // one or two features: 2^20 coalitions are never enumerated.
  const m = 20;
  const r = createRandom(11);
  const a = Array.from({ length: m }, () => r.normal() * 0.3);
  const pairs: [number, number, number][] = [[0, 1, 0.4], [2, 5, -0.3], [3, 7, 0.25], [10, 11, 0.3], [4, 19, -0.2]];
  const f = (x: Float32Array, rows: number): Float64Array => {
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += a[j] * Math.tanh(x[i * m + j]);
      for (const [p, q, b] of pairs) s += b * x[i * m + p] * x[i * m + q];
      out[i] = s;
    }
    return out;
  };
  const background = randomBackground(10, m, 21);
  const spec: MaskedModelSpec = { f, groups: Array.from({ length: m }, (_, i) => i), features: m, background };

  function closedForm(x: Float32Array): Float64Array {
    const phi = new Float64Array(m);
    const { matrix, rows, weights } = background;
    for (let j = 0; j < m; j++) {
      let mean = 0;
      for (let b = 0; b < rows; b++) mean += weights[b] * Math.tanh(matrix[b * m + j]);
      phi[j] += a[j] * (Math.tanh(x[j]) - mean);
    }
    for (const [p, q, c] of pairs) {
      // Two-player game: phi_p = 1/2 [(v(p) - v()) + (v(pq) - v(q))].
      let v0 = 0, vp = 0, vq = 0;
      for (let b = 0; b < rows; b++) {
        const w = weights[b];
        v0 += w * c * matrix[b * m + p] * matrix[b * m + q];
        vp += w * c * x[p] * matrix[b * m + q];
        vq += w * c * matrix[b * m + p] * x[q];
      }
      const vpq = c * x[p] * x[q];
      phi[p] += 0.5 * (vp - v0 + vpq - vq);
      phi[q] += 0.5 * (vq - v0 + vpq - vp);
    }
    return phi;
  }

  it('reference (closed form) is itself additive', async () => {
    const x = Float32Array.from({ length: m }, () => r.normal());
    const phi = closedForm(x);
    const fx = f(x, 1)[0];
    const base = f(background.matrix, background.rows).reduce((s, v, i) => s + v * background.weights[i], 0);
    expect(Math.abs(base + phi.reduce((s, v) => s + v, 0) - fx)).toBeLessThan(1e-9);
  });

  it('with 2,048 samples on 20 features has MAE under 1% of the output range, and is additive', async () => {
    const rows = Array.from({ length: 5 }, () => Float32Array.from({ length: m }, () => r.normal() * 1.2));
    const outputs = [...f(background.matrix, background.rows), ...rows.map((x) => f(x, 1)[0])];
    const outputRange = Math.max(...outputs) - Math.min(...outputs);
    for (const [i, x] of rows.entries()) {
      const k = await kernelShap(spec, x, { samples: 2048, seed: 100 + i });
      const exact = closedForm(x);
      const mae = k.values.reduce((s, v, j) => s + Math.abs(v - exact[j]), 0) / m;
      expect(mae).toBeLessThan(0.01 * outputRange);
      expect(Math.abs(k.base + k.values.reduce((s, v) => s + v, 0) - k.output)).toBeLessThan(1e-4);
      expect(k.stderr.some((s) => s > 0)).toBe(true);
      expect(k.evaluations).toBeLessThanOrEqual((2048 + 4) * background.rows);
    }
  });
});
