/**
 * Excel .xlsx workbooks: the zip is opened with fflate (small, maintained, no dependencies, runs
 * in workers) and the few XML parts a table needs are scanned directly — workers have no
 * DOMParser. The first row is the header; shared strings, inline strings, booleans, numbers and
 * date-formatted numbers (1900 date system; 1904 when the workbook says so) are read; formulas
 * give their cached value. The first sheet is read unless the settings name another.
 */
import { unzipSync } from 'fflate';
import { ColumnBuilder } from './builder';
import { addCell, isoOf } from './cellValues';
import type { ReadTable } from './parquet';
import type { LoadError, Result } from './types';

const fail = (code: LoadError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });
const text = new TextDecoder();

/** Excel's built-in date and time number formats (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** Text of every <t> inside a shared-string item or inline string (rich text runs joined). */
function runsText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += unescapeXml(m[1] ?? '');
  return out;
}

export interface Workbook {
  sheets: { name: string; path: string }[];
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  part(path: string): string | null;
}

export function openWorkbook(bytes: Uint8Array): Result<Workbook> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return fail('unreadable', `This .xlsx file could not be opened (${(error as Error).message}); it may be damaged or password-protected.`);
  }
  const part = (path: string) => (files[path] ? text.decode(files[path]) : null);
  const workbook = part('xl/workbook.xml');
  if (!workbook) {
    if (files['EncryptedPackage'] || files['EncryptionInfo']) return fail('unreadable', 'This workbook is password-protected: open it in Excel, remove the password, and save it again.');
    return fail('binary-file', 'This is a ZIP archive but not an Excel workbook (.xlsx). Choose a CSV, TSV, JSON, JSON Lines, Parquet or .xlsx file.');
  }
  const rels = new Map<string, string>();
  for (const m of (part('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: attr(m[0], 'name') ?? 'Sheet', path: rels.get(attr(m[0], 'r:id') ?? '') ?? '' })).filter((s) => files[s.path]);
  const sharedStrings = [...(part('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]));
  const styles = part('xl/styles.xml') ?? '';
  const customDates = new Set<number>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
    const code = (attr(m[0], 'formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
    // A custom format is a date when it has day, month or year parts (not just elapsed time).
    if (/[dy]|m{3,}|(^|[^h:])mm?([^:]|$)/i.test(code) && !/^[#0.,%\s]*$/.test(code)) customDates.add(Number(attr(m[0], 'numFmtId')));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const dateStyles = [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return DATE_FORMAT_IDS.has(id) || customDates.has(id);
  });
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
  return { ok: true, value: { sheets, sharedStrings, dateStyles, date1904, part } };
}

/** "BC12" → 54 (0-based column index). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function excelDate(serial: number, date1904: boolean): Date {
  // Day 0 is 1899-12-30 in the 1900 system (Excel's leap-year bug makes 1900-02-29 exist).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

export function readSheet(book: Workbook, sheetName?: string): Result<ReadTable> {
  if (book.sheets.length === 0) return fail('no-columns', 'This workbook has no worksheets.');
  if (!sheetName) {
    // The first sheet that holds a table: an empty cover sheet would otherwise stop the load
    // before the settings bar (where another sheet is chosen) is even shown.
    const names = book.sheets.map((x) => `"${x.name}"`).join(', ');
    let first: Result<ReadTable> | null = null;
    for (const [k, s] of book.sheets.entries()) {
      const read = readSheet(book, s.name);
      first ??= read;
      if (!read.ok) continue;
      const which = k === 0 ? 'the first' : 'the first with data';
      return { ok: true, value: { ...read.value, notes: book.sheets.length > 1 ? [`Read sheet "${s.name}", ${which} of ${book.sheets.length}: ${names}.`] : [] } };
    }
    return first!;
  }
  const sheet = book.sheets.find((s) => s.name === sheetName);
  if (!sheet) return fail('no-columns', `This workbook has no sheet named "${sheetName}"; it has ${book.sheets.map((s) => `"${s.name}"`).join(', ')}.`);
  const xml = book.part(sheet.path) ?? '';
  const grid: unknown[][] = [];
  for (const row of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const index = Number(attr(row[0], 'r') ?? grid.length + 1) - 1;
    const cells: unknown[] = [];
    for (const cell of row[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = cell[1];
      const ref = attr(` ${head}`, 'r');
      const at = ref ? columnIndex(ref) : cells.length;
      const body = cell[2] ?? '';
      const type = attr(` ${head}`, 't') ?? 'n';
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: unknown = null;
      if (type === 's') value = raw === undefined ? null : book.sharedStrings[Number(raw)] ?? null;
      else if (type === 'inlineStr') value = runsText(body);
      else if (type === 'str') value = raw === undefined ? null : unescapeXml(raw);
      else if (type === 'b') value = raw === undefined ? null : raw === '1';
      else if (type === 'e') value = null; // #N/A, #DIV/0!: missing
      else if (raw !== undefined) {
        const n = Number(raw);
        value = book.dateStyles[Number(attr(` ${head}`, 's') ?? 0)] ? isoOf(excelDate(n, book.date1904)) : n;
      }
      cells[at] = value;
    }
    grid[index] = cells;
  }
  const header = grid[0];
  if (!header || header.every((v) => v === null || v === undefined || v === '')) return fail('empty-file', `Sheet "${sheet.name}" is empty.`);
  // Rows absent from the sheet leave holes in grid: count widths with a loop, not map/spread.
  let width = 0;
  for (let r = 0; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0);
  const used = new Set<string>();
  const names = Array.from({ length: width }, (_, c) => {
    let name = header[c] === null || header[c] === undefined || header[c] === '' ? `column_${c + 1}` : String(header[c]);
    for (let k = 2; used.has(name); k++) name = `${String(header[c])}_${k}`;
    used.add(name);
    return name;
  });
  const rows = grid.length - 1;
  if (rows <= 0) return fail('header-only', `Sheet "${sheet.name}" has a header (${names.join(', ')}) but no rows of data.`);
  const builders = names.map((n) => new ColumnBuilder(n));
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    for (let c = 0; c < width; c++) addCell(builders[c], cells[c]);
  }
  const notes = book.sheets.length > 1 ? [`Read sheet "${sheet.name}" of ${book.sheets.length}: ${book.sheets.map((s) => `"${s.name}"`).join(', ')}.`] : [];
  return { ok: true, value: { builders, rows, notes, sheet: sheet.name } };
}
