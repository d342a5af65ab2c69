import { stringify } from 'csv-stringify/sync';

/**
 * Writing CSV, and the one rule every CSV the dashboard writes follows against spreadsheet
 * formulas (README.md#formulas-in-csv-files):
 *
 * - a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
 *   full-width forms) is written with a leading `'`, so that a spreadsheet shows it as text
 *   instead of running it (OWASP, « CSV Injection »); numbers are written as numbers, never
 *   prefixed (−3.5 stays −3.5);
 * - a text cell that begins with one or more `'` followed by one of those characters gets one more
 *   `'`, so that a prefix we added can always be told from an apostrophe that was typed;
 * - the importer undoes it on text columns (`undoFormulaEscape`): a cell that begins with one or
 *   more `'` followed by one of those characters loses its first `'`. To import a text that really
 *   begins with `'=`, write `''=`.
 *
 * So export → import → export gives the same files, whatever the text holds.
 */

export type Cell = string | number | boolean | null;

/** The first characters csv-stringify's `escape_formulas` prefixes in a text cell. */
const FORMULA_START = '=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20';

/** Apostrophes then a formula start: the text csv-stringify leaves alone but the importer would strip. */
const TYPED_APOSTROPHES = new RegExp(`^'+[${FORMULA_START}]`);

/** CSV text (RFC 4180, comma separated, LF line ends) of records; booleans as yes/no, null as an empty cell. */
export function toCsv(records: Cell[][]): string {
  return stringify(records, {
    eof: true,
    record_delimiter: 'unix',
    escape_formulas: true,
    // Leading or trailing spaces are quoted, so that a spreadsheet keeps them visible.
    quoted_match: /^\s|\s$/,
    cast: {
      boolean: (value) => (value ? 'yes' : 'no'),
      string: (value) => (TYPED_APOSTROPHES.test(value) ? `'${value}` : value),
    },
  });
}

/** The text of a cell of one of our CSV files, without the prefix `toCsv` added (see above). */
export function undoFormulaEscape(text: string): string {
  return TYPED_APOSTROPHES.test(text) ? text.slice(1) : text;
}
