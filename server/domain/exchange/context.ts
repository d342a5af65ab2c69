import type { Db } from '../../../db/client';
import { readCatalogue } from '../catalogue';
import { readRegistry } from '../stored-data';
import type { RegistryState } from '../registry';
import type { IndicatorKind, PopulationDerivation } from '../../../db/codes';

/** What validation needs to know of the database: the registry and the catalogue. */
export interface ExchangeContext {
  states: Map<string, RegistryState>;
  indicators: Map<string, { kind: IndicatorKind; derivedFrom: string | null }>;
  populations: Map<string, { derivation: PopulationDerivation }>;
}

export function readExchangeContext(db: Db): ExchangeContext {
  const catalogue = readCatalogue(db);
  return {
    states: new Map(readRegistry(db).map((s) => [s.iso3, s])),
    indicators: new Map([...catalogue.indicatorByCode].map(([code, i]) => [code, { kind: i.kind, derivedFrom: i.derivedFrom }])),
    // In the catalogue's order, as messages list the populations that may be entered.
    populations: new Map(catalogue.populations.map((p) => [p.key, { derivation: p.derivation }])),
  };
}
