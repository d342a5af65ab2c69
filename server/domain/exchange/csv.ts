import { isUtf8 } from 'node:buffer';
import { parse as parseStream, type Options as ParseOptions } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { Problem, Said } from './problems';

/** One data record of a CSV file, its values keyed by header position. */
export interface CsvRecord {
  /** Physical line where the record starts (header = 1), even after fields holding line breaks. */
  line: number;
  values: string[];
}

export interface CsvTable {
  file: string;
  separator: ',' | ';';
  header: CsvRecord;
  records: CsvRecord[];
}

export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; problems: Problem[] };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Fields a line may hold. The widest kind has 6 columns; spreadsheets add empty trailing fields,
 * hence the slack. More is no exchange file, and is refused on the first such line rather than read.
 */
export const MAX_FIELDS = 50;

/** Characters a line (a record, quoted line breaks included) may hold: a real row is a few hundred. */
export const MAX_LINE_CHARS = 20_000;

/**
 * Data lines a file may hold: every answer of five years (5 × 164 States × the answered indicators)
 * is about 75 000. Each line read costs memory and time (1.7 million tiny lines of a 5 Mo file took
 * 1.4 Go and two minutes), so reading stops at the first line past the limit.
 */
export const MAX_RECORDS = 100_000;

/** Thrown from csv-parse's record hook: the file has more than MAX_RECORDS data lines. */
class TooManyRecords extends Error {
  readonly code = 'TOO_MANY_RECORDS';
}

/** Thrown from csv-parse's record hook: the line has more fields than MAX_FIELDS. */
class TooManyFields extends Error {
  readonly code = 'TOO_MANY_FIELDS';
  constructor(readonly fields: number) {
    super('trop de champs');
  }
}

/**
 * Reads a CSV file as produced by spreadsheets: comma or semicolon separated (chosen from the
 * header line), UTF-8 with or without BOM, CRLF or LF, quoted fields holding separators, doubled
 * quotes or line breaks. Records whose fields are all blank are skipped.
 */
export function readCsv(file: string, content: Buffer | string): CsvReadResult {
  const reading = startReading(file, content);
  if ('result' in reading) return reading.result;
  let rows: ParsedRow[];
  try {
    rows = parse(reading.bytes, reading.options) as unknown as ParsedRow[];
  } catch (error) {
    return reading.failed(error);
  }
  return reading.finish(rows);
}

/** Bytes csv-parse is given at a time by readCsvInSlices, the event loop free between two. */
const SLICE_BYTES = 64 * 1024;

/**
 * readCsv for the server: the same result, but the file is parsed by slices with the event loop
 * free between them (csv-parse's streaming API), so that a 5 Mo upload does not hold up every other
 * request for the seconds parsing it takes in one go.
 */
export async function readCsvInSlices(file: string, content: Buffer | string): Promise<CsvReadResult> {
  const reading = startReading(file, content);
  if ('result' in reading) return reading.result;
  const rows: ParsedRow[] = [];
  const parser = parseStream(reading.options);
  parser.on('readable', () => {
    for (let row = parser.read() as ParsedRow | null; row !== null; row = parser.read() as ParsedRow | null) rows.push(row);
  });
  const ended = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  // Observed below; without this, a rejection while slices are still being written would go unhandled.
  ended.catch(() => undefined);
  for (let start = 0; start < reading.bytes.length && !parser.destroyed; start += SLICE_BYTES) {
    parser.write(reading.bytes.subarray(start, start + SLICE_BYTES));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!parser.destroyed) parser.end();
  try {
    await ended;
  } catch (error) {
    return reading.failed(error);
  }
  return reading.finish(rows);
}

interface ParsedRow {
  record: string[];
  info: { bytes: number };
}

/**
 * What readCsv and readCsvInSlices share: the checks before parsing, csv-parse's options, and the
 * turning of its rows (or its error) into the result.
 */
function startReading(
  file: string,
  content: Buffer | string,
):
  | { result: CsvReadResult }
  | {
      bytes: Buffer;
      options: ParseOptions;
      failed: (error: unknown) => CsvReadResult;
      finish: (rows: ParsedRow[]) => CsvReadResult;
    } {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const problem = (line: number, message: Said): CsvReadResult => ({
    ok: false,
    problems: [{ file, line, column: { place: 'file' }, message }],
  });

  const format = otherFormat(bytes);
  if (format !== null) return { result: problem(1, format) };
  const badLine = firstLineNotUtf8(bytes);
  if (badLine !== null) {
    // A spreadsheet saved in Windows-1252 or Latin-1 would otherwise turn « é » into « � » silently.
    return {
      result: problem(badLine, { code: 'notUtf8' }),
    };
  }
  const bom = startsWithBom(bytes) ? UTF8_BOM.length : 0;
  // Excel's first line `sep=;` names the separator; the header follows it.
  const hint = separatorLine(bytes, bom);
  if (hint !== null && hint.separator === null) {
    return {
      result: problem(1, { code: 'separatorUnsupported', params: { named: hint.named } }),
    };
  }
  // What csv-parse reads: after the BOM and the `sep=` line. Offsets it reports count from there.
  const start = bom + (hint?.length ?? 0);
  const body = bytes.subarray(start);
  // The header is within the first MAX_LINE_CHARS characters (4 bytes at most each), or refused anyway.
  const separator = hint?.separator ?? detectSeparator(body.subarray(0, 4 * MAX_LINE_CHARS).toString('utf8'));

  // csv-parse's `info.lines` points at the record's end and miscounts CRLF inside quotes, so the
  // start line of each record is computed from byte offsets: a record starts where the previous one
  // ended (`info.bytes`), after any blank lines.
  const lineStarts = lineBreakOffsets(bytes);
  const lineAt = (offset: number) => 1 + countBelow(lineStarts, skipBlank(bytes, start + offset));
  let lastEnd = 0;
  let records = 0;

  const options: ParseOptions = {
    bom: true,
    delimiter: separator,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Stops a line of absurd length (a missing closing quote, a binary file) where it passes the
    // limit, instead of reading the whole file as one record.
    max_record_size: MAX_LINE_CHARS,
    // Spaces around a quoted field (`"a" ;b`) are common in hand-edited files and meaningless.
    trim: true,
    // Remembers where the last good record ended, to place a syntax error on the record after it.
    on_record: (record, context) => {
      // With `info`, the hook receives { record, info }, not the fields.
      const fields = (record as unknown as ParsedRow).record.length;
      if (fields > MAX_FIELDS) throw new TooManyFields(fields);
      // Lines of blank fields (skipped below) count too: they cost as much to read. The header is the first.
      if (++records > MAX_RECORDS + 1) throw new TooManyRecords('trop de lignes');
      lastEnd = context.bytes;
      return record;
    },
  };

  const finish = (rows: ParsedRow[]): CsvReadResult => {
    const records: CsvRecord[] = [];
    let previousEnd = 0;
    for (const row of rows) {
      const line = lineAt(previousEnd);
      previousEnd = row.info.bytes;
      if (row.record.every((value) => value.trim() === '')) continue;
      records.push({ line, values: row.record });
    }
    const header = records[0];
    if (!header) return problem(1, { code: 'emptyFile' });
    return { ok: true, table: { file, separator, header: withoutTrailingBlanks(header), records: records.slice(1) } };
  };
  return { bytes: body, options, failed: (error) => problem(lineAt(lastEnd), describeCsvError(error)), finish };
}

/**
 * The header names no separator, so whichever of `;` and `,` its first non-blank line holds more of
 * wins. One pass over that line, without splitting the whole text.
 */
function detectSeparator(text: string): ',' | ';' {
  let semicolons = 0;
  let commas = 0;
  let blank = true;
  for (const c of text) {
    if (c === '\n' || c === '\r') {
      if (!blank) break;
      continue;
    }
    if (c === ';') semicolons++;
    else if (c === ',') commas++;
    if (c !== ' ' && c !== '\t') blank = false;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * A spreadsheet writes the header as wide as its widest row, and LibreOffice as wide as the last
 * cell ever filled: `year;state;population;;;`. Blank names at the end name no column; a field
 * under one of them that holds something is still refused, as a field beyond the header (row-reader.ts).
 */
function withoutTrailingBlanks(header: CsvRecord): CsvRecord {
  let width = header.values.length;
  while (width > 0 && header.values[width - 1]?.trim() === '') width--;
  return width === header.values.length ? header : { line: header.line, values: header.values.slice(0, width) };
}

/** Line 1 as Excel writes it to name the separator: `sep=;` (the line's length, its end included). */
function separatorLine(bytes: Buffer, from: number): { named: string; separator: ',' | ';' | null; length: number } | null {
  const head = bytes.subarray(from, from + 16).toString('utf8');
  const match = /^sep=(.?)[ \t]*(\r\n|\n|\r|$)/i.exec(head);
  if (!match) return null;
  const named = match[1] ?? '';
  return {
    named,
    separator: named === ';' || named === ',' ? named : null,
    length: Buffer.byteLength(match[0]),
  };
}

/**
 * A workbook or an archive given as CSV: named for what it is, rather than « not UTF-8 ». Null for
 * anything else (read as text).
 */
function otherFormat(bytes: Buffer): Said | null {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) return { code: 'workbookAsCsv' };
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { code: 'xlsAsCsv' };
  return null;
}

/**
 * The line of the first byte sequence that is not UTF-8, or null when the whole file is. Checked
 * line by line (no UTF-8 character holds a line feed), so the message can point at it.
 */
function firstLineNotUtf8(bytes: Buffer): number | null {
  if (isUtf8(bytes)) return null;
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    start = stop + 1;
  }
  return 1;
}

function startsWithBom(bytes: Buffer): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** Offsets of the first byte of every line after the first (CRLF, LF or a lone CR end a line). */
function lineBreakOffsets(bytes: Buffer): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) offsets.push(i + 1);
  }
  return offsets;
}

/**
 * Moves past the empty or space-only lines csv-parse skipped before a record (and spaces it
 * trims), to the record's first visible character.
 */
function skipBlank(bytes: Buffer, offset: number): number {
  let i = offset;
  while (i < bytes.length && [0x0a, 0x0d, 0x20, 0x09].includes(bytes[i]!)) i++;
  return i;
}

/** How many of the sorted offsets are at or before `offset`: the number of lines before it. */
function countBelow(sorted: number[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? Infinity) <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function describeCsvError(error: unknown): Said {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { code: 'quoteNotClosed' };
    case 'TOO_MANY_FIELDS':
      return { code: 'tooManyFields', params: { fields: { number: (error as TooManyFields).fields }, max: MAX_FIELDS } };
    case 'TOO_MANY_RECORDS':
      return { code: 'tooManyRecords', params: { max: { number: MAX_RECORDS } } };
    case 'CSV_MAX_RECORD_SIZE':
      return { code: 'lineTooLong', params: { max: { number: MAX_LINE_CHARS } } };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { code: 'badClosingQuote' };
    default:
      return { code: 'csvUnreadable', params: { detail: error instanceof Error ? error.message : String(error) } };
  }
}
