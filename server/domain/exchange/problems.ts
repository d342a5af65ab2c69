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

/**
 * Orders problems by the position of their file in the call, then by line, keeping the order in
 * which they were found otherwise (Array.prototype.sort is stable).
 */
export function sortProblems(problems: Problem[], fileOrder: string[]): Problem[] {
  const position = (file: string) => {
    const index = fileOrder.indexOf(file);
    return index === -1 ? fileOrder.length : index;
  };
  return [...problems].sort((a, b) => position(a.file) - position(b.file) || a.line - b.line);
}
