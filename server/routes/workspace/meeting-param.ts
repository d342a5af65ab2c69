import { readMeeting, type Meeting } from '../../domain/meetings/store';
import type { Db } from '../../../db/client';
import { HttpError } from '../../http-error';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';

/** The meeting named by a route's `:id`, or a 404 in the member's language. */
export function meetingParam(db: Db, raw: unknown, locale: Locale = DEFAULT_LOCALE): Meeting {
  const text = typeof raw === 'string' ? raw : '';
  const id = /^[0-9]{1,9}$/.test(text) ? Number(text) : NaN;
  const meeting = Number.isInteger(id) ? readMeeting(db, id) : null;
  if (!meeting)
    throw new HttpError(404, t(locale, 'meetings.errors.missingTitle'), t(locale, 'meetings.problems.notFound', { id: text.slice(0, 20) }));
  return meeting;
}
