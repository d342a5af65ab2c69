import { formatDate } from './format';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import { ROLE_LABELS, isAdmin, type Viewer } from '../domain/permissions';
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
export function workspaceHome(view: DataView, viewer: Viewer) {
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
      published: release ? formatDate(release.publishedAt.slice(0, 10)) : null,
      revision: release?.revision ?? null,
      unreleased: unreleased.has(year),
      drafts,
      validated,
      canPublish: isAdmin(viewer) && (release ? unreleased.has(year) : validated > 0),
      publishLabel: release ? `Publier la révision ${release.revision + 1} de ${year}` : `Publier ${year}`,
    };
  });
  const mechanisms = view.catalogue.mechanisms.filter((m) => viewer.mechanisms.includes(m.id)).map((m) => m.name);
  return { years, role: ROLE_LABELS[viewer.role], mechanisms, admin: isAdmin(viewer) };
}
