import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { populationMemberships, states } from '../schema';

export type StateRow = typeof states.$inferSelect;

/** Every State with the seed's marker, in no order. */
export const readStateRows = (db: Db): StateRow[] => db.select().from(states).all();

export const readStateRow = (db: Db, iso3: string): StateRow | null => db.select().from(states).where(eq(states.iso3, iso3)).get() ?? null;

/** The populations a State was entered in, by year then population. */
export const readStateMemberships = (db: Db, iso3: string): { year: number; population: string }[] =>
  db
    .select({ year: populationMemberships.year, population: populationMemberships.population })
    .from(populationMemberships)
    .where(eq(populationMemberships.state, iso3))
    .orderBy(asc(populationMemberships.year), asc(populationMemberships.population))
    .all();

/** A user's edit of a State's party dates: marked edited, so that the seed leaves it alone. */
export function updateStateParty(
  db: Db,
  iso3: string,
  values: Pick<StateRow, 'party' | 'partyFrom' | 'partyUntil'>,
  editedAt: string,
): void {
  db.update(states)
    .set({ ...values, editedAt })
    .where(eq(states.iso3, iso3))
    .run();
}
