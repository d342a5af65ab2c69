import { t } from '../../i18n/translate';
import { todayInGeneva } from '../geneva';
import { formText, reasonProblem, versionNumber } from './form';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { whenNotBusy, type Db } from '../../../db/client';
import type { Catalogue } from '../catalogue';
import { recentReportEntries, validationEntry, versionOf, withAudit, type AuditEntry } from '../../../db/queries/audit';
import { isReportValidated, readReportRows, readValidationRow, writeReportChanges } from '../../../db/queries/reports';
import { validateReports } from '../../../db/queries/review';
import { isYearPublished } from '../../../db/queries/releases';
import { viewerActor } from '../actor';
import { canValidate, type Viewer } from '../permissions';
import { isPartyInYear, type RegistryState } from '../registry';
import {
  actionsConcerned,
  changeCount,
  entryScope,
  fieldNames,
  forbiddenChange,
  type ForbiddenChange,
  hasData,
  parseEntry,
  reasonFieldId,
  reasonNeededBecause,
  sectionSaved,
  type EntrySection,
  type EntryScope,
  type EntryStatus,
  type EntryValues,
  type FieldError,
  type FormBody,
  type PopulationsOfYear,
  type StoredReport,
} from './report-entry';

/** Reading and writing a (year, State) report for the data entry form, in one transaction with the audit trail. */

export function readStoredReport(db: Db, year: number, state: string): StoredReport {
  const { report, answers, memberships } = readReportRows(db, year, state);
  return {
    report: report ? { receivedOn: report.receivedOn, usedReportingGuide: report.usedReportingGuide } : null,
    answers: new Map(answers.map((a) => [a.indicator, { answer: a.answer, source: a.source, note: a.note }])),
    memberships: new Set(memberships.map((m) => m.population)),
  };
}

export interface ValidationInfo {
  /** ISO timestamp. */
  at: string;
  /** Who validated: their address, or the audit trail's author (a label, with its origin); null when neither is known. */
  by: (Pick<AuditEntry, 'actor'> & Partial<Pick<AuditEntry, 'origin'>>) | null;
}

export function readValidation(db: Db, year: number, state: string): ValidationInfo | null {
  const row = readValidationRow(db, year, state);
  if (!row) return null;
  return { at: row.at, by: row.email ? { actor: row.email } : validationEntry(db, year, state) };
}

export function readEntryStatus(db: Db, year: number, state: string, stored: StoredReport): EntryStatus {
  if (!isReportValidated(db, year, state)) return hasData(stored) ? 'draft' : 'none';
  return isYearPublished(db, year) ? 'published' : 'validated';
}

/** The latest changes of a (year, State) report (its row, answers, populations and validation), newest first. */
export function recentReportAudit(db: Db, year: number, state: string, limit = 10): AuditEntry[] {
  return recentReportEntries(db, year, state, limit);
}

/** Everything the form of a (year, State) report is built from. */
export interface ReportEntry {
  year: number;
  state: RegistryState;
  stored: StoredReport;
  scope: EntryScope;
  status: EntryStatus;
  validation: ValidationInfo | null;
  /** The optimistic version the form carries, and the change it stands for. */
  version: number;
  versionEntry: AuditEntry | null;
}

export function loadReportEntry(
  db: Db,
  catalogue: Catalogue,
  populations: PopulationsOfYear,
  year: number,
  state: RegistryState,
): ReportEntry {
  const stored = readStoredReport(db, year, state.iso3);
  const versionEntry = versionOf.report(db, year, state.iso3);
  return {
    year,
    state,
    stored,
    scope: entryScope(catalogue, populations, state, year, isPartyInYear(state, year), stored),
    status: readEntryStatus(db, year, state.iso3, stored),
    validation: readValidation(db, year, state.iso3),
    version: versionNumber(versionEntry),
    versionEntry,
  };
}

/** The version a form sent; -1 when missing or not a number (never a real version). */
export function submittedVersion(body: FormBody): number {
  const raw = body[fieldNames.version];
  return typeof raw === 'string' && /^[0-9]+$/.test(raw.trim()) ? Number(raw.trim()) : -1;
}

export type SaveOutcome =
  /** `section`: the section saved, null for the whole form. */
  | { kind: 'saved'; count: number; section: EntrySection | null }
  | { kind: 'unchanged'; section: EntrySection | null }
  | { kind: 'forbidden'; problem: ForbiddenChange }
  | { kind: 'invalid'; errors: FieldError[]; values: EntryValues }
  /** Someone changed the report since the form was loaded: `entry` says who and when; `version` is the new one. */
  | { kind: 'conflict'; entry: AuditEntry | null; version: number; values: EntryValues }
  /** Another process (an import) held the write lock past the busy timeout: nothing was written. */
  | { kind: 'busy'; values: EntryValues };

/**
 * Saves the submitted form of a (year, State) report, or the one section its save button names:
 * checks what the user typed, what they may change and that nobody changed the report since they
 * loaded the form, then writes the rows that change in one transaction with the audit trail (all or
 * nothing). A section's save writes nothing of the other sections, whatever their fields hold.
 */
export function saveReportEntry(
  db: Db,
  input: { viewer: Viewer; catalogue: Catalogue; entry: ReportEntry; body: FormBody; now?: Date; locale?: Locale },
): SaveOutcome {
  const { viewer, catalogue, entry, body, locale } = input;
  const now = input.now ?? new Date();
  const { year, stored, scope } = entry;
  const iso3 = entry.state.iso3;
  const only = sectionSaved(body, scope);
  if (only === undefined) {
    const shown = parseEntry(body, { scope, stored, status: entry.status, today: todayInGeneva(now), locale });
    const named = formText(body[fieldNames.section]).slice(0, 40);
    return {
      kind: 'invalid',
      // Worded like the form's other field errors (parseEntry), in the member's language.
      errors: [{ field: '', message: t(locale ?? DEFAULT_LOCALE, 'reportList.entry.noSection', { section: named }) }],
      values: shown.values,
    };
  }
  const parsed = parseEntry(body, { scope, stored, status: entry.status, today: todayInGeneva(now), only, locale });

  const forbidden = forbiddenChange(viewer, catalogue, scope, parsed.touched);
  if (forbidden) return { kind: 'forbidden', problem: forbidden };
  const submitted = submittedVersion(body);
  if (submitted !== entry.version) return { kind: 'conflict', entry: entry.versionEntry, version: entry.version, values: parsed.values };
  if (parsed.errors.length > 0) return { kind: 'invalid', errors: parsed.errors, values: parsed.values };
  const { changes } = parsed;
  const count = changeCount(changes);
  if (count === 0) return { kind: 'unchanged', section: only };

  // What needs no lock is checked above, so the write lock is held only to re-read the version and
  // the status (another save may have moved them) and to write; an import holding it past the busy
  // timeout gives `busy`, the typed values kept.
  return whenNotBusy({ kind: 'busy', values: parsed.values }, () =>
    withAudit(
      db,
      viewerActor(viewer),
      (tx): SaveOutcome => {
        // Checked again inside the transaction: another save may have landed since the form was read.
        const current = versionOf.report(tx, year, iso3);
        if (versionNumber(current) !== submitted)
          return { kind: 'conflict', entry: current, version: versionNumber(current), values: parsed.values };
        const status = readEntryStatus(tx, year, iso3, stored);
        const reasonError = reasonProblem(parsed.values.reason, reasonNeededBecause(status, year, locale ?? DEFAULT_LOCALE), locale);
        if (reasonError) return { kind: 'invalid', errors: [{ field: reasonFieldId(only), message: reasonError }], values: parsed.values };

        writeReportChanges(tx, year, iso3, changes);
        return { kind: 'saved', count, section: only };
      },
      { reason: parsed.values.reason || null, now },
    ),
  );
}

export type ValidateOutcome =
  | { kind: 'validated' }
  | { kind: 'forbidden' }
  | { kind: 'empty' }
  /** Validated already: by whom (as the audit trail names them) and when (ISO). */
  | { kind: 'already'; by: ValidationInfo['by']; at: string }
  /** Changed since the page was loaded: the latest change. */
  | { kind: 'moved'; entry: AuditEntry | null };

/**
 * Validates a draft (year, State) report: an admin, or a member of a mechanism that leads or
 * contributes to an action the report concerns. Refused when there is nothing to validate, when it
 * is validated already, or when it changed since the form was loaded.
 */
export function validateReportEntry(
  db: Db,
  input: { viewer: Viewer; catalogue: Catalogue; year: number; state: RegistryState; version: number; now?: Date },
): ValidateOutcome {
  const { viewer, catalogue, year, state } = input;
  const now = input.now ?? new Date();
  return withAudit(
    db,
    viewerActor(viewer),
    (tx): ValidateOutcome => {
      const stored = readStoredReport(tx, year, state.iso3);
      if (!hasData(stored)) {
        return { kind: 'empty' };
      }
      if (!canValidate(viewer, catalogue, actionsConcerned(catalogue, stored))) {
        return { kind: 'forbidden' };
      }
      const validation = readValidation(tx, year, state.iso3);
      if (validation) return { kind: 'already', by: validation.by, at: validation.at };
      const current = versionOf.report(tx, year, state.iso3);
      if (versionNumber(current) !== input.version) return { kind: 'moved', entry: current };
      validateReports(tx, [{ year, state: state.iso3 }], viewer.id, now.toISOString());
      return { kind: 'validated' };
    },
    { now },
  );
}

/**
 * After a section's save: what the other sections of the submitted page still hold that is not
 * stored (the page shows it back rather than losing it), against the report as it is now.
 */
export function pendingSections(
  entry: ReportEntry,
  body: FormBody,
  saved: EntrySection,
  now = new Date(),
): { sections: EntrySection[]; values: EntryValues } {
  const { values, differing } = parseEntry(body, {
    scope: entry.scope,
    stored: entry.stored,
    status: entry.status,
    today: todayInGeneva(now),
  });
  values.sectionReasons.delete(saved.key);
  return { sections: entry.scope.sections.filter((s) => s.key !== saved.key && differing.has(s.key)), values };
}
