/** Small seeded toy problems for the model tests. */
import { createRandom } from '../random';
import type { TrainingData } from './kind';

/** Two Gaussian blobs per class along the first axis: separable for binary, k-way for multiclass. */
export function blobs(rows: number, cols: number, classes: number, seed: number): TrainingData {
  const r = createRandom(seed);
  const x = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = i % classes;
    y[i] = c;
    for (let j = 0; j < cols; j++) x[i * cols + j] = r.normal() * 0.5 + (j === c % cols ? 3 : 0);
  }
  return { x, y, rows, cols };
}

/** y = x . w + 10 + small noise. */
export function linearTarget(rows: number, w: number[], seed: number, noise = 0.05): TrainingData {
  const r = createRandom(seed);
  const cols = w.length;
  const x = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 10;
    for (let j = 0; j < cols; j++) {
      x[i * cols + j] = r.normal();
      s += x[i * cols + j] * w[j];
    }
    y[i] = s + r.normal() * noise;
  }
  return { x, y, rows, cols };
}

/** XOR of the signs of the first two inputs: not linearly separable. */
export function xor(rows: number, seed: number): TrainingData {
  const r = createRandom(seed);
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    const a = r.next() * 2 - 1;
    const b = r.next() * 2 - 1;
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = a * b > 0 ? 1 : 0;
  }
  return { x, y, rows, cols: 2 };
}

/** Features with labels that are pure noise: any fit beyond the first epochs is overfitting. */
export function noise(rows: number, cols: number, seed: number): TrainingData {
  const r = createRandom(seed);
  return {
    x: Float32Array.from({ length: rows * cols }, () => r.normal()),
    y: Float32Array.from({ length: rows }, () => (r.next() < 0.5 ? 1 : 0)),
    rows,
    cols,
  };
}
