import type { CopySummary } from '../../db/backup';
import { formatMegabytes } from '../domain/workspace/upload';
import { formatDateTime } from './format';

/** « 12,3 Mo, intégrité vérifiée ; dernière publication : 2026, révision 2, le … » for backup and restore. */
export function describeCopy(summary: CopySummary): string {
  const release = summary.latestRelease;
  const published = release
    ? `dernière publication : ${release.year}, révision ${release.revision}, le ${formatDateTime(release.publishedAt)}`
    : 'aucune année publiée';
  return `${formatMegabytes(summary.bytes)}, intégrité vérifiée ; ${published}`;
}
