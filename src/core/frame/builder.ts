import type { NumberScan } from './distinct';

/**
 * One column as read from one byte range of a file (ranges.ts): plain data that crosses a worker
 * boundary with its buffers transferred. Codes index this range's own labels.
 */
export interface ColumnPart {
  length: number;
  /** Row values; empty when the range has only text rows (numbers are not written for those). */
  numbers: Float64Array;
  codes: Int32Array | null;
  labels: string[];
  numberCount: number;
  stringCount: number;
  missingCount: number;
  allIntegers: boolean;
  allZeroOne: boolean;
}

/**
 * Arrays a parse may reuse for its columns. Fresh memory is not free: every new page is a fault
 * the first time it is written (on the 2-core VM the benchmarks run on, about 5 ms a MB), so the
 * range parser reuses the arrays of ranges already merged (ranges.ts).
 */
export interface SpareArrays {
  numbers: Float64Array[];
  codes: Int32Array[];
}

/** A spare array of at least `length` items, removed from the list, or null. */
export function takeSpare<T extends Float64Array | Int32Array>(list: T[] | undefined, length: number): T | null {
  if (!list) return null;
  const k = list.findIndex((array) => array.length >= length);
  return k < 0 ? null : list.splice(k, 1)[0];
}

/** ColumnBuilder.decimals when the numbers' decimal places are not known. */
export const NO_DECIMALS = 99;
/** Scales the profile's distinct count can use (distinct.ts, SCALES): up to 4 decimal places. */
const MAX_SCAN_DECIMALS = 4;
/** Below this magnitude, v * 10^d rounds back to the written digits exactly (see numberScan). */
const EXACT_SCALED_LIMIT = 2 ** 40;

/**
 * One column while it is being read. Every row lands in a growable Float64Array; only when the first
 * non-numeric value arrives is an Int32Array of dictionary codes created, so all-numeric columns
 * never touch strings. The column's type is decided at the end (infer.ts).
 *
 * Row i is: a string when codes[i] >= 0; else the number numbers[i]; NaN there means missing.
 * (numbers[i] is meaningless for string rows.)
 */
export class ColumnBuilder {
  length = 0;
  numbers: Float64Array;
  codes: Int32Array | null = null;
  readonly labels: string[] = [];
  private readonly lookup = new Map<string, number>();
  numberCount = 0;
  stringCount = 0;
  missingCount = 0;
  allIntegers = true;
  allZeroOne = true;
  /**
   * Running min, max and sum of the numbers, in row order, so the profile can skip its first pass
   * over a column read in one pass (numberScan). Most decimal places written (table.ts counts
   * them); NO_DECIMALS once any number came without them (a range merge, JSON, a record taken
   * back), and then the profile scans.
   */
  min = Infinity;
  max = -Infinity;
  sum = 0;
  decimals = 0;

  constructor(
    public name: string,
    capacity = 1024,
    private readonly spare?: SpareArrays,
  ) {
    this.numbers = takeSpare(spare?.numbers, capacity) ?? new Float64Array(Math.max(16, capacity));
  }

  private newCodes(): Int32Array {
    const size = this.numbers.length;
    return takeSpare(this.spare?.codes, size)?.subarray(0, size) ?? new Int32Array(size);
  }

  private grow(): void {
    const size = this.numbers.length * 2;
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    this.numbers = numbers;
    if (this.codes) {
      const codes = new Int32Array(size);
      codes.set(this.codes);
      this.codes = codes;
    }
  }

  /** decimals: digits after the point as written, when known (the fused loop knows). */
  addNumber(value: number, decimals = NO_DECIMALS): void {
    if (this.length === this.numbers.length) this.grow();
    this.numbers[this.length] = value;
    if (this.codes) this.codes[this.length] = -1;
    this.length++;
    this.numberCount++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (decimals > this.decimals) this.decimals = decimals;
    if (this.allIntegers && !Number.isInteger(value)) this.allIntegers = false;
    if (this.allZeroOne && value !== 0 && value !== 1) this.allZeroOne = false;
  }

  addMissing(): void {
    if (this.length === this.numbers.length) this.grow();
    this.numbers[this.length] = NaN;
    if (this.codes) this.codes[this.length] = -1;
    this.length++;
    this.missingCount++;
  }

  /**
   * Takes back the last row (the fused loop in table.ts undoes a record it cannot finish, and the
   * general path adds it again). Its kind is read back from the arrays, by the rule above; the
   * allIntegers/allZeroOne flags are left: the same values are added again, so they end the same.
   */
  /** What row i holds, by the rule above. */
  isText(i: number): boolean {
    return this.codes !== null && this.codes[i] >= 0;
  }

  isMissing(i: number): boolean {
    return !this.isText(i) && Number.isNaN(this.numbers[i]);
  }

  removeLast(): void {
    const i = --this.length;
    if (this.isText(i)) this.stringCount--;
    else if (Number.isNaN(this.numbers[i])) this.missingCount--;
    else {
      this.numberCount--;
      this.decimals = NO_DECIMALS; // the sum cannot be taken back exactly: the profile scans instead
    }
  }

  /** Code of label in this column's dictionary, adding it when new. */
  codeOf(label: string): number {
    let code = this.lookup.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.lookup.set(label, code);
      this.labels.push(label);
    }
    return code;
  }

  /** Adds a text value; returns its code. */
  addString(label: string): number {
    const code = this.codeOf(label);
    this.addCode(code);
    return code;
  }

  /** Adds a text value already in the dictionary, by code. */
  addCode(code: number): void {
    if (this.length === this.numbers.length) this.grow();
    if (!this.codes) {
      this.codes = this.newCodes();
      this.codes.fill(-1, 0, this.length);
    }
    // numbers[i] is left unwritten for text rows: codes[i] >= 0 already says what the row is, and
    // untouched pages of a big array cost nothing.
    this.codes[this.length] = code;
    this.length++;
    this.stringCount++;
  }

  /**
   * Appends the rows of the next range, as if they had been added one by one: its labels join this
   * dictionary in their first-seen order, so codes come out as one serial pass numbers them.
   */
  appendPart(part: ColumnPart): void {
    const from = this.length;
    const to = from + part.length;
    while (to > this.numbers.length) this.grow();
    if (part.numberCount + part.missingCount > 0) this.numbers.set(part.numbers.subarray(0, part.length), from);
    if (part.codes) {
      if (!this.codes) {
        this.codes = new Int32Array(this.numbers.length);
        this.codes.fill(-1, 0, from);
      }
      const remap = new Int32Array(part.labels.length);
      let identity = true;
      for (let k = 0; k < remap.length; k++) {
        remap[k] = this.codeOf(part.labels[k]);
        if (remap[k] !== k) identity = false;
      }
      const source = part.codes;
      const codes = this.codes;
      if (identity) codes.set(source.subarray(0, part.length), from);
      else {
        for (let i = 0; i < part.length; i++) {
          const code = source[i];
          codes[from + i] = code >= 0 ? remap[code] : -1;
        }
      }
    } else if (this.codes) {
      this.codes.fill(-1, from, to);
    }
    this.length = to;
    this.numberCount += part.numberCount;
    this.stringCount += part.stringCount;
    this.missingCount += part.missingCount;
    this.allIntegers &&= part.allIntegers;
    this.allZeroOne &&= part.allZeroOne;
    // Sums of ranges added together round differently from one sum in row order.
    if (part.numberCount > 0) this.decimals = NO_DECIMALS;
  }
}

/** This builder as a range's part (views on its arrays, so the buffers can be transferred). */
export function columnPart(builder: ColumnBuilder): ColumnPart {
  const n = builder.length;
  return {
    length: n,
    numbers: builder.numberCount + builder.missingCount > 0 ? builder.numbers.subarray(0, n) : new Float64Array(0),
    codes: builder.codes ? builder.codes.subarray(0, n) : null,
    labels: builder.labels,
    numberCount: builder.numberCount,
    stringCount: builder.stringCount,
    missingCount: builder.missingCount,
    allIntegers: builder.allIntegers,
    allZeroOne: builder.allZeroOne,
  };
}

/**
 * The first length items of a growable array. A view (no copy, no new pages to touch) when the
 * array is nearly full, which the row estimate usually makes it; a compact copy otherwise.
 */
export function fitted<T extends Float64Array | Int32Array>(array: T, length: number): T {
  return (length >= array.length * 0.8 ? array.subarray(0, length) : array.slice(0, length)) as T;
}

/**
 * The profile's shared first pass (distinct.ts, scanNumbers) as this builder kept it while reading,
 * or null when it must scan: the same count, min, max and sum in the same order of additions.
 * scale is 10^decimals rather than the smallest that works: each value was parsed as m / 10^f with
 * f <= decimals, and below EXACT_SCALED_LIMIT round(v * 10^d) / 10^d gives that same double back,
 * which is all the distinct count needs.
 */
export function numberScan(builder: ColumnBuilder): NumberScan | null {
  if (builder.stringCount > 0 || builder.decimals > MAX_SCAN_DECIMALS) return null;
  const scale = 10 ** builder.decimals;
  if (builder.numberCount > 0 && Math.max(-builder.min, builder.max) * scale >= EXACT_SCALED_LIMIT) return null;
  return { count: builder.numberCount, min: builder.min, max: builder.max, sum: builder.sum, scale };
}