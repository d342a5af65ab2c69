import type { CsvRecord, CsvTable } from './csv';
import type { DetectedKind } from './kinds';
import type { Problem, ProblemSink, Said } from './problems';
import type { Cell } from './values';

/**
 * The cells of one record by column name, collecting the problems found on it. Also refuses a
 * record with more (non-blank) fields than the header: a decimal comma in a comma-separated file
 * would otherwise shift every later column silently.
 */
export class RowReader {
  readonly file: string;
  readonly line: number;
  private found = 0;

  constructor(
    private readonly source: DetectedKind & { table: CsvTable },
    private readonly record: CsvRecord,
    private readonly problems: ProblemSink,
  ) {
    this.file = source.table.file;
    this.line = record.line;
    const width = source.table.header.values.length;
    // Trailing empty fields (`a,b,c,,`) are what some spreadsheets write: not an error.
    let fields = record.values.length;
    while (fields > width && record.values[fields - 1]?.trim() === '') fields--;
    if (fields > width) {
      const separator = source.table.separator;
      this.problem(
        { place: 'line' },
        { code: separator === ',' ? 'extraFieldsComma' : 'extraFields', params: { fields, width, separator } },
      );
    }
  }

  get valid(): boolean {
    return this.found === 0;
  }

  has(column: string): boolean {
    return this.source.positions[column] !== undefined;
  }

  /** The raw cell; '' when the column is absent or the record is short. */
  raw(column: string): string {
    const position = this.source.positions[column];
    return position === undefined ? '' : (this.record.values[position] ?? '');
  }

  read<T>(column: string, reader: (raw: string) => Cell<T>): T | undefined {
    const cell = reader(this.raw(column));
    if (cell.ok) return cell.value;
    this.problem(column, cell.problem);
    return undefined;
  }

  problem(column: Problem['column'], message: Said): void {
    this.found++;
    this.problems.push({ file: this.file, line: this.line, column, message });
  }
}
