import type { Meeting } from '../../db/queries/meetings';
import { changedBy } from './form-messages';
import { formatDateTime } from './format';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** A change to a meeting refused because someone saved it after the user's page was built. */
export function meetingConflictMessage(
  meeting: Pick<Meeting, 'updatedByEmail' | 'updatedAt'> | null,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const by = meeting?.updatedByEmail
    ? changedBy({ actor: meeting.updatedByEmail, at: meeting.updatedAt }, locale)
    : changedBy(null, locale);
  return t(locale, 'meetings.conflict', { by });
}

/** « Dernière modification par … le … ». */
export function meetingLastChange(meeting: Pick<Meeting, 'updatedByEmail' | 'updatedAt'>, locale: Locale = DEFAULT_LOCALE): string {
  return meeting.updatedByEmail
    ? t(locale, 'workspace.forms.lastChange', { by: changedBy({ actor: meeting.updatedByEmail, at: meeting.updatedAt }, locale) })
    : t(locale, 'meetings.lastChangeOn', { at: formatDateTime(meeting.updatedAt, locale) });
}
