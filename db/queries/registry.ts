import { asc } from 'drizzle-orm';
import type { Db } from '../client';
import { states } from '../schema';
import type { RegistryState } from '../../server/domain/registry';

/** The registry of States as the database holds it now, by ISO code. */
export function readRegistry(db: Db): RegistryState[] {
  return db
    .select({
      iso3: states.iso3,
      nameFr: states.nameFr,
      nameEn: states.nameEn,
      party: states.party,
      partyFrom: states.partyFrom,
      partyUntil: states.partyUntil,
    })
    .from(states)
    .orderBy(asc(states.iso3))
    .all();
}
