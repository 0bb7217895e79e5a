/**
 * JSON (an array of records) and JSON Lines (one record per line). Records may have different
 * keys: columns are the union, in order of first appearance. Nested values are kept as JSON text.
 */
import { ColumnBuilder } from './builder';
import type { LoadError, Result } from './types';

export interface JsonTable {
  builders: ColumnBuilder[];
  rows: number;
}

/** Line and column (1-based) of a character offset, for error messages. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function invalid(message: string): Result<never> {
  return { ok: false, error: { code: 'invalid-json', message } };
}

function parseError(error: unknown, text: string, lineOffset: number): LoadError {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(raw);
  const offset = at ? Number(at[1]) : /end of JSON input/i.test(raw) ? text.length : -1;
  const detail = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  if (offset < 0) return { code: 'invalid-json', message: `The JSON is not valid${lineOffset ? ` at line ${lineOffset}` : ''}: ${detail}.` };
  const { line, column } = lineColumn(text, offset);
  return { code: 'invalid-json', message: `The JSON is not valid at line ${line + lineOffset - (lineOffset ? 1 : 0)}, column ${column}: ${detail}.` };
}

class RecordCollector {
  readonly builders: ColumnBuilder[] = [];
  private readonly byKey = new Map<string, ColumnBuilder>();
  rows = 0;

  add(record: unknown): void {
    const entries: [string, unknown][] =
      record !== null && typeof record === 'object' && !Array.isArray(record) ? Object.entries(record) : [['value', record]];
    const seen = new Set<ColumnBuilder>();
    for (const [key, value] of entries) {
      let builder = this.byKey.get(key);
      if (!builder) {
        builder = new ColumnBuilder(key);
        for (let i = 0; i < this.rows; i++) builder.addMissing();
        this.byKey.set(key, builder);
        this.builders.push(builder);
      }
      seen.add(builder);
      if (value === null || value === undefined || value === '') builder.addMissing();
      else if (typeof value === 'number') {
        if (Number.isFinite(value)) builder.addNumber(value);
        else builder.addMissing();
      } else if (typeof value === 'string') builder.addString(value);
      else if (typeof value === 'boolean') builder.addString(value ? 'true' : 'false');
      else builder.addString(JSON.stringify(value));
    }
    for (const builder of this.builders) if (!seen.has(builder)) builder.addMissing();
    this.rows++;
  }
}

export function parseJson(text: string): Result<JsonTable> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: parseError(error, text, 0) };
  }
  if (!Array.isArray(data)) return invalid('The JSON file must hold an array of records, like [{"a": 1}, {"a": 2}].');
  const collector = new RecordCollector();
  for (const record of data) collector.add(record);
  return { ok: true, value: { builders: collector.builders, rows: collector.rows } };
}

export function parseJsonLines(text: string): Result<JsonTable> {
  const collector = new RecordCollector();
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNumber++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      return { ok: false, error: parseError(error, line, lineNumber) };
    }
    collector.add(record);
  }
  return { ok: true, value: { builders: collector.builders, rows: collector.rows } };
}
