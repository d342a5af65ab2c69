import type { AuditEntry } from '../../../db/queries/audit';
import type { Said } from '../exchange/problems';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';
import { fieldProblemText } from '../../i18n/problem-text';

/** What the workspace's forms share: field errors and the reason asked for a change to validated or published data. */

/** A message for one field of a form; `field` is the element id (for aria-describedby and the summary's link). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The message a form's errors hold for `field` (an element id), or null: what a view shows beside
 * that field (an error without a field belongs to the page's summary only).
 */
export const errorFor = (errors: readonly { field?: string; message: string }[] | undefined, field: string): string | null =>
  errors?.find((e) => e.field === field)?.message ?? null;

export const REASON_MAX = 2000;

/** A posted field as one string: '' when absent, the first value when the field came twice. */
export const formText = (raw: unknown): string => (typeof raw === 'string' ? raw : Array.isArray(raw) ? String(raw[0] ?? '') : '');

/** The version a form was built from (its hidden `version` field); null when it carries no readable one. */
export function formVersion(body: Record<string, unknown>): number | null {
  const raw = formText(body.version).trim();
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/**
 * The problem with the reason given for a change, or null: too long, or missing while
 * `requiredBecause` says why one is needed (« l’année 2026 est publiée »), in `locale`.
 */
export function reasonProblem(reason: string, requiredBecause: string | null, locale: Locale = DEFAULT_LOCALE): string | null {
  const length = [...reason].length;
  if (length > REASON_MAX) return t(locale, 'values.reasonTooLong', { max: REASON_MAX, length });
  if (requiredBecause !== null && reason.trim() === '') return t(locale, 'values.reasonRequired', { because: requiredBecause });
  return null;
}

/**
 * A value's rule (server/domain/exchange/values.ts) as a form shows it: « Label : message. », the
 * message being word for word what an import says of the same value in `file:line: column: message`,
 * in `locale` (the member's).
 */
export const fieldMessage = (label: string, message: Said | string, locale: Locale = DEFAULT_LOCALE): string =>
  fieldProblemText(label, message, locale);

/** The version number a form carries for what `entry` (from `versionOf`) last changed. */
export const versionNumber = (entry: AuditEntry | null): number => entry?.id ?? 0;
