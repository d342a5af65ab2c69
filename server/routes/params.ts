import { HttpError } from '../http-error';
import { PLAN_YEARS, TARGET_YEAR } from '../domain/engine/types';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../i18n/locale';

const FIRST_YEAR = PLAN_YEARS[0];
const LAST_YEAR = TARGET_YEAR;

/**
 * The `year` query parameter: a plan year, or `fallback` when absent. Anything else is a 400 with a
 * French message, not a silent default.
 */
export function yearParam(raw: unknown, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  const text = typeof first === 'string' ? first : '';
  const year = /^[0-9]{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new HttpError(
      400,
      'Année invalide',
      `L’année « ${text} » n’est pas une année du plan : indiquez une année de ${FIRST_YEAR} à ${LAST_YEAR}.`,
    );
  }
  return year;
}

/**
 * The `lang` query parameter of the API (docs/i18n.md): fr, en or es, French when absent. Anything
 * else is a 400 with a French message naming the languages offered.
 */
export function langParam(raw: unknown): Locale {
  if (raw === undefined || raw === '') return DEFAULT_LOCALE;
  const first: unknown = Array.isArray(raw) ? raw[0] : raw;
  const text = typeof first === 'string' ? first.slice(0, 20) : '';
  if (!isLocale(text)) {
    throw new HttpError(
      400,
      'Langue invalide',
      `La langue « ${text} » n’est pas proposée : indiquez lang=${LOCALES.join(', lang=')} (français par défaut).`,
    );
  }
  return text;
}
