import { formatDate } from './format';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import { isAdmin, type Role, type Viewer } from '../domain/permissions';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { localizeCatalogue } from '../domain/catalogue-i18n';

/** The roles' names, as the workspace says them (keys in full for the message test). */
export const ROLE_KEYS: Record<Role, string> = {
  admin: 'workspace.roles.admin',
  member: 'workspace.roles.member',
  observer: 'workspace.roles.observer',
};
import { latestRelease } from '../domain/releases/release';

export interface YearRow {
  year: number;
  /** « 15 mai 2026 », the date of the latest release. */
  published: string | null;
  revision: number | null;
  /** Published, and changed since: the public does not see the changes yet. */
  unreleased: boolean;
  drafts: number;
  validated: number;
  canPublish: boolean;
  publishLabel: string;
}

/** The workspace's front page: each plan year with its reports by status and whether it is published. */
export function workspaceHome(view: DataView, viewer: Viewer, locale: Locale) {
  const unreleased = view.unreleasedYears();
  const validatedByYear = new Map<number, number>();
  for (const key of view.review.validated.keys()) {
    const year = Number(key.slice(0, 4));
    validatedByYear.set(year, (validatedByYear.get(year) ?? 0) + 1);
  }
  const years: YearRow[] = PLAN_YEARS.map((year) => {
    const release = latestRelease(view.releases, year);
    const drafts = view.drafts.get(year)?.size ?? 0;
    const validated = validatedByYear.get(year) ?? 0;
    return {
      year,
      published: release ? formatDate(release.publishedAt.slice(0, 10), locale) : null,
      revision: release?.revision ?? null,
      unreleased: unreleased.has(year),
      drafts,
      validated,
      canPublish: isAdmin(viewer) && (release ? unreleased.has(year) : validated > 0),
      publishLabel: release
        ? t(locale, 'workspace.home.publishRevision', { revision: release.revision + 1, year })
        : t(locale, 'workspace.home.publishYear', { year }),
    };
  });
  const mechanisms = localizeCatalogue(view.catalogue, locale)
    .mechanisms.filter((m) => viewer.mechanisms.includes(m.id))
    .map((m) => m.name);
  return { years, role: t(locale, ROLE_KEYS[viewer.role]), mechanisms, admin: isAdmin(viewer) };
}
