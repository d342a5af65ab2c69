import { HttpError } from '../http-error';
import { PLAN_YEARS, TARGET_YEAR } from '../domain/engine/types';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

const FIRST_YEAR = PLAN_YEARS[0];
const LAST_YEAR = TARGET_YEAR;

/**
 * The `year` query parameter: a plan year, or `fallback` when absent. Anything else is a 400 with a
 * message in `locale` (the request's: every caller has one), not a silent default.
 */
export function yearParam(raw: unknown, fallback: number, locale: Locale): number {
  if (raw === undefined || raw === '') return fallback;
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  const text = typeof first === 'string' ? first : '';
  const year = /^[0-9]{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new HttpError(
      400,
      t(locale, 'errors.badYearTitle'),
      t(locale, 'errors.badYear', { value: text, first: FIRST_YEAR, last: LAST_YEAR }),
    );
  }
  return year;
}

/**
 * The `lang` query parameter of the API (docs/i18n.md): fr, en or es, French when absent. Anything
 * else is a 400 naming the languages offered, in `locale` (French: the language asked for is unknown).
 */
export function langParam(raw: unknown, locale: Locale = DEFAULT_LOCALE): Locale {
  if (raw === undefined || raw === '') return DEFAULT_LOCALE;
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  const text = typeof first === 'string' ? first.slice(0, 20) : '';
  if (!isLocale(text)) {
    throw new HttpError(
      400,
      t(locale, 'errors.badLangTitle'),
      t(locale, 'errors.badLang', { value: text, choices: `lang=${LOCALES.join(', lang=')}` }),
    );
  }
  return text;
}
