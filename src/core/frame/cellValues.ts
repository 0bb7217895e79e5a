/**
 * Typed cell values (from Parquet and Excel readers) into column builders, the same way JSON
 * values go in: numbers as numbers, text as text, booleans as "true"/"false" and dates as ISO
 * text, so one inference (infer.ts) decides every column's kind whatever the file format.
 */
import { ColumnBuilder } from './builder';

export function addCell(builder: ColumnBuilder, value: unknown): void {
  if (value === null || value === undefined || value === '') builder.addMissing();
  else if (typeof value === 'number') Number.isFinite(value) ? builder.addNumber(value) : builder.addMissing();
  else if (typeof value === 'bigint') builder.addNumber(Number(value));
  else if (typeof value === 'string') builder.addString(value);
  else if (typeof value === 'boolean') builder.addString(value ? 'true' : 'false');
  else if (value instanceof Date) Number.isNaN(value.getTime()) ? builder.addMissing() : builder.addString(isoOf(value));
  else builder.addString(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
}

/** Midnight dates as YYYY-MM-DD, others with their time, all UTC (as Loupe stores dates). */
export function isoOf(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
