import type { Db } from '../../db/client';
import { readTableRows } from '../../db/queries/data-kinds';
import { readPublicationDates, readValidations } from '../../db/queries/review';
import { readCatalogue, type Catalogue } from './catalogue';
import { DATA_KINDS, EXCHANGE_KINDS, fieldOf, type ExchangeKind, type KindData, type KindRow } from './data-kinds';
import type { EngineData, EngineIndicator } from './engine/types';
import { pairKey, type ReviewState } from './review';
import type { RegistryState } from './registry';

/**
 * The stored rows of the exchanged kinds as their descriptors see them, and what the engine reads:
 * the domain's reading of the tables, through db/queries.
 */

/** Every row of a kind, with the descriptor's columns only; the registry by ISO code. */
export function readKindRows<K extends ExchangeKind>(db: Db, kind: K): KindRow<K>[] {
  const def = DATA_KINDS[kind];
  return readTableRows(
    db,
    kind,
    def.columns.map((c) => fieldOf(c.name)),
    kind === 'states' ? def.key.map(fieldOf) : [],
  ) as KindRow<K>[];
}

/** The registry of States as the database holds it now, by ISO code. */
export const readRegistry = (db: Db): RegistryState[] => readKindRows(db, 'states');

/** Every row of the five kinds, by the property EngineData, ReleaseData and ExchangeData give them. */
export function readKindData(db: Db): KindData {
  return Object.fromEntries(EXCHANGE_KINDS.map((kind) => [DATA_KINDS[kind].dataKey, readKindRows(db, kind)])) as KindData;
}

/**
 * Everything the engine reads, for all years, in set-based queries. The indicators come from the
 * catalogue when the caller already has it, so they are read once.
 */
export function readEngineData(db: Db, catalogue: Catalogue = readCatalogue(db)): EngineData {
  return {
    indicators: engineIndicators(catalogue),
    ...readKindData(db),
  };
}

/** What the engine needs to know of the catalogue's indicators. */
export function engineIndicators(catalogue: Catalogue): EngineIndicator[] {
  return [...catalogue.indicatorByCode.values()].map((i) => ({
    code: i.code,
    action: i.action,
    kind: i.kind,
    population: i.populationRef?.key ?? null,
    populationOf: i.populationRef?.of ?? null,
    direction: i.direction,
    derivedFrom: i.derivedFrom,
  }));
}

/** Which years are published (the latest revision's date) and which (year, State) reports are validated. */
export function readReviewState(db: Db): ReviewState {
  const published = new Map<number, string>();
  // Revisions in order: the latest one's date stays.
  for (const r of readPublicationDates(db)) published.set(r.year, r.publishedAt);
  const validated: ReviewState['validated'] = new Map();
  for (const v of readValidations(db)) validated.set(pairKey(v.year, v.state), { validatedBy: v.validatedBy, validatedAt: v.validatedAt });
  return { published, validated };
}
