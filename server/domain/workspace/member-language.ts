import type { Db } from '../../../db/client';
import { setUserLocale } from '../../../db/queries/users';
import type { Locale } from '../../i18n/locale';

/** Remembers the language a member chose for their account: the workspace answers them in it from then on. */
export function rememberLanguage(db: Db, userId: number, locale: Locale): void {
  setUserLocale(db, userId, locale);
}
