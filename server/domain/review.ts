import type { EngineData } from './engine/types';

/** Which years are published and which (year, State) reports are validated. */
export interface ReviewState {
  /** Year → date of its latest release. */
  published: Map<number, string>;
  /** `pairKey(year, state)` → when it was validated. */
  validated: Map<string, { validatedBy: number | null; validatedAt: string }>;
}

/** draft: entered, not yet validated; validated: checked by a committee; published: validated, in a published year. */
export type ReportStatus = 'draft' | 'validated' | 'published';

export const pairKey = (year: number, state: string) => `${year}:${state}`;

export function reportStatus(review: ReviewState, year: number, state: string): ReportStatus {
  if (!review.validated.has(pairKey(year, state))) return 'draft';
  return review.published.has(year) ? 'published' : 'validated';
}

/** The (year, State) reports holding a report or an answer that nobody has validated yet, by year. */
export function draftsByYear(data: EngineData, review: ReviewState): Map<number, Set<string>> {
  const drafts = new Map<number, Set<string>>();
  for (const row of [...data.reports, ...data.answers]) {
    if (review.validated.has(pairKey(row.year, row.state))) continue;
    if (!drafts.has(row.year)) drafts.set(row.year, new Set());
    drafts.get(row.year)!.add(row.state);
  }
  return drafts;
}
