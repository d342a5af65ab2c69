import type { Db } from '../../../db/client';
import { readCatalogue } from '../../../db/queries/catalogue';
import { readRegistry } from '../../../db/queries/registry';
import type { RegistryState } from '../registry';

/** What validation needs to know of the database: the registry and the catalogue. */
export interface ExchangeContext {
  states: Map<string, RegistryState>;
  indicators: Map<string, { kind: 'share' | 'count' | 'figure' | 'ratio'; derivedFrom: string | null }>;
  populations: Map<string, { derivation: 'registry' | 'entered' | 'union' | 'answers' }>;
}

export function readExchangeContext(db: Db): ExchangeContext {
  const catalogue = readCatalogue(db);
  return {
    states: new Map(readRegistry(db).map((s) => [s.iso3, s])),
    indicators: new Map(
      [...catalogue.indicatorByCode].map(([code, i]) => [code, { kind: i.kind, derivedFrom: i.derivedFrom }]),
    ),
    // In the catalogue's order, as messages list the populations that may be entered.
    populations: new Map(catalogue.populations.map((p) => [p.key, { derivation: p.derivation }])),
  };
}
