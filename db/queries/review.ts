import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { answers, releases, reports, validations } from '../schema';

/** Every release's year and date, revisions in order. */
export const readPublicationDates = (db: Db): { year: number; publishedAt: string }[] =>
  db
    .select({ year: releases.year, publishedAt: releases.publishedAt })
    .from(releases)
    .orderBy(asc(releases.year), asc(releases.revision))
    .all();

/** Every validated (year, State) report, or those of one year. */
export const readValidations = (db: Db, year?: number) =>
  (year === undefined ? db.select().from(validations) : db.select().from(validations).where(eq(validations.year, year))).all();

/** Marks the (year, State) reports validated; those already validated keep their first validation. */
export function validateReports(db: Db, pairs: { year: number; state: string }[], by: number | null, now: string): number {
  // Callers pass every report and answer row (thousands for a year's data) where a few hundred
  // pairs are distinct: each pair is written once, which also counts a pair named twice once.
  const distinct = new Map(pairs.map(({ year, state }) => [`${year}/${state}`, { year, state }]));
  let added = 0;
  for (const { year, state } of distinct.values()) {
    added += db.insert(validations).values({ year, state, validatedBy: by, validatedAt: now }).onConflictDoNothing().run().changes;
  }
  return added;
}

/** The (year, State) pairs of `year` that hold a report or an answer and are not validated. */
export function draftStates(db: Db, year: number): string[] {
  const withData = new Set([
    ...db
      .select({ state: reports.state })
      .from(reports)
      .where(eq(reports.year, year))
      .all()
      .map((r) => r.state),
    ...db
      .selectDistinct({ state: answers.state })
      .from(answers)
      .where(eq(answers.year, year))
      .all()
      .map((r) => r.state),
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
