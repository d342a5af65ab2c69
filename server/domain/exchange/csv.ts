import { parse } from 'csv-parse/sync';
import type { Problem } from './problems';

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
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const problem = (line: number, message: string): CsvReadResult => ({
    ok: false,
    problems: [{ file, line, column: 'fichier', message }],
  });

  let text: string;
  try {
    // A spreadsheet saved in Windows-1252 or Latin-1 would otherwise turn « é » into « � » silently.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem(1, 'le fichier n’est pas encodé en UTF-8 (enregistrez-le au format « CSV UTF-8 »)');
  }
  // TextDecoder drops the BOM from the text; byte offsets below still count it.
  const separator = detectSeparator(text);

  // csv-parse's `info.lines` points at the record's end and miscounts CRLF inside quotes, so the
  // start line of each record is computed from byte offsets: a record starts where the previous one
  // ended (`info.bytes`), after any blank lines.
  const lineStarts = lineBreakOffsets(bytes);
  const lineAt = (offset: number) => 1 + countBelow(lineStarts, skipBlank(bytes, offset));
  let lastEnd = startsWithBom(bytes) ? UTF8_BOM.length : 0;

  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(bytes, {
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
        const fields = (record as unknown as { record: string[] }).record.length;
        if (fields > MAX_FIELDS) throw new TooManyFields(fields);
        lastEnd = context.bytes;
        return record;
      },
    }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (error) {
    return problem(lineAt(lastEnd), describeCsvError(error));
  }

  const records: CsvRecord[] = [];
  let previousEnd = startsWithBom(bytes) ? UTF8_BOM.length : 0;
  for (const row of rows) {
    const line = lineAt(previousEnd);
    previousEnd = row.info.bytes;
    if (row.record.every((value) => value.trim() === '')) continue;
    records.push({ line, values: row.record });
  }
  const [header, ...data] = records;
  if (!header) return problem(1, 'fichier vide : une ligne d’en-tête est attendue');
  return { ok: true, table: { file, separator, header, records: data } };
}

/**
 * The header names no separator, so whichever of `;` and `,` its first non-blank line holds more of
 * wins. One pass over that line, without splitting the whole text.
 */
function detectSeparator(text: string): ',' | ';' {
  let semicolons = 0;
  let commas = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
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

function describeCsvError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'guillemet ouvert et jamais fermé à partir de cette ligne';
    case 'TOO_MANY_FIELDS':
      return `${(error as TooManyFields).fields.toLocaleString('fr-FR')} champs sur cette ligne : au plus ${MAX_FIELDS} (le fichier le plus large, answers.csv, a 6 colonnes) ; vérifiez que c’est bien un fichier d’échange`;
    case 'CSV_MAX_RECORD_SIZE':
      return `ligne de plus de ${MAX_LINE_CHARS.toLocaleString('fr-FR')} caractères à partir d’ici : aucune ligne d’un fichier d’échange n’est si longue (guillemet jamais fermé ? autre fichier ?)`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'guillemet mal placé : un champ entre guillemets doit être suivi du séparateur ou d’une fin de ligne (doublez un guillemet à l’intérieur d’un champ : "")';
    default:
      return `CSV illisible (${error instanceof Error ? error.message : String(error)})`;
  }
}
