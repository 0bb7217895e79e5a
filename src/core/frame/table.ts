/** The main pass's sink: each record's fields go straight into column builders, no row objects. */
import { ColumnBuilder } from './builder';
import { ByteDictionary, hashBytes } from './bytedict';
import { isMissingMarker, parseNumberBytes } from './number';
import type { RecordSink, RecordView } from './scanner';
import type { FieldDecoder } from './text';
import type { ParseWarning } from './types';

const MAX_LINES_REPORTED = 5;
/** Dictionary code meaning "this byte string is a missing marker" (find returns -1 for unknown). */
const MISSING_MARKER = -2;

export class TableSink implements RecordSink {
  readonly builders: ColumnBuilder[];
  private readonly dictionaries: ByteDictionary[];
  rows = 0;
  private skipHeader: boolean;
  private ragged = 0;
  private short = 0;
  private readonly raggedLines: number[] = [];

  constructor(
    names: string[],
    capacity: number,
    private readonly decoder: FieldDecoder,
    skipHeader: boolean,
  ) {
    this.builders = names.map((name) => new ColumnBuilder(name, capacity));
    this.dictionaries = names.map(() => new ByteDictionary());
    this.skipHeader = skipHeader;
  }

  record(view: RecordView, line: number): void {
    if (this.skipHeader) {
      this.skipHeader = false;
      return;
    }
    const builders = this.builders;
    const width = builders.length;
    if (view.count !== width) {
      this.ragged++;
      if (view.count < width) this.short++;
      if (this.raggedLines.length < MAX_LINES_REPORTED) this.raggedLines.push(line);
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
    if (this.ragged === 0) return [];
    const width = this.builders.length;
    const long = this.ragged - this.short;
    const parts = [];
    if (this.short) parts.push(`${this.short} had fewer than ${width} fields (the rest were left missing)`);
    if (long) parts.push(`${long} had more than ${width} fields (the extra ones were dropped)`);
    return [
      {
        kind: 'ragged-rows',
        message: `${this.ragged} rows did not have ${width} fields: ${parts.join('; ')}. First at line ${this.raggedLines.join(', ')}.`,
        lines: [...this.raggedLines],
        count: this.ragged,
      },
    ];
  }
}
