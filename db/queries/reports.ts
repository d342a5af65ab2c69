import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { answers, populationMemberships, reports, users, validations } from '../schema';
import type { ChangeSet } from '../../server/domain/workspace/report-entry';

/** The stored rows of one (year, State) report: the report itself, its answers and its populations. */
export function readReportRows(db: Db, year: number, state: string) {
  return {
    report:
      db
        .select()
        .from(reports)
        .where(and(eq(reports.year, year), eq(reports.state, state)))
        .get() ?? null,
    answers: db
      .select()
      .from(answers)
      .where(and(eq(answers.year, year), eq(answers.state, state)))
      .all(),
    memberships: db
      .select()
      .from(populationMemberships)
      .where(and(eq(populationMemberships.year, year), eq(populationMemberships.state, state)))
      .all(),
  };
}

/** When a (year, State) report was validated and the address of who did it (null: a deleted or programme user), or null. */
export function readValidationRow(db: Db, year: number, state: string): { at: string; email: string | null } | null {
  return (
    db
      .select({ at: validations.validatedAt, email: users.email })
      .from(validations)
      .leftJoin(users, eq(users.id, validations.validatedBy))
      .where(and(eq(validations.year, year), eq(validations.state, state)))
      .get() ?? null
  );
}

export const isReportValidated = (db: Db, year: number, state: string): boolean =>
  db
    .select({ year: validations.year })
    .from(validations)
    .where(and(eq(validations.year, year), eq(validations.state, state)))
    .get() !== undefined;

/** Writes the changes of a report's form (server/domain/workspace/report-entry.ts): only the rows that change. */
export function writeReportChanges(db: Db, year: number, state: string, changes: ChangeSet): void {
  const reportKey = and(eq(reports.year, year), eq(reports.state, state));
  if (changes.report?.kind === 'insert')
    db.insert(reports)
      .values({ year, state, ...changes.report.row })
      .run();
  if (changes.report?.kind === 'update') db.update(reports).set(changes.report.row).where(reportKey).run();
  if (changes.report?.kind === 'delete') db.delete(reports).where(reportKey).run();

  for (const change of changes.answers) {
    const answerKey = and(eq(answers.year, year), eq(answers.state, state), eq(answers.indicator, change.code));
    if (change.kind === 'insert')
      db.insert(answers)
        .values({ year, state, indicator: change.code, ...change.row! })
        .run();
    if (change.kind === 'update') db.update(answers).set(change.row!).where(answerKey).run();
    if (change.kind === 'delete') db.delete(answers).where(answerKey).run();
  }

  for (const population of changes.addPopulations) db.insert(populationMemberships).values({ year, state, population }).run();
  if (changes.removePopulations.length > 0) {
    db.delete(populationMemberships)
      .where(
        and(
          eq(populationMemberships.year, year),
          eq(populationMemberships.state, state),
          inArray(populationMemberships.population, changes.removePopulations),
        ),
      )
      .run();
  }
}
