import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { indicators, populations, states } from '../../../db/schema';
import type { RegistryState } from '../registry';

/** What validation needs to know of the database: the registry and the catalogue. */
export interface ExchangeContext {
  states: Map<string, RegistryState>;
  indicators: Map<string, { kind: 'share' | 'count' | 'figure' | 'ratio'; derivedFrom: string | null }>;
  populations: Map<string, { derivation: 'registry' | 'entered' | 'union' | 'answers' }>;
}

export function readExchangeContext(db: Db): ExchangeContext {
  return {
    states: new Map(
      db
        .select({
          iso3: states.iso3,
          nameFr: states.nameFr,
          nameEn: states.nameEn,
          party: states.party,
          partyFrom: states.partyFrom,
          partyUntil: states.partyUntil,
        })
        .from(states)
        .all()
        .map((s) => [s.iso3, s]),
    ),
    indicators: new Map(
      db
        .select({ code: indicators.code, kind: indicators.kind, derivedFrom: indicators.derivedFrom })
        .from(indicators)
        .all()
        .map(({ code, ...rest }) => [code, rest]),
    ),
    populations: new Map(
      db
        .select({ key: populations.key, derivation: populations.derivation })
        .from(populations)
        // In the catalogue's order, as messages list the populations that may be entered.
        .orderBy(asc(populations.position))
        .all()
        .map(({ key, ...rest }) => [key, rest]),
    ),
  };
}
