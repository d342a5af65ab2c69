import type { Report } from '../domain/engine/types';
import { isReportOnTime } from '../domain/registry';
import { formatDate } from './format';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** « reçu le 14 mars 2026 », « reçu le 2 mai 2026 (en retard) » or « pas de rapport ». */
export function reportSummary(
  report: Report | null | undefined,
  prefix = t(DEFAULT_LOCALE, 'report.receivedWord'),
  locale: Locale = DEFAULT_LOCALE,
): string {
  if (!report) return t(locale, 'report.none');
  return t(locale, isReportOnTime(report) ? 'report.received' : 'report.receivedLate', {
    prefix,
    date: formatDate(report.receivedOn, locale),
  });
}

/** « rapport reçu le … » in `locale` (the indicator page's lists of States). */
export const reportReceivedSummary = (report: Report | null | undefined, locale: Locale) =>
  reportSummary(report, t(locale, 'report.reportReceived'), locale);

/** « reçu le … » in `locale` (the list of States). */
export const receivedSummary = (report: Report | null | undefined, locale: Locale) =>
  reportSummary(report, t(locale, 'report.receivedWord'), locale);
