/**
 * What the checks of a value, a file or a form say, as a code and its parameters: the domain
 * stays language-free, and server/i18n/problem-text.ts words it in the reader's language
 * (the page's, the member's, or `LANG` on the command line). A parameter may itself be a Said
 * (a cell's problem inside a sheet's message); `{ number }` is a count written in the reader's
 * conventions (« 100 000 », “100,000”), where a bare number (a year, a line) is written as it is.
 */
export interface Said {
  code: SaidCode;
  params?: Record<string, string | number | Said | { number: number }>;
}

/** Every code a check may say (the words: server/i18n/problem-text.ts, message areas `values` and `exchange`). */
export type SaidCode =
  // A value's rule (values.ts, ../data-kinds.ts), whatever door it comes in by.
  | 'yearMissing'
  | 'yearInvalid'
  | 'dateMissing'
  | 'dateInvalid'
  | 'dateImpossible'
  | 'booleanMissing'
  | 'booleanInvalid'
  | 'answerInvalid'
  | 'numberMissing'
  | 'numberInvalid'
  | 'iso3Missing'
  | 'iso3Invalid'
  | 'indicatorMissing'
  | 'nameFrMissing'
  | 'nameEnMissing'
  | 'negative'
  | 'tooLarge'
  | 'zeroDenominator'
  | 'tooLong'
  | 'receivedOnMissing'
  | 'dateInFuture'
  | 'dateBeforeYear'
  | 'partyDatesOrder'
  | 'stateUnknown'
  | 'indicatorUnknown'
  | 'populationMissing'
  | 'populationUnknown'
  | 'populationFromRegistry'
  | 'populationUnion'
  | 'populationFromAnswers'
  | 'notPartyMember'
  | 'answerIsFigure'
  | 'answerIsRatio'
  | 'answerIsDerived'
  | 'figureFromReports'
  | 'figureFromAnswers'
  | 'denominatorMissing'
  | 'denominatorForbidden'
  // A file as a whole, its header, its lines (csv.ts, kinds.ts, row-reader.ts, validate.ts, xlsx.ts, zip.ts, import.ts).
  | 'unreadable'
  | 'notUtf8'
  | 'separatorUnsupported'
  | 'emptyFile'
  | 'workbookAsCsv'
  | 'xlsAsCsv'
  | 'quoteNotClosed'
  | 'tooManyFields'
  | 'tooManyRecords'
  | 'lineTooLong'
  | 'badClosingQuote'
  | 'csvUnreadable'
  | 'extraFields'
  | 'extraFieldsComma'
  | 'headerUnnamed'
  | 'headerRepeated'
  | 'headerUnknown'
  | 'headerMissing'
  | 'headerExtra'
  | 'headerMissingExtra'
  | 'headerMore'
  | 'duplicateKey'
  | 'demoData'
  | 'notXlsx'
  | 'workbookTooManyParts'
  | 'workbookPartTooBig'
  | 'workbookTooBig'
  | 'workbookUnreadable'
  | 'sheetTooManyRows'
  | 'sheetTooManyCells'
  | 'sheetUnknown'
  | 'workbookEmpty'
  | 'sheetRows'
  | 'sheetTooWide'
  | 'cellsOutside'
  | 'sheetWrongKind'
  | 'cellDateInvalid'
  | 'cellError'
  | 'cellFormulaNoResult'
  | 'cellUnknownType'
  | 'zipEncrypted'
  | 'zipMethod'
  | 'zipOutside'
  | 'zipEntryUnreadable'
  | 'zipNotZip'
  | 'zip64'
  | 'zipDirectory';

/** Where in a file a problem is when no column applies: the header, the file, a line, a sheet. */
export type ProblemPlace = 'header' | 'file' | 'line' | 'sheet';

/**
 * A problem found in an imported file. Problems are collected rather than thrown so that one call
 * reports every mistake at once (docs/architecture.md#the-path-of-an-import): a user fixing a
 * spreadsheet wants the whole list.
 */
export interface Problem {
  /** The file's name as the user gave it (command line or upload). */
  file: string;
  /** Physical line in the file where the record starts; the header is line 1. */
  line: number;
  /**
   * Column name as in docs/architecture.md#the-exchange-format, a place (`{ place: 'header' }`,
   * worded « en-tête ») when no column applies, or a spreadsheet's column letter (`{ letter: 'G' }`).
   */
  column: string | { place: ProblemPlace } | { letter: string };
  message: Said;
}

/** Where problems are collected: an array, or a ProblemList that keeps only the first ones. */
export interface ProblemSink {
  push(problem: Problem): unknown;
}

/** Problems an import keeps to report: the first ones in file and line order; all are counted. */
export const MAX_REPORTED_PROBLEMS = 1000;

/**
 * Collects problems in bounded memory: a file of 300 000 bad rows finds a million problems, and
 * nobody reads past the first screens. Keeps the `limit` first in the order of `sortProblems` (file
 * position in the call, then line, then the order found) and counts them all. Cost O(n log limit):
 * the kept ones are sorted and cut whenever twice the limit has piled up.
 */
export class ProblemList implements ProblemSink {
  total = 0;
  private kept: Problem[] = [];

  constructor(
    private readonly fileOrder: string[],
    private readonly limit = MAX_REPORTED_PROBLEMS,
  ) {}

  push(problem: Problem): void {
    this.total++;
    this.kept.push(problem);
    if (this.kept.length >= 2 * this.limit) this.kept = this.sorted();
  }

  /** The first problems, sorted, at most `limit`. */
  first(): Problem[] {
    return this.sorted();
  }

  private sorted(): Problem[] {
    return sortProblems(this.kept, this.fileOrder).slice(0, this.limit);
  }
}

/**
 * Orders problems by the position of their file in the call, then by line, keeping the order in
 * which they were found otherwise (Array.prototype.sort is stable).
 */
export function sortProblems(problems: Problem[], fileOrder: string[]): Problem[] {
  const positions = new Map(fileOrder.map((file, i) => [file, i] as const));
  const position = (file: string) => positions.get(file) ?? fileOrder.length;
  return [...problems].sort((a, b) => position(a.file) - position(b.file) || a.line - b.line);
}
