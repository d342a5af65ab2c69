import { asc } from 'drizzle-orm';
import type { Db } from '../client';
import { answers, figures, indicators, populationMemberships, reports, states } from '../schema';
import type { PopulationKey } from '../../server/domain/population';
import type { EngineData } from '../../server/domain/engine/types';

/** Everything the engine reads, for all years, in six set-based queries. */
export function readEngineData(db: Db): EngineData {
  const indicatorRows = db.select().from(indicators).orderBy(asc(indicators.action), asc(indicators.position)).all();
  return {
    indicators: indicatorRows.map((i) => ({
      code: i.code,
      action: i.action,
      kind: i.kind,
      population: i.population as PopulationKey | null,
      populationOf: i.populationOf,
      direction: i.direction,
      derivedFrom: i.derivedFrom,
    })),
    states: db
      .select({
        iso3: states.iso3,
        nameFr: states.nameFr,
        nameEn: states.nameEn,
        party: states.party,
        partyFrom: states.partyFrom,
        partyUntil: states.partyUntil,
      })
      .from(states)
      .all(),
    memberships: db.select().from(populationMemberships).all(),
    reports: db.select().from(reports).all(),
    answers: db.select().from(answers).all(),
    figures: db.select().from(figures).all(),
  };
}

/**
 * A number that changes whenever the data may have changed: `data_version` moves when another
 * connection (an import) commits, `total_changes()` when this one writes.
 */
export function dataVersion(db: Db): string {
  const external = db.$client.pragma('data_version', { simple: true }) as number;
  const own = (db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${external}:${own}`;
}
