import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { answers, releases, reports, validations } from '../schema';
import { pairKey, type ReviewState } from '../../server/domain/review';

export function readReviewState(db: Db): ReviewState {
  const published = new Map<number, string>();
  // Revisions in order: the latest one's date stays.
  for (const r of db.select().from(releases).orderBy(asc(releases.year), asc(releases.revision)).all()) {
    published.set(r.year, r.publishedAt);
  }
  const validated: ReviewState['validated'] = new Map();
  for (const v of db.select().from(validations).all()) {
    validated.set(pairKey(v.year, v.state), { validatedBy: v.validatedBy, validatedAt: v.validatedAt });
  }
  return { published, validated };
}

/** Marks the (year, State) reports validated; those already validated keep their first validation. */
export function validateReports(db: Db, pairs: { year: number; state: string }[], by: number | null, now: string): number {
  let added = 0;
  const seen = new Set<string>();
  for (const { year, state } of pairs) {
    if (seen.has(pairKey(year, state))) continue;
    seen.add(pairKey(year, state));
    added += db
      .insert(validations)
      .values({ year, state, validatedBy: by, validatedAt: now })
      .onConflictDoNothing()
      .run().changes;
  }
  return added;
}

/** The (year, State) pairs of `year` that hold a report or an answer and are not validated. */
export function draftStates(db: Db, year: number): string[] {
  const withData = new Set([
    ...db.select({ state: reports.state }).from(reports).where(eq(reports.year, year)).all().map((r) => r.state),
    ...db.selectDistinct({ state: answers.state }).from(answers).where(eq(answers.year, year)).all().map((r) => r.state),
  ]);
  if (withData.size === 0) return [];
  const done = new Set(
    db
      .select({ state: validations.state })
      .from(validations)
      .where(and(eq(validations.year, year), inArray(validations.state, [...withData])))
      .all()
      .map((v) => v.state),
  );
  return [...withData].filter((s) => !done.has(s)).sort();
}
