import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { asc, getTableColumns, getTableName } from 'drizzle-orm';
import type { Db } from '../client';
import { answers, figures, populationMemberships, reports, states } from '../schema';
import { DATA_KINDS, EXCHANGE_KINDS, fieldOf, type ExchangeKind, type KindData, type KindRow } from '../../server/domain/data-kinds';

/** The table of each kind of exchanged data (server/domain/data-kinds.ts names them; a test checks both agree). */
export const KIND_TABLES = {
  states,
  populations: populationMemberships,
  reports,
  answers,
  figures,
} as const satisfies Record<ExchangeKind, SQLiteTable>;

for (const kind of EXCHANGE_KINDS) {
  if (getTableName(KIND_TABLES[kind]) !== DATA_KINDS[kind].table) throw new Error(`table of ${kind}: ${getTableName(KIND_TABLES[kind])}`);
}

/** Every row of a kind, with the descriptor's columns only; the registry by ISO code. */
export function readKindRows<K extends ExchangeKind>(db: Db, kind: K): KindRow<K>[] {
  const table = KIND_TABLES[kind] as SQLiteTable;
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const fields = Object.fromEntries(DATA_KINDS[kind].columns.map((c) => [fieldOf(c.name), columns[fieldOf(c.name)]!]));
  const query = db.select(fields).from(table);
  return (kind === 'states' ? query.orderBy(...DATA_KINDS[kind].key.map((k) => asc(columns[fieldOf(k)]!))) : query).all() as KindRow<K>[];
}

/** Every row of the five kinds, by the property EngineData, ReleaseData and ExchangeData give them. */
export function readKindData(db: Db): KindData {
  return Object.fromEntries(EXCHANGE_KINDS.map((kind) => [DATA_KINDS[kind].dataKey, readKindRows(db, kind)])) as KindData;
}
