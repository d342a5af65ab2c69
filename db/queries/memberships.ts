import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { populationMemberships } from '../schema';

export interface MembershipRow {
  state: string;
  population: string;
}

/** The population memberships entered for a year. */
export const readMemberships = (db: Db, year: number): MembershipRow[] =>
  db
    .select({ state: populationMemberships.state, population: populationMemberships.population })
    .from(populationMemberships)
    .where(eq(populationMemberships.year, year))
    .all();

/** Adds memberships of a year (call inside withAudit: the audit triggers record each row). */
export function insertMemberships(db: Db, year: number, rows: MembershipRow[]): number {
  // 500 rows per INSERT, as db/sync.ts does: well under SQLite's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    db.insert(populationMemberships)
      .values(rows.slice(i, i + 500).map((r) => ({ year, ...r })))
      .run();
  }
  return rows.length;
}
