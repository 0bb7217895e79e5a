/**
 * Partial dependence (Friedman 2001) and individual conditional expectation lines: set one
 * feature to each grid value for every sampled row and average the outputs. All grid points
 * go to the model in one call.
 */
export interface DependenceInput {
  /** Sampled rows, model matrix, row-major. */
  matrix: Float32Array;
  rows: number;
  cols: number;
  /** The matrix columns of the feature, in order. */
  columns: number[];
  /** Encoded grid: grid.length x columns.length. */
  encodedGrid: Float32Array;
  gridSize: number;
  f: (x: Float32Array, rows: number) => Float64Array | Promise<Float64Array>;
  /** ICE lines returned for the first this-many rows. */
  iceRows: number;
}

export interface DependenceCurve {
  /** Mean output per grid point. */
  average: number[];
  /** ice[i][g]: row i's output at grid point g. */
  ice: number[][];
}

export async function partialDependence(input: DependenceInput): Promise<DependenceCurve> {
  const { matrix, rows, cols, columns, encodedGrid, gridSize } = input;
  const width = columns.length;
  const x = new Float32Array(gridSize * rows * cols);
  for (let g = 0; g < gridSize; g++) {
    const block = x.subarray(g * rows * cols, (g + 1) * rows * cols);
    block.set(matrix);
    for (let i = 0; i < rows; i++) for (let k = 0; k < width; k++) block[i * cols + columns[k]] = encodedGrid[g * width + k];
  }
  const out = await input.f(x, gridSize * rows);
  const average: number[] = [];
  for (let g = 0; g < gridSize; g++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += out[g * rows + i];
    average.push(s / rows);
  }
  const ice = Array.from({ length: Math.min(input.iceRows, rows) }, (_, i) => Array.from({ length: gridSize }, (_, g) => out[g * rows + i]));
  return { average, ice };
}
