import type ExcelJS from 'exceljs';
import { MAX_FIELDS, type CsvRecord, type CsvTable } from './csv';
import type { ReadTable, UnreadableFile } from './import';
import { detectKind } from './kinds';
import { DATA_KINDS, EXCHANGE_KINDS, headerOf, textColumns as textColumnsOf, type ExchangeKind } from '../data-kinds';
import type { Problem, Said } from './problems';
import type { Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';
import { exceljs, jszip, numfmt } from './workbook-library';
import { readZip, type ZipLimits } from './zip';

/** Data rows a sheet may hold (the header aside): more is refused with a message, not read. */
export const MAX_ROWS_PER_SHEET = 50_000;

/**
 * What a workbook may inflate to, per part and in all, counted on the bytes actually produced (the
 * sizes a ZIP declares are the uploader's word: see zip.ts). A 5 Mo workbook of real rows stays far
 * below; a « zip bomb » is stopped at the cap and refused.
 */
export const ZIP_LIMITS: ZipLimits = {
  entryBytes: 32 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  // An XLSX holds a few parts per sheet; thousands of them are no spreadsheet.
  entries: 1000,
};

/**
 * Cells a sheet may hold: 12 per row of MAX_ROWS_PER_SHEET. The widest kind has 6 columns;
 * spreadsheets also write empty styled cells, hence the slack. Counted before exceljs reads the
 * sheet, which takes seconds per 100 000 cells.
 */
export const MAX_CELLS_PER_SHEET = 600_000;

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** Occurrences of the element `<tag …>` in an XML part, counted on the bytes (linear, no parsing). */
function countTags(xml: Buffer, tag: string): number {
  const open = Buffer.from(`<${tag}`);
  let count = 0;
  for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + open.length)) {
    const next = xml[i + open.length];
    // `<c ` or `<c>`, not `<col` or `<cfRule`.
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) count++;
  }
  return count;
}

/**
 * The workbook's parts inflated within ZIP_LIMITS, then packed again uncompressed for exceljs:
 * exceljs (through JSZip) would otherwise inflate the uploader's archive itself, trusting it. What
 * it gets now holds only bytes already produced under the cap, so reading it cannot grow past them.
 */
async function unpackWorkbook(content: Buffer): Promise<{ ok: true; zip: Buffer } | { ok: false; message: Said }> {
  const unzipped = await readZip(content, ZIP_LIMITS);
  if (!unzipped.ok) {
    // Sizes in whole megabytes (« 32 Mo »).
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    switch (unzipped.reason) {
      case 'not-zip':
        return { ok: false, message: { code: 'notXlsx' } };
      case 'too-big':
        return {
          ok: false,
          message:
            unzipped.limit === 'entries'
              ? { code: 'workbookTooManyParts', params: { max: ZIP_LIMITS.entries } }
              : unzipped.limit === 'entry'
                ? { code: 'workbookPartTooBig', params: { name: unzipped.entry ?? '', mb: mb(ZIP_LIMITS.entryBytes) } }
                : { code: 'workbookTooBig', params: { mb: mb(ZIP_LIMITS.totalBytes) } },
        };
      default:
        return { ok: false, message: { code: 'workbookUnreadable', params: { detail: unzipped.detail } } };
    }
  }
  for (const entry of unzipped.entries) {
    if (!WORKSHEET_PART.test(entry.name)) continue;
    const rows = countTags(entry.data, 'row');
    const cells = countTags(entry.data, 'c');
    if (rows > MAX_ROWS_PER_SHEET + 1 || cells > MAX_CELLS_PER_SHEET) {
      const params = {
        name: entry.name,
        rows: { number: rows },
        cells: { number: cells },
        maxRows: { number: MAX_ROWS_PER_SHEET },
        maxCells: { number: MAX_CELLS_PER_SHEET },
      };
      return { ok: false, message: { code: rows > MAX_ROWS_PER_SHEET + 1 ? 'sheetTooManyRows' : 'sheetTooManyCells', params } };
    }
  }
  const zip = new (jszip())();
  for (const entry of unzipped.entries) {
    if (!entry.name.endsWith('/')) zip.file(entry.name, entry.data);
  }
  return { ok: true, zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) };
}

/** « classeur.xlsx, feuille answers »: how problems and summaries name a sheet, in the reader's language. */
export const sheetLabel = (workbook: string, sheet: string, locale: Locale = 'fr') => t(locale, 'exchange.sheetLabel', { workbook, sheet });

/**
 * Reads an XLSX workbook of the exchange files: one sheet per kind, named after it (`states`,
 * `populations`, `reports`, `answers`, `figures`, case and surrounding spaces ignored), laid out as
 * the CSV file of that kind (a header row, then a row per record). Each sheet becomes the table
 * `readCsv` would make of the CSV file, named « classeur.xlsx, feuille answers », with the sheet's
 * row numbers as lines, so that `importFiles` validates and reports it like a CSV file.
 *
 * Cells become text: dates → YYYY-MM-DD, numbers → their decimal writing, booleans → yes/no, rich
 * text and links → their text, formulas → their stored result. In the columns of free text (names,
 * source, note), a cell reads as the spreadsheet shows it in French instead: « 45 % », not 0.45;
 * « 30/04/2026 » for a date typed in a note; « VRAI » (see displayedText). Empty rows and empty
 * sheets are skipped. A non-empty sheet with another name, a formula error, a cell outside the
 * header's columns
 * or more than MAX_ROWS_PER_SHEET rows are problems.
 */
export async function readWorkbook(name: string, content: Buffer, locale: Locale = 'fr'): Promise<(ReadTable | UnreadableFile)[]> {
  const unpacked = await unpackWorkbook(content);
  if (!unpacked.ok) return [{ name, readError: unpacked.message }];

  const workbook = new (exceljs().Workbook)();
  try {
    // exceljs's declared Buffer type predates Node's generic Buffer.
    await workbook.xlsx.load(unpacked.zip as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ name, readError: { code: 'workbookUnreadable', params: { detail } } }];
  }

  const read: (ReadTable | UnreadableFile)[] = [];
  for (const sheet of workbook.worksheets) {
    const label = sheetLabel(name, sheet.name, locale);
    const kind = EXCHANGE_KINDS.find((k) => k === sheet.name.trim().toLowerCase());
    const empty = sheet.actualRowCount === 0;
    if (kind === undefined) {
      // A blank « Feuil1 » left by the spreadsheet is no mistake; a sheet holding data is.
      if (!empty) {
        read.push({
          name: label,
          table: null,
          problems: [
            {
              file: label,
              line: 1,
              column: { place: 'sheet' },
              message: { code: 'sheetUnknown', params: { name: sheet.name, kinds: EXCHANGE_KINDS.join(', ') } },
            },
          ],
        });
      }
      continue;
    }
    if (empty) continue;
    read.push(readSheet(label, kind, sheet));
  }
  if (read.length === 0) {
    return [{ name, readError: { code: 'workbookEmpty', params: { kinds: EXCHANGE_KINDS.join(', ') } } }];
  }
  return read;
}

function readSheet(label: string, kind: ExchangeKind, sheet: ExcelJS.Worksheet): ReadTable {
  const problems: Problem[] = [];
  const problem = (line: number, column: Problem['column'], message: Said) => problems.push({ file: label, line, column, message });

  // rowCount is the last row used: it bounds the rows before any of them is read.
  if (sheet.rowCount > MAX_ROWS_PER_SHEET + 1) {
    problem(1, { place: 'sheet' }, { code: 'sheetRows', params: { rows: sheet.rowCount, max: { number: MAX_ROWS_PER_SHEET } } });
    return { name: label, table: null, problems };
  }

  // Typed by assertion: assigned in the callback, which narrowing does not follow.
  let header = null as CsvRecord | null;
  let width = 0;
  let tooWide = false;
  const records: CsvRecord[] = [];
  const textColumns = textColumnsOf(kind);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooWide) return;
    const cells: { column: number; text: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const name = header?.values[column - 1]?.trim().toLowerCase();
      const shown = name !== undefined && textColumns.includes(name);
      const converted = cellText(cell.value, shown ? { numFmt: cell.numFmt } : undefined);
      if (converted.ok) {
        cells.push({ column, text: converted.text });
      } else {
        const name = header?.values[column - 1]?.trim() || { letter: columnLetter(column) };
        problem(rowNumber, name, converted.message);
      }
    });
    const filled = cells.filter((c) => c.text !== '');
    if (filled.length === 0) return;

    if (header === null) {
      for (const c of filled) width = Math.max(width, c.column);
      if (width > MAX_FIELDS) {
        // Every row would be as wide: refused here, like the same CSV file.
        problem(rowNumber, { place: 'header' }, { code: 'sheetTooWide', params: { width, max: MAX_FIELDS } });
        width = 0;
        tooWide = true;
        return;
      }
      header = { line: rowNumber, values: valuesOf(cells, width) };
      return;
    }
    const outside = filled.filter((c) => c.column > width);
    if (outside.length > 0) {
      const letters = outside.map((c) => columnLetter(c.column)).join(', ');
      problem(
        rowNumber,
        { place: 'line' },
        { code: 'cellsOutside', params: { count: outside.length, letters, last: columnLetter(width) } },
      );
    }
    records.push({ line: rowNumber, values: valuesOf(cells, width) });
  });

  if (header === null || tooWide) return { name: label, table: null, problems };
  const table: CsvTable = {
    file: label,
    // Cells need no separator. RowReader names it only for a record with more fields than the
    // header, which cannot arise here: cells beyond the header are reported above and left out.
    separator: ';',
    header,
    records,
  };

  // A sheet named after one kind holding another would be imported under the wrong name.
  const detected = detectKind(label, header);
  if (detected.ok && detected.detected.kind !== kind) {
    const actual = detected.detected.kind;
    problem(
      header.line,
      { place: 'header' },
      {
        code: 'sheetWrongKind',
        params: { kind, file: DATA_KINDS[actual].fileName, header: headerOf(actual).join(','), actual, expected: headerOf(kind).join(',') },
      },
    );
    return { name: label, table: null, problems };
  }
  return { name: label, table, problems };
}

function valuesOf(cells: { column: number; text: string }[], width: number): string[] {
  const values = Array.from({ length: width }, () => '');
  for (const c of cells) if (c.column <= width) values[c.column - 1] = c.text;
  return values;
}

type CellText = { ok: true; text: string } | { ok: false; message: Said };

/**
 * A cell's value as the text a CSV file would hold for it; with `shown`, as the cell's number format
 * shows it (a text column: see displayedText).
 */
export function cellText(value: ExcelJS.CellValue, shown?: { numFmt: string | undefined }): CellText {
  if (value === null || value === undefined) return { ok: true, text: '' };
  if (typeof value === 'string') return { ok: true, text: value.trim() };
  if (value instanceof Date && Number.isNaN(value.getTime())) return { ok: false, message: { code: 'cellDateInvalid' } };
  if (shown && (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)) {
    return { ok: true, text: displayedText(value, shown.numFmt) };
  }
  if (typeof value === 'number') return { ok: true, text: String(value) };
  if (typeof value === 'boolean') return { ok: true, text: value ? 'yes' : 'no' };
  // exceljs reads a date cell as midnight UTC of that day.
  if (value instanceof Date) return { ok: true, text: value.toISOString().slice(0, 10) };
  if ('error' in value) return { ok: false, message: { code: 'cellError', params: { error: value.error } } };
  if ('richText' in value)
    return {
      ok: true,
      text: value.richText
        .map((part) => part.text)
        .join('')
        .trim(),
    };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) {
      return { ok: false, message: { code: 'cellFormulaNoResult' } };
    }
    return cellText(result, shown);
  }
  if ('hyperlink' in value) {
    // The text of a link may itself be rich text.
    const text = value.text as unknown as ExcelJS.CellValue;
    return typeof text === 'string' ? { ok: true, text: text.trim() } : cellText(text, shown);
  }
  return { ok: false, message: { code: 'cellUnknownType' } };
}

/** Days from the spreadsheets' day 0 (30 December 1899) to 1 January 1970. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A number, date or boolean of a free-text column (a note, a source, a name) as the spreadsheet
 * shows it in French, its cell's number format applied by numfmt: « 45 % » for 0.45 formatted as a
 * percentage, « 30/04/2026 » for a date, « 1 234,50 », « VRAI ». What the person typed and sees is
 * what the text should say; the stored value (0.45, 2026-04-30T00:00Z, TRUE) is not.
 */
function displayedText(value: number | boolean | Date, numFmt: string | undefined): string {
  // exceljs gives a date as midnight UTC of its day: back to the serial day the format expects.
  const serial = value instanceof Date ? value.getTime() / 86_400_000 + UNIX_EPOCH_SERIAL : value;
  let text: string;
  try {
    text = numfmt().format(numFmt || 'General', serial, { locale: 'fr' });
  } catch {
    // A format numfmt cannot read: the value as « General » shows it.
    text = numfmt().format('General', serial, { locale: 'fr' });
  }
  // French groups thousands with a narrow no-break space; a plain one reads everywhere (as in ../../presenters/format.ts).
  return text.replace(/\u202f/g, '\u00a0').trim();
}

/** A, B, …, Z, AA, AB… */
function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
