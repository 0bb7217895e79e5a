/** ISO dates and date-times, the only datetime text Loupe infers (other layouts are ambiguous: 01/02/2023). */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAY_MS = 86_400_000;

/**
 * Epoch milliseconds (UTC) of 2023-01-31, 2023-01-31T10:20:00Z, 2023-01-31 10:20, ...; NaN when the
 * text is not such a date. A time without a zone is read as UTC so results do not depend on the host.
 */
export function parseIsoDateTime(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) return NaN;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]) return NaN;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 2 && day === 29 && !leap) return NaN;
  const hour = m[4] ? +m[4] : 0;
  const minute = m[5] ? +m[5] : 0;
  const second = m[6] ? +m[6] : 0;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const millis = m[7] ? Math.floor(+`0.${m[7]}` * 1000 + 1e-6) : 0;
  let offsetMinutes = 0;
  if (m[8] && m[8] !== 'Z') {
    const zone = m[8].replace(':', '');
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(3, 5));
  }
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0..99 to 1900..1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offsetMinutes * 60_000;
}

/** ISO text for display: date only at midnight when dateOnly, no ".000" when there are no milliseconds. */
export function formatDateTime(ms: number, dateOnly: boolean): string {
  const iso = new Date(ms).toISOString();
  if (dateOnly) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** Whether every value of a datetime column falls on midnight UTC, so it displays as plain dates. */
export function allMidnight(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && v % DAY_MS !== 0) return false;
  }
  return true;
}
