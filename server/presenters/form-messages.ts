import type { AuditEntry } from '../../db/queries/audit';
import { actorName } from './audit-actor';
import { formatDateTime } from './format';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** What the workspace's forms say after a save, and when someone else saved first (in the member's language). */

/** « par marie@example.org le 23 novembre 2026 à 14:05 », from the audit entry of the change. */
export const changedBy = (
  entry: (Pick<AuditEntry, 'actor' | 'at'> & Partial<Pick<AuditEntry, 'origin'>>) | null,
  locale: Locale = DEFAULT_LOCALE,
): string =>
  entry
    ? t(locale, 'workspace.forms.changedBy', { actor: actorName(entry, locale), at: formatDateTime(entry.at, locale) })
    : t(locale, 'workspace.forms.changedBySomeone');

/** « Dernière modification par … le … », or null when never changed. */
export const lastChangeText = (entry: AuditEntry | null, locale: Locale = DEFAULT_LOCALE): string | null =>
  entry ? t(locale, 'workspace.forms.lastChange', { by: changedBy(entry, locale) }) : null;

/** A save refused by the optimistic version check; `what` says what changed (« Ce rapport a été modifié »). */
export function conflictMessage(entry: AuditEntry | null, what: string, locale: Locale = DEFAULT_LOCALE): string {
  return t(locale, 'workspace.forms.conflict', { what, by: changedBy(entry, locale) });
}

export const savedMessage = (changes: number, locale: Locale = DEFAULT_LOCALE): string =>
  changes === 0 ? t(locale, 'workspace.forms.noChange') : t(locale, 'workspace.forms.saved', { count: changes });

/** A save that found the database busy (an import from the command line holds it) past the wait. */
export const busyTitle = (locale: Locale = DEFAULT_LOCALE) => t(locale, 'workspace.forms.busyTitle');
export const busyMessage = (locale: Locale = DEFAULT_LOCALE) => t(locale, 'workspace.forms.busy');
export const BUSY_TITLE = busyTitle();
export const BUSY_MESSAGE = busyMessage();
