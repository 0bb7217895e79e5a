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

  constructor(
    public name: string,
    capacity = 1024,
  ) {
    this.numbers = new Float64Array(Math.max(16, capacity));
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

  addNumber(value: number): void {
    if (this.length === this.numbers.length) this.grow();
    this.numbers[this.length] = value;
    if (this.codes) this.codes[this.length] = -1;
    this.length++;
    this.numberCount++;
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
      this.codes = new Int32Array(this.numbers.length);
      this.codes.fill(-1, 0, this.length);
    }
    // numbers[i] is left unwritten for text rows: codes[i] >= 0 already says what the row is, and
    // untouched pages of a big array cost nothing.
    this.codes[this.length] = code;
    this.length++;
    this.stringCount++;
  }
}

/**
 * The first length items of a growable array. A view (no copy, no new pages to touch) when the
 * array is nearly full, which the row estimate usually makes it; a compact copy otherwise.
 */
export function fitted<T extends Float64Array | Int32Array>(array: T, length: number): T {
  return (length >= array.length * 0.8 ? array.subarray(0, length) : array.slice(0, length)) as T;
}
