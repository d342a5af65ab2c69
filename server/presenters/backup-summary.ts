import type { CopySummary } from '../../db/backup';
import { formatMegabytes } from '../domain/workspace/upload';
import type { Locale } from '../i18n/locale';
import { cliNumber } from '../i18n/cli-locale';
import { t } from '../i18n/translate';
import { formatDateTime } from './format';

/** « 12,3 Mo, intégrité vérifiée ; dernière publication : 2026, révision 2, le … » for backup and restore. */
export function describeCopy(summary: CopySummary, locale: Locale = 'fr'): string {
  const release = summary.latestRelease;
  const published = release
    ? t(locale, 'cli.copy.latestRelease', { year: release.year, revision: release.revision, date: copyDate(locale, release.publishedAt) })
    : t(locale, 'cli.copy.noRelease');
  return t(locale, 'cli.copy.summary', { size: copySize(locale, summary.bytes), published });
}

/** French as on the pages; other languages as ISO 8601 in UTC (`2026-06-01 09:00 UTC`), read the same everywhere. */
function copyDate(locale: Locale, iso: string): string {
  return locale === 'fr' ? formatDateTime(iso) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const copySize = (locale: Locale, bytes: number) =>
  locale === 'fr'
    ? formatMegabytes(bytes)
    : t(locale, 'cli.exportSite.megabytes', { n: cliNumber(locale, Math.round((bytes / 1024 / 1024) * 10) / 10) });
