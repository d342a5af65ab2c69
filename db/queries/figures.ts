import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { figures } from '../schema';

/** The figures recorded for a year. */
export const readYearFigures = (db: Db, year: number) => db.select().from(figures).where(eq(figures.year, year)).all();

/**
 * Writes one figure of a year: deleted when `next` is null, else inserted or updated as `stored`
 * says. Returns the rows changed.
 */
export function writeFigure(
  db: Db,
  year: number,
  indicator: string,
  next: { value: number; denominator: number | null } | null,
  stored: boolean,
): number {
  const where = and(eq(figures.year, year), eq(figures.indicator, indicator));
  if (next === null) return db.delete(figures).where(where).run().changes;
  if (!stored)
    return db
      .insert(figures)
      .values({ year, indicator, ...next })
      .run().changes;
  return db.update(figures).set(next).where(where).run().changes;
}
