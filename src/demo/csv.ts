/** A field is a string as written, a finite number, or null for missing (an empty field). */
export type CsvField = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: quote a field only when it holds a comma, quote or line break; double inner quotes. */
export function csvField(value: CsvField): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header plus rows as CSV text with CRLF line ends (RFC 4180), ending in a line break. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  const lines: string[] = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** CSV as UTF-8 bytes, the form an uploaded file arrives in. */
export function csvBytes(header: readonly string[], rows: readonly (readonly CsvField[])[]): Uint8Array {
  return new TextEncoder().encode(csvText(header, rows));
}
