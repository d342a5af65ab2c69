/** French formats for the interface: « 45,5 % », « 30 avril 2026 », « 1 234 ». */

const NBSP = '\u00a0';
const number1 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const dateLong = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatNumber(value: number): string {
  // Intl writes a narrow no-break space between thousands; a plain no-break space reads everywhere.
  return number1.format(value).replace(/\u202f/g, NBSP);
}

const numberExact = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 20 });

/**
 * A recorded value with every digit it holds (« 0,34 », « 1 234,125 »): where a change is shown, a
 * correction from 0,33 to 0,34 must not read « 0,3 → 0,3 ».
 */
export function formatExactNumber(value: number): string {
  return numberExact.format(value).replace(/\u202f/g, NBSP);
}

export function formatPercent(value: number): string {
  return `${formatNumber(value)}${NBSP}%`;
}

/** « 30 avril 2026 » from « 2026-04-30 »; the first of the month is « 1er » in French. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const text = dateLong.format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)));
  return d === 1 ? text.replace(/^1 /, '1er ') : text;
}

/** A signed difference: « +5,2 points », « −3 », « 0 ». */
export function formatSigned(value: number, unit: string): string {
  const rounded = Math.round(value * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(rounded))}${unit ? `${NBSP}${unit}` : ''}`;
}

const dateTimeLong = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  // The Convention's Implementation Support Unit works in Geneva.
  timeZone: 'Europe/Zurich',
});

/** « 23 novembre 2026 à 14:05 » (Geneva time), for an ISO timestamp. */
export function formatDateTime(iso: string): string {
  return dateTimeLong.format(new Date(iso));
}

const dateInGeneva = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Zurich' });

/** « 23 novembre 2026 » (Geneva time), the day of an ISO timestamp; the first of the month is « 1er ». */
export function formatDay(iso: string): string {
  const text = dateInGeneva.format(new Date(iso));
  return text.replace(/^1 /, '1er ');
}

/** A speaking time: « 45 min », « 1 h », « 2 h 05 min ». */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}${NBSP}min`;
  return rest === 0 ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${String(rest).padStart(2, '0')}${NBSP}min`;
}

/** « du 17 au 20 juin 2025 » style range of two ISO days, or one day. */
export function formatDayRange(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? `le ${formatDate(startsOn)}` : `du ${formatDate(startsOn)} au ${formatDate(endsOn)}`;
}

/** « 850 octets », « 34 ko », « 1,2 Mo »: a file's size (1 ko = 1 000 octets, as file managers count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)}${NBSP}octet${bytes > 1 ? 's' : ''}`;
  if (bytes < 1_000_000) return `${formatNumber(Math.round(bytes / 1000))}${NBSP}ko`;
  return `${formatNumber(Math.round(bytes / 100_000) / 10)}${NBSP}Mo`;
}
