import type { Db } from '../client';
import {
  actions,
  catalogueTexts,
  catalogueTranslations,
  indicators,
  mechanismActions,
  mechanisms,
  populations,
  sections,
  states,
} from '../schema';
import { syncTable, type SyncCounts, type SyncOptions } from '../sync';

/** The tables the seed files fill (seed/load.ts): the catalogue and the registry. */
const SEED_TABLES = {
  sections,
  populations,
  actions,
  indicators,
  mechanisms,
  mechanismActions,
  states,
  catalogueTranslations,
  catalogueTexts,
} as const;
type SeedTables = typeof SEED_TABLES;
export type SeedTable = keyof SeedTables;

/** Brings one of the seed's tables in line with the seed's rows (see `syncTable`). */
export function syncSeedTable<K extends SeedTable>(
  db: Db,
  table: K,
  rows: Partial<SeedTables[K]['$inferSelect']>[],
  options: SyncOptions<SeedTables[K]['$inferSelect']>,
): SyncCounts {
  return syncTable(db, SEED_TABLES[table], rows as never, options as never);
}
