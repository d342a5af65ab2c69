import type { Locale } from '../i18n/locale';
import { GENEVA_TIME_ZONE } from '../domain/geneva';

/**
 * Numbers, percentages and dates in the conventions of the page's language (docs/i18n.md#numbers-and-dates):
 * French by default — « 45,5 % », « 30 avril 2026 », « 1 234 » — English « 45.5% », « 30 April 2026 »,
 * « 1,234 », Spanish « 45,5 % », « 30 de abril de 2026 », « 1234 », as CLDR (Intl) writes them. A
 * caller that passes no locale gets French, exactly as before.
 */

const NBSP = '\u00a0';

/**
 * The Intl language tag of each locale: French of France; British English, whose day-month-year order
 * is the United Nations' in English; Spanish of Spain.
 */
const INTL_TAG: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

/** One Intl formatter per locale and options, made on first use. */
function perLocale<T>(make: (tag: string) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let found = made.get(locale);
    if (!found) made.set(locale, (found = make(INTL_TAG[locale])));
    return found;
  };
}

const number1 = perLocale((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }));
const numberExact = perLocale((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 20 }));
const percent1 = perLocale((tag) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }));
const dateLong = perLocale((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const dateTimeLong = perLocale(
  (tag) =>
    new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: GENEVA_TIME_ZONE,
    }),
);
const weekdayDay = perLocale((tag) => new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' }));
const dateInGeneva = perLocale(
  (tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: GENEVA_TIME_ZONE }),
);

// Intl writes a narrow no-break space between French thousands; a plain no-break space reads everywhere.
const plainSpaces = (text: string) => text.replace(/\u202f/g, NBSP);

export function formatNumber(value: number, locale: Locale = 'fr'): string {
  return plainSpaces(number1(locale).format(value));
}

/**
 * A recorded value with every digit it holds (« 0,34 », « 1 234,125 »): where a change is shown, a
 * correction from 0,33 to 0,34 must not read « 0,3 → 0,3 ».
 */
export function formatExactNumber(value: number, locale: Locale = 'fr'): string {
  return plainSpaces(numberExact(locale).format(value));
}

/** A percentage given in 0–100: « 45,5 % » in French and Spanish, « 45.5% » in English. */
export function formatPercent(value: number, locale: Locale = 'fr'): string {
  if (locale === 'fr') return `${formatNumber(value)}${NBSP}%`;
  return plainSpaces(percent1(locale).format(value / 100));
}

/**
 * French writes the first of the month as an ordinal: « 1er décembre », « lun. 1er juin », where
 * Intl writes « 1 décembre ». Every French date of the product goes through this, with or without
 * its weekday or time.
 */
export function frenchFirstOfMonth(text: string, locale: Locale): string {
  return locale === 'fr' ? text.replace(/(^|\s)1 (?=\p{L})/u, '$11er ') : text;
}

const utcDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
};

/** « 30 avril 2026 » from « 2026-04-30 »; the first of the month is « 1er » in French. */
export function formatDate(iso: string, locale: Locale = 'fr'): string {
  return frenchFirstOfMonth(dateLong(locale).format(utcDay(iso)), locale);
}

/** « mar. 16 juin » from « 2026-06-16 »: a day with its weekday and without its year (a meeting's sittings). */
export function formatWeekdayDay(iso: string, locale: Locale = 'fr'): string {
  return frenchFirstOfMonth(weekdayDay(locale).format(utcDay(iso)), locale);
}

/** A signed difference: « +5,2 points », « −3 », « 0 ». */
export function formatSigned(value: number, unit: string, locale: Locale = 'fr'): string {
  const rounded = Math.round(value * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(rounded), locale)}${unit ? `${NBSP}${unit}` : ''}`;
}

/** « 23 novembre 2026 à 14:05 » (Geneva time), for an ISO timestamp; the first of the month is « 1er » in French. */
export function formatDateTime(iso: string, locale: Locale = 'fr'): string {
  return frenchFirstOfMonth(dateTimeLong(locale).format(new Date(iso)), locale);
}

/** « 23 novembre 2026 » (Geneva time), the day of an ISO timestamp; the first of the month is « 1er » in French. */
export function formatDay(iso: string, locale: Locale = 'fr'): string {
  return frenchFirstOfMonth(dateInGeneva(locale).format(new Date(iso)), locale);
}

/** A speaking time: « 45 min », « 1 h », « 2 h 05 min » (the symbols read alike in the three languages). */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}${NBSP}min`;
  return rest === 0 ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${String(rest).padStart(2, '0')}${NBSP}min`;
}

/**
 * Two ISO days as a range, or one day: « du 17 au 20 juin 2025 » style in French (each day in full,
 * as before); in English and Spanish CLDR's own range (« 17–20 June 2025 », « 17–20 de junio de 2025 »).
 */
export function formatDayRange(startsOn: string, endsOn: string, locale: Locale = 'fr'): string {
  if (locale === 'fr') return startsOn === endsOn ? `le ${formatDate(startsOn)}` : `du ${formatDate(startsOn)} au ${formatDate(endsOn)}`;
  if (startsOn === endsOn) return formatDate(startsOn, locale);
  return plainSpaces(dateLong(locale).formatRange(utcDay(startsOn), utcDay(endsOn)));
}

/** The words of file sizes: French « octets, ko, Mo »; English and Spanish « bytes, kB, MB ». */
const BYTE_UNITS: Record<Locale, { one: string; many: string; kilo: string; mega: string }> = {
  fr: { one: 'octet', many: 'octets', kilo: 'ko', mega: 'Mo' },
  en: { one: 'byte', many: 'bytes', kilo: 'kB', mega: 'MB' },
  es: { one: 'byte', many: 'bytes', kilo: 'kB', mega: 'MB' },
};

/** « 850 octets », « 34 ko », « 1,2 Mo »: a file's size (1 ko = 1 000 octets, as file managers count). */
export function formatBytes(bytes: number, locale: Locale = 'fr'): string {
  const units = BYTE_UNITS[locale];
  if (bytes < 1000) return `${formatNumber(bytes, locale)}${NBSP}${bytes > 1 ? units.many : units.one}`;
  if (bytes < 1_000_000) return `${formatNumber(Math.round(bytes / 1000), locale)}${NBSP}${units.kilo}`;
  return `${formatNumber(Math.round(bytes / 100_000) / 10, locale)}${NBSP}${units.mega}`;
}

/**
 * The first words of a long text, at most `max` characters, cut between words and followed by « … »
 * when cut: a list of actions shows each by its beginning, its full text one click away.
 */
export function firstWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
