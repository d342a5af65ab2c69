import { formatDate } from './format';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import { ROLE_LABELS, isAdmin, type Viewer } from '../domain/permissions';

export interface YearRow {
  year: number;
  published: string | null;
  drafts: number;
  validated: number;
  canPublish: boolean;
}

/** The workspace's front page: each plan year with its reports by status and whether it is published. */
export function workspaceHome(view: DataView, viewer: Viewer) {
  const validatedByYear = new Map<number, number>();
  for (const key of view.review.validated.keys()) {
    const year = Number(key.slice(0, 4));
    validatedByYear.set(year, (validatedByYear.get(year) ?? 0) + 1);
  }
  const years: YearRow[] = PLAN_YEARS.map((year) => {
    const publishedAt = view.review.published.get(year);
    return {
      year,
      published: publishedAt ? formatDate(publishedAt.slice(0, 10)) : null,
      drafts: view.drafts.get(year)?.size ?? 0,
      validated: validatedByYear.get(year) ?? 0,
      canPublish: isAdmin(viewer) && !publishedAt,
    };
  });
  const mechanisms = view.catalogue.mechanisms.filter((m) => viewer.mechanisms.includes(m.id)).map((m) => m.name);
  return { years, role: ROLE_LABELS[viewer.role], mechanisms, admin: isAdmin(viewer) };
}
