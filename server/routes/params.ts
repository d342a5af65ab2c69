import { HttpError } from '../http-error';
import { PLAN_YEARS, TARGET_YEAR } from '../domain/engine/types';

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
