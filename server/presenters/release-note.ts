import type { Coverage } from '../domain/releases/coverage';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t as translate } from '../i18n/translate';
import { formatNumber, formatPercent } from './format';

/** « 12 / 31 (38,7 %) »; « 0 / 0 (sans objet) » when there is nothing to count. */
export const formatShare = (n: number, d: number, locale: Locale = DEFAULT_LOCALE): string =>
  translate(locale, 'value.share', {
    n: formatNumber(n, locale),
    N: formatNumber(d, locale),
    percent: d > 0 ? formatPercent((100 * n) / d, locale) : translate(locale, 'value.notApplicable'),
  });

/**
 * The public note of a first publication below the threshold: the coverage, then the admin's reason.
 * It is stored with the release in French, the source language (the API and the files give it as
 * stored); pages in another language reword its head with `releaseNoteIn`.
 */
export function lowCoverageNote(
  coverage: Coverage,
  minCoverage: number,
  reason: string,
  note: string,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const head = translate(locale, 'publication.lowCoverage', {
    share: formatShare(coverage.reports, coverage.parties, locale),
    min: formatPercent(minCoverage, locale),
    reason,
  });
  return [head, note].filter(Boolean).join(' — ');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The French head of a low-coverage note as a pattern: the share, the threshold, then the rest as typed. */
const LOW_COVERAGE_PATTERN = new RegExp(
  `^${escapeRegExp(translate(DEFAULT_LOCALE, 'publication.lowCoverage', { share: '\u0000', min: '\u0001', reason: '\u0002' }))
    .replace('\u0000', '(\\d[\\d\\s]*) / (\\d[\\d\\s]*) \\([^)]*\\)')
    .replace('\u0001', '(\\d+(?:,\\d+)?)\\s?%')
    .replace('\u0002', '([\\s\\S]*)')}$`,
);
const integer = (text: string) => Number(text.replace(/\D/g, ''));

/**
 * A release's note as a page in `locale` shows it: a low-coverage note's head (written by the
 * publication in French, `lowCoverageNote`) in that language, the admin's reason and note as typed
 * (data, like answers' sources); the demonstration data's note in that language; any other note as it is.
 */
export function releaseNoteIn(note: string | null, locale: Locale): string | null {
  if (note === null || locale === DEFAULT_LOCALE) return note;
  // The demonstration data's note, written by the loader (seed/demo-load.ts).
  if (note === translate(DEFAULT_LOCALE, 'release.demoNote')) return translate(locale, 'release.demoNote');
  const found = LOW_COVERAGE_PATTERN.exec(note);
  if (!found) return note;
  const [, reports, parties, min, rest] = found;
  return translate(locale, 'publication.lowCoverage', {
    share: formatShare(integer(reports!), integer(parties!), locale),
    min: formatPercent(Number(min!.replace(',', '.')), locale),
    reason: rest,
  });
}
