import { inTransaction, type Db } from '../../../db/client';
import { todayInGeneva } from '../geneva';
import { auditEntriesAfter, lastAuditId, type AuditEntry } from '../../../db/queries/audit';
import { isDemoDataLoaded } from '../../../db/queries/meta';
import { validateReports } from '../../../db/queries/review';
import { applyFiles, type FileCounts } from './apply';
import { releaseYears, type ReleaseOutcome } from '../releases/publish';
import { readExchangeContext } from './context';
import { readCsv, type CsvTable } from './csv';
import { detectKind } from './kinds';
import { DATA_KINDS } from '../data-kinds';
import type { Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';
import { ProblemList, type Problem, type Said } from './problems';
import { formatProblem, saidText } from '../../i18n/problem-text';
import { validateTables, type DetectedTable } from './validate';

export interface ImportFile {
  /** As the user named it: error messages start with it. */
  name: string;
  content: Buffer | string;
}

/** A file the caller could not read: refused like any other problem, in its place among the files. */
export interface UnreadableFile {
  name: string;
  /** Why: a problem, or a text already in the reader's language (« fichier introuvable »). */
  readError: Said | string;
}

/**
 * A table the caller has already read (a sheet of an XLSX workbook), in the shape `readCsv`
 * produces, with the problems found while reading it. A null table: nothing to import from it,
 * only its problems (a sheet whose name is not a kind).
 */
export interface ReadTable {
  /** As problems name it (« classeur.xlsx, feuille answers »); the table's `file` is the same. */
  name: string;
  table: CsvTable | null;
  problems: Problem[];
}

export type ImportInput = ImportFile | UnreadableFile | ReadTable;

export interface ImportOptions {
  /** Validate and count, then roll back. */
  dryRun?: boolean;
  /**
   * Validate every (year, State) report present in the rows of the call and mark published every
   * year present in them (states files have none).
   */
  publish?: boolean;
  /** The time written to `editedAt` and `publishedAt`; tests fix it. */
  now?: Date;
  /**
   * Return, in `summary.changes`, the audit entries the import wrote: what it changed, row by row
   * (also for a dry run, read before rolling back).
   */
  collectChanges?: boolean;
  /**
   * Accept the demonstration database: the rows join the demonstration data and are deleted with
   * it by `npm run demo:clear` (web uploads, so that a new user can try the whole flow). Without
   * it the import is refused there (the command line, which loads real data).
   */
  intoDemo?: boolean;
  /** The language of the problems (`errors`): the page's, the member's, or `LANG`'s; French when not given. */
  locale?: Locale;
}

export interface ImportSummary {
  files: FileCounts[];
  dryRun: boolean;
  /** Null when publishing was not asked for. */
  published: ReleaseOutcome[] | null;
  /** Every change written, oldest first, when `collectChanges` was asked for. */
  changes?: AuditEntry[];
}

/**
 * Refused: the first problems (« file:line: column: message », at most MAX_REPORTED_PROBLEMS, in
 * file and line order) and how many there are in all.
 */
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: string[]; totalErrors: number };

/** Why an import into the demonstration database is refused (in French; `importFiles` says it in its `locale`). */
export const DEMO_DATA_REFUSAL = saidText({ code: 'demoData' });

/** Thrown inside the transaction to roll a dry run back once everything has been counted. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('simulation');
  }
}

/**
 * Imports the exchange files (docs/architecture.md#the-exchange-format), all or nothing: every
 * problem of every file is collected and, if there is one, nothing is written. Otherwise all files
 * are applied in one transaction. Used by `npm run import` and by the upload in the browser (which
 * passes the sheets of a workbook as read tables).
 */
export function importFiles(db: Db, files: ImportInput[], options: ImportOptions = {}): ImportResult {
  const at = options.now ?? new Date();
  const now = at.toISOString();
  const locale = options.locale ?? 'fr';
  const refused = (): ImportResult => ({
    ok: false,
    errors: problems.first().map((problem) => formatProblem(problem, locale)),
    totalErrors: problems.total,
  });

  const problems = new ProblemList(files.map((f) => f.name));
  const tables: DetectedTable[] = [];
  // A file refused as a whole (unreadable, not UTF-8, not CSV, header not understood).
  let refusedFile = false;
  for (const file of files) {
    if ('readError' in file) {
      refusedFile = true;
      problems.push({
        file: file.name,
        line: 1,
        column: { place: 'file' },
        message: { code: 'unreadable', params: { detail: file.readError } },
      });
      continue;
    }
    let table: CsvTable;
    if ('table' in file) {
      for (const problem of file.problems) problems.push(problem);
      if (file.table === null) {
        refusedFile = true;
        continue;
      }
      table = file.table;
    } else {
      const read = readCsv(file.name, file.content);
      if (!read.ok) {
        for (const problem of read.problems) problems.push(problem);
        refusedFile = true;
        continue;
      }
      table = read.table;
    }
    const detected = detectKind(table.file, table.header);
    if (!detected.ok) {
      problems.push(detected.problem);
      refusedFile = true;
      continue;
    }
    tables.push({ table, ...detected.detected });
  }
  // Stop there: the rows of the other files would be judged without the refused one, and a States
  // file refused for its encoding would make every State it adds « inconnu » elsewhere; the message
  // naming the cause is the one to read.
  if (refusedFile) return refused();

  const run = (tx: Db): ImportResult => {
    // Real rows mixed with demonstration rows could not be told apart when the demo is cleared.
    if (isDemoDataLoaded(tx) && !options.intoDemo) return { ok: false, errors: [saidText({ code: 'demoData' }, locale)], totalErrors: 1 };
    // Read inside the (immediate) transaction: no other process can change the registry between
    // the validation and the writes.
    const validated = validateTables(tables, readExchangeContext(tx), problems, todayInGeneva(at));
    if (problems.total > 0) return refused();
    // The audit triggers record every change, even in a dry run: what follows the mark is this import's.
    const mark = options.collectChanges ? lastAuditId(tx) : 0;
    const counts = applyFiles(tx, validated, now);
    // Rows of valid files hold every key column.
    const rows = validated.flatMap((f) => (f.kind === 'states' ? [] : (f.rows as { year: number }[])));
    if (options.publish) {
      const reviewed = validated.flatMap((f) =>
        f.kind === 'reports' || f.kind === 'answers' ? (f.rows as { year: number; state: string }[]) : [],
      );
      validateReports(tx, reviewed, null, now);
    }
    const summary: ImportSummary = {
      files: counts,
      dryRun: options.dryRun ?? false,
      published: options.publish
        ? releaseYears(
            tx,
            rows.map((r) => r.year),
            { now, by: null },
          )
        : null,
    };
    if (options.collectChanges) {
      summary.changes = auditEntriesAfter(tx, mark);
    }
    if (options.dryRun) throw new DryRunRollback(summary);
    return { ok: true, summary };
  };

  try {
    return inTransaction(db, run);
  } catch (error) {
    if (error instanceof DryRunRollback) return { ok: true, summary: error.summary };
    throw error;
  }
}

/** The summary's counts, their participles agreed as each kind's rows are (its descriptor's `feminine`, server/domain/data-kinds.ts). */
const COUNT_WORDS = {
  masculine: { added: 'csv.summary.added', changed: 'csv.summary.changed', unchanged: 'csv.summary.unchanged' },
  feminine: { added: 'csv.summary.addedFeminine', changed: 'csv.summary.changedFeminine', unchanged: 'csv.summary.unchangedFeminine' },
};

/** The lines printed after an import, one per file, e.g. « answers.csv (réponses) : 3 ajoutées, … » (docs/i18n.md). */
export function formatImportSummary(summary: ImportSummary, locale: Locale = 'fr'): string[] {
  const lines = summary.files.map((f) => {
    const kind = DATA_KINDS[f.kind];
    const words = COUNT_WORDS[kind.feminine ? 'feminine' : 'masculine'];
    return t(locale, 'csv.summary.file', {
      file: f.file,
      label: t(locale, kind.label),
      added: t(locale, words.added, { count: f.added }),
      changed: t(locale, words.changed, { count: f.changed }),
      unchanged: t(locale, words.unchanged, { count: f.unchanged }),
    });
  });
  if (summary.published) {
    const years = summary.published;
    if (years.length === 0) {
      lines.push(t(locale, 'csv.summary.nothingToPublish'));
    } else {
      const list = years.map((outcome) => releaseOutcomeText(outcome, locale)).join(', ');
      lines.push(t(locale, 'csv.summary.published', { count: years.length, list }));
    }
  }
  if (summary.dryRun) lines.push(t(locale, 'csv.summary.dryRun'));
  return lines;
}

/** « 2026 (révision 2) », « 2025 (inchangée depuis la révision 1) »… */
function releaseOutcomeText(outcome: ReleaseOutcome, locale: Locale): string {
  switch (outcome.status) {
    case 'first':
      return `${outcome.year}`;
    case 'revision':
      return t(locale, 'csv.summary.revision', { year: outcome.year, revision: outcome.revision });
    case 'unchanged':
      return t(locale, 'csv.summary.unchangedRelease', { year: outcome.year, revision: outcome.revision });
    case 'empty':
      return t(locale, 'csv.summary.empty', { year: outcome.year });
  }
}
