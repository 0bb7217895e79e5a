/** The main pass's sink: each record's fields go straight into column builders, no row objects. */
import { ColumnBuilder, type SpareArrays } from './builder';
import { ByteDictionary, HASH_PRIME, HASH_SEED, hashBytes } from './bytedict';
import { isMissingMarker, parseNumberBytes, POW10, writtenDecimals } from './number';
import type { PlainRecordSink, RecordView } from './scanner';
import type { FieldDecoder } from './text';
import type { ParseWarning } from './types';

export const MAX_RAGGED_LINES = 5;
/** Dictionary code meaning "this byte string is a missing marker" (find returns -1 for unknown). */
const MISSING_MARKER = -2;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class TableSink implements PlainRecordSink {
  readonly builders: ColumnBuilder[];
  private readonly dictionaries: ByteDictionary[];
  /** Per column: 1 while its last value was a number, so the fused loop tries a number first. */
  private readonly expectNumber: Uint8Array;
  rows = 0;
  /** Lines the last plainRecords call consumed (one per record or blank line). */
  plainLines = 0;
  /** True until the header record has been skipped (a range may end before seeing it). */
  headerPending: boolean;
  /** Rows whose field count differed from the width; short: those with fewer fields. */
  ragged = 0;
  short = 0;
  /** Line numbers of the first few ragged rows. */
  readonly raggedLines: number[] = [];

  constructor(
    names: string[],
    capacity: number,
    private readonly decoder: FieldDecoder,
    skipHeader: boolean,
    spare?: SpareArrays,
  ) {
    this.builders = names.map((name) => new ColumnBuilder(name, capacity, spare));
    this.dictionaries = names.map(() => new ByteDictionary());
    this.expectNumber = new Uint8Array(names.length).fill(1);
    this.headerPending = skipHeader;
  }

  /**
   * The fused loop: finds, parses and stores each field of unquoted, well-formed records in one
   * walk over their bytes, where record() gets boundaries from the scanner and reads each field
   * again to parse it and again to hash it. Every record starting in [pos, end) ends by end (the
   * scanner passes the chunk's last newline), so the loop needs no end-of-chunk checks. It stops
   * before the first record it cannot take whole (a quoted field, a ragged row, the header, or
   * stop) and returns where that record starts; record() takes it. A number is taken here only
   * when parseNumberBytes would give the same value (plain digits, at most 15, no exponent or
   * spaces); a text value only when its bytes are already in the dictionary, which holds nothing
   * that parses as a number. Anything else goes through addField, as record() would send it.
   */
  plainRecords(bytes: Uint8Array, pos: number, end: number, stop: number, delimiter: number): number {
    this.plainLines = 0;
    if (this.headerPending) return pos;
    const builders = this.builders;
    const dictionaries = this.dictionaries;
    const expectNumber = this.expectNumber;
    const last = builders.length - 1;
    let lines = 0;
    records: while (pos < end && pos < stop) {
      const recordStart = pos;
      let ch = bytes[pos];
      if (ch === LF || ch === CR) {
        // A blank line: skipped, but counted.
        pos++;
        if (ch === CR && bytes[pos] === LF) pos++;
        lines++;
        continue;
      }
      for (let c = 0; ; c++) {
        const builder = builders[c];
        const start = pos;
        ch = bytes[pos];
        if (ch === QUOTE) {
          this.undo(c);
          pos = recordStart;
          break records;
        }
        if (expectNumber[c] === 1) {
          let negative = false;
          if (ch === 0x2d) {
            negative = true;
            ch = bytes[++pos];
          }
          const digitsStart = pos;
          let mantissa = 0;
          while (ch >= 0x30 && ch <= 0x39) {
            mantissa = mantissa * 10 + (ch - 0x30);
            ch = bytes[++pos];
          }
          const intDigits = pos - digitsStart;
          let fracDigits = 0;
          if (ch === 0x2e) {
            ch = bytes[++pos];
            const fracStart = pos;
            while (ch >= 0x30 && ch <= 0x39) {
              mantissa = mantissa * 10 + (ch - 0x30);
              ch = bytes[++pos];
            }
            fracDigits = pos - fracStart;
          }
          const digits = intDigits + fracDigits;
          if ((ch === delimiter || ch === LF || ch === CR) && digits > 0 && digits <= 15 && !(intDigits > 1 && bytes[digitsStart] === 0x30)) {
            const value = fracDigits > 0 ? mantissa / POW10[fracDigits] : mantissa;
            builder.addNumber(negative ? -value : value, fracDigits);
          } else {
            while (ch !== delimiter && ch !== LF && ch !== CR) ch = bytes[++pos];
            this.addField(builder, dictionaries[c], bytes, start, pos);
            if (pos > start) expectNumber[c] = builder.isText(builder.length - 1) ? 0 : 1;
          }
        } else {
          let hash = HASH_SEED; // hashBytes, inline as the field is scanned
          while (ch !== delimiter && ch !== LF && ch !== CR) {
            hash = Math.imul(hash ^ ch, HASH_PRIME);
            ch = bytes[++pos];
          }
          if (pos === start) builder.addMissing();
          else {
            const known = dictionaries[c].find(bytes, start, pos, hash | 0);
            if (known >= 0) builder.addCode(known);
            else if (known === MISSING_MARKER) builder.addMissing();
            else {
              this.addField(builder, dictionaries[c], bytes, start, pos);
              const row = builder.length - 1;
              if (!builder.isText(row) && !builder.isMissing(row)) expectNumber[c] = 1;
            }
          }
        }
        if (c === last) {
          if (ch === delimiter) {
            this.undo(c + 1); // more fields than columns
            pos = recordStart;
            break records;
          }
          pos++;
          if (ch === CR && bytes[pos] === LF) pos++;
          break;
        }
        if (ch !== delimiter) {
          this.undo(c + 1); // fewer fields than columns
          pos = recordStart;
          break records;
        }
        pos++;
      }
      this.rows++;
      lines++;
    }
    this.plainLines = lines;
    return pos;
  }

  /** Takes back the first `count` fields of a record the fused loop gave up on. */
  private undo(count: number): void {
    for (let c = 0; c < count; c++) this.builders[c].removeLast();
  }

  record(view: RecordView, line: number): void {
    if (this.headerPending) {
      this.headerPending = false;
      return;
    }
    const builders = this.builders;
    const width = builders.length;
    if (view.count !== width) {
      this.ragged++;
      if (view.count < width) this.short++;
      if (this.raggedLines.length < MAX_RAGGED_LINES) this.raggedLines.push(line);
    }
    const present = Math.min(width, view.count);
    for (let c = 0; c < present; c++) {
      const bytes = view.inScratch[c] ? view.scratch : view.buffer;
      this.addField(builders[c], this.dictionaries[c], bytes, view.starts[c], view.ends[c]);
    }
    for (let c = present; c < width; c++) builders[c].addMissing();
    this.rows++;
  }

  private addField(builder: ColumnBuilder, dictionary: ByteDictionary, bytes: Uint8Array, start: number, end: number): void {
    if (start === end) {
      builder.addMissing();
      return;
    }
    const first = bytes[start];
    // Only fields that can start a number pay for a number parse: digits, sign, '.', space.
    if ((first >= 0x30 && first <= 0x39) || first === 0x2d || first === 0x2b || first === 0x2e || first === 0x20) {
      const value = parseNumberBytes(bytes, start, end);
      if (value === value) {
        builder.addNumber(value, writtenDecimals(bytes, start, end));
        return;
      }
    }
    const hash = hashBytes(bytes, start, end);
    const known = dictionary.find(bytes, start, end, hash);
    if (known >= 0) {
      builder.addCode(known);
      return;
    }
    // Missing markers ("NA", "?") are checked once per distinct value and remembered as such,
    // not once per field: categorical and boolean columns are mostly short repeated strings.
    if (known === MISSING_MARKER) {
      builder.addMissing();
      return;
    }
    if (end - start <= 5 && isMissingMarker(bytes, start, end)) {
      dictionary.insert(bytes, start, end, hash, MISSING_MARKER);
      builder.addMissing();
      return;
    }
    dictionary.insert(bytes, start, end, hash, builder.addString(this.decoder.decode(bytes, start, end)));
  }

  warnings(): ParseWarning[] {
    return raggedWarnings(this.builders.length, this.ragged, this.short, this.raggedLines);
  }
}

/** The one warning about rows with too few or too many fields (none when every row fits). */
export function raggedWarnings(width: number, ragged: number, short: number, lines: readonly number[]): ParseWarning[] {
  if (ragged === 0) return [];
  const long = ragged - short;
  const parts = [];
  if (short) parts.push(`${short} had fewer than ${width} fields (the rest were left missing)`);
  if (long) parts.push(`${long} had more than ${width} fields (the extra ones were dropped)`);
  return [
    {
      kind: 'ragged-rows',
      message: `${ragged} rows did not have ${width} fields: ${parts.join('; ')}. First at line ${lines.join(', ')}.`,
      lines: [...lines],
      count: ragged,
    },
  ];
}
