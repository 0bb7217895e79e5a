/**
 * Streaming RFC 4180-style scanner over bytes. It finds field boundaries and hands each complete
 * record to a sink; an unfinished record at the end of a chunk is carried into the next one, so a
 * quoted field, an embedded newline or a CRLF may straddle chunk boundaries.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** One record's fields: field k is source(k)[starts[k], ends[k]). Valid only during the sink call. */
export interface RecordView {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when field k was unescaped ("" -> ") into scratch rather than pointing into buffer. */
  inScratch: Uint8Array;
  buffer: Uint8Array;
  scratch: Uint8Array;
}

export interface RecordSink {
  /** line: 1-based line number where the record starts. */
  record(view: RecordView, line: number): void;
}

/**
 * A sink that can also take plain records (no quotes) straight from the bytes, finding fields and
 * storing values in one walk (table.ts). Every record starting in [pos, end) ends by end; it
 * returns where it stopped (a record it leaves to record(), or end, or stop) and sets plainLines.
 */
export interface PlainRecordSink extends RecordSink {
  plainRecords(bytes: Uint8Array, pos: number, end: number, stop: number, delimiter: number): number;
  plainLines: number;
}

function isPlainSink(sink: RecordSink): sink is PlainRecordSink {
  return typeof (sink as Partial<PlainRecordSink>).plainRecords === 'function';
}

export class DelimitedScanner implements RecordView {
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  inScratch = new Uint8Array(64);
  buffer: Uint8Array = new Uint8Array(0);
  scratch: Uint8Array = new Uint8Array(1024);
  private scratchLength = 0;
  private carry: Uint8Array | null = null;
  /** 1-based line number of the next record (blank lines and newlines inside quotes count). */
  line = 1;
  /** Bytes consumed so far, counted from the first byte pushed: where the next record starts. */
  position = 0;
  /**
   * No record starting at or after this position (counted as position is) is scanned: a range
   * parse stops at the next range's start, having finished a record that straddles it.
   */
  stopAt = Infinity;

  private readonly plainSink: PlainRecordSink | null;

  constructor(
    private readonly delimiter: number,
    private readonly sink: RecordSink,
  ) {
    this.plainSink = isPlainSink(sink) ? sink : null;
  }

  /** Feed the next chunk; final marks the last one (an unterminated last line still counts). */
  push(chunk: Uint8Array, final: boolean): void {
    let rest = chunk;
    if (this.carry) {
      let carry = this.carry;
      this.carry = null;
      // Finish the carried partial record on a join of it and the chunk's head rather than on a
      // copy of the whole chunk (4 MiB a chunk); the head grows only for a longer record.
      for (let take = Math.min(chunk.length, 4096); ; take = Math.min(chunk.length, take * 4)) {
        const whole = take === chunk.length;
        const joined = new Uint8Array(carry.length + take);
        joined.set(carry, 0);
        joined.set(chunk.subarray(0, take), carry.length);
        const consumed = this.scan(joined, whole && final);
        this.position += consumed;
        if (consumed >= carry.length) {
          rest = chunk.subarray(consumed - carry.length);
          break;
        }
        if (whole) {
          this.keep(joined.subarray(consumed));
          return;
        }
        carry = carry.subarray(consumed);
      }
    }
    const consumed = this.scan(rest, final);
    this.position += consumed;
    if (consumed < rest.length) this.keep(rest.subarray(consumed));
  }

  /** Keeps an unfinished record for the next push (nothing past stopAt is ever scanned, so not that). */
  private keep(bytes: Uint8Array): void {
    if (bytes.length > 0 && this.position < this.stopAt) this.carry = bytes.slice();
  }

  private addField(start: number, end: number, inScratch: number): void {
    if (this.count === this.starts.length) {
      const size = this.count * 2;
      const starts = new Int32Array(size);
      const ends = new Int32Array(size);
      const flags = new Uint8Array(size);
      starts.set(this.starts);
      ends.set(this.ends);
      flags.set(this.inScratch);
      this.starts = starts;
      this.ends = ends;
      this.inScratch = flags;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.inScratch[this.count] = inScratch;
    this.count++;
  }

  /** Copies bytes[start, end) into scratch, turning each "" into ". Returns the scratch offset. */
  private unescape(bytes: Uint8Array, start: number, end: number): number {
    const offset = this.scratchLength;
    if (this.scratch.length < offset + (end - start)) {
      const grown = new Uint8Array((offset + end - start) * 2);
      grown.set(this.scratch.subarray(0, offset));
      this.scratch = grown;
    }
    let n = offset;
    for (let i = start; i < end; i++) {
      this.scratch[n++] = bytes[i];
      if (bytes[i] === QUOTE) i++;
    }
    this.scratchLength = n;
    return offset;
  }

  /** Scans complete records; returns where the first incomplete one starts (buffer length if none). */
  private scan(bytes: Uint8Array, final: boolean): number {
    const n = bytes.length;
    const d = this.delimiter;
    this.buffer = bytes;
    const stop = this.stopAt - this.position;
    const plain = this.plainSink;
    // Records that start before the chunk's last newline are whole in this chunk unless quoted, so
    // up to there a plain sink may take them itself; this loop takes what it leaves.
    const plainEnd = plain ? bytes.lastIndexOf(LF) + 1 : 0;
    let pos = 0;
    while (pos < n) {
      if (pos >= stop) return pos;
      if (plain !== null && pos < plainEnd) {
        const next = plain.plainRecords(bytes, pos, plainEnd, stop, d);
        this.line += plain.plainLines;
        if (next !== pos) {
          pos = next;
          continue;
        }
      }
      const recordStart = pos;
      this.count = 0;
      this.scratchLength = 0;
      let newlines = 0;
      let quotedAny = false;
      for (;;) {
        if (pos < n && bytes[pos] === QUOTE) {
          quotedAny = true;
          const start = pos + 1;
          let p = start;
          let escaped = false;
          let end = -1;
          while (end < 0) {
            const q = bytes.indexOf(QUOTE, p);
            if (q < 0) {
              if (!final) return recordStart;
              end = n; // unterminated quote at end of file: take the rest
              p = n;
            } else if (q + 1 < n && bytes[q + 1] === QUOTE) {
              escaped = true;
              p = q + 2;
            } else if (q + 1 >= n && !final) {
              return recordStart; // cannot tell "" from a closing quote yet
            } else {
              end = q;
              p = q + 1;
            }
          }
          for (let k = start; k < end; k++) if (bytes[k] === LF) newlines++;
          if (escaped) {
            const offset = this.unescape(bytes, start, end);
            this.addField(offset, this.scratchLength, 1);
          } else {
            this.addField(start, end, 0);
          }
          // Lenient: anything between the closing quote and the delimiter is dropped.
          pos = p;
          while (pos < n) {
            const c = bytes[pos];
            if (c === d || c === LF || c === CR) break;
            pos++;
          }
        } else {
          const start = pos;
          while (pos < n) {
            const c = bytes[pos];
            if (c === d || c === LF || c === CR) break;
            pos++;
          }
          this.addField(start, pos, 0);
        }
        if (pos >= n) {
          if (!final) return recordStart;
          break;
        }
        const c = bytes[pos];
        if (c === d) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= n && !final) return recordStart;
          pos++;
          if (pos < n && bytes[pos] === LF) pos++;
        } else {
          pos++;
        }
        break;
      }
      const line = this.line;
      this.line += 1 + newlines;
      // A blank line is one empty, unquoted field: skipped, but still counted for line numbers.
      if (this.count === 1 && !quotedAny && this.starts[0] === this.ends[0]) continue;
      this.sink.record(this, line);
    }
    return n;
  }
}
