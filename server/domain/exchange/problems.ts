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
   * Column name as in docs/architecture.md#the-exchange-format, or a word such as « en-tête » when no
   * column applies.
   */
  column: string;
  message: string;
}

/** `FILE:LINE: COLUMN: message`, the format of docs/architecture.md#the-exchange-format. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.column}: ${problem.message}`;
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
