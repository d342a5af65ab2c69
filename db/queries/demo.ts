import { count } from 'drizzle-orm';
import type { Db } from '../client';
import { answers, auditEntries, figures, populationMemberships, releases, reports, validations } from '../schema';

/** The tables that hold what States report (and the demonstration data). */
const DATA_TABLES = { populationMemberships, reports, answers, figures } as const;

/** Rows of the data tables, as the demonstration generator (seed/demo.ts) makes them. */
export interface DataRows {
  populationMemberships: (typeof populationMemberships.$inferInsert)[];
  reports: (typeof reports.$inferInsert)[];
  answers: (typeof answers.$inferInsert)[];
  figures: (typeof figures.$inferInsert)[];
}

function insertChunked<T>(rows: T[], insert: (chunk: T[]) => void, size = 500): void {
  for (let i = 0; i < rows.length; i += size) insert(rows.slice(i, i + size));
}

/** Inserts rows into the data tables by statements of 500 rows. */
export function insertDataRows(db: Db, data: DataRows): void {
  insertChunked(data.populationMemberships, (chunk) => db.insert(populationMemberships).values(chunk).run());
  insertChunked(data.reports, (chunk) => db.insert(reports).values(chunk).run());
  insertChunked(data.answers, (chunk) => db.insert(answers).values(chunk).run());
  insertChunked(data.figures, (chunk) => db.insert(figures).values(chunk).run());
}

/** Deletes every row of the data tables, the validations, the releases and the audit trail; returns how many of each went. */
export function deleteAllData(db: Db) {
  const counts = {
    answers: db.delete(answers).run().changes,
    figures: db.delete(figures).run().changes,
    reports: db.delete(reports).run().changes,
    populationMemberships: db.delete(populationMemberships).run().changes,
    releases: db.delete(releases).run().changes,
    validations: db.delete(validations).run().changes,
  };
  db.delete(auditEntries).run();
  return counts;
}

/** Whether the data tables are all empty. */
export function dataTablesEmpty(db: Db): boolean {
  return Object.values(DATA_TABLES).every((table) => (db.select({ n: count() }).from(table).get()?.n ?? 0) === 0);
}
