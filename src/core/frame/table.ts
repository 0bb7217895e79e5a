/** The main pass's sink: each record's fields go straight into column builders, no row objects. */
import { ColumnBuilder, type SpareArrays } from './builder';
import { ByteDictionary, hashBytes } from './bytedict';
import { isMissingMarker, parseNumberBytes } from './number';
import type { RecordSink, RecordView } from './scanner';
import type { FieldDecoder } from './text';
import type { ParseWarning } from './types';

export const MAX_RAGGED_LINES = 5;
/** Dictionary code meaning "this byte string is a missing marker" (find returns -1 for unknown). */
const MISSING_MARKER = -2;

export class TableSink implements RecordSink {
  readonly builders: ColumnBuilder[];
  private readonly dictionaries: ByteDictionary[];
  rows = 0;
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
    this.headerPending = skipHeader;
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
        builder.addNumber(value);
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
