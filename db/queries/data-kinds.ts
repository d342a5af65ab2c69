import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { asc, getTableColumns } from 'drizzle-orm';
import type { Db } from '../client';
import { syncTable, type SyncCounts } from '../sync';
import { answers, figures, populationMemberships, reports, states } from '../schema';
import type { ExchangeKind } from '../../server/domain/data-kinds';

/** The table of each kind of exchanged data (server/domain/data-kinds.ts names them; a test checks both agree). */
export const KIND_TABLES = {
  states,
  populations: populationMemberships,
  reports,
  answers,
  figures,
} as const satisfies Record<ExchangeKind, SQLiteTable>;

/** The table's columns by property name. */
const columnsOf = (kind: ExchangeKind): Record<string, SQLiteColumn> =>
  getTableColumns(KIND_TABLES[kind] as SQLiteTable) as Record<string, SQLiteColumn>;

/**
 * Every row of a kind's table with the given properties only (the descriptor's columns), ordered
 * by `orderBy` when given. The caller types the rows.
 */
export function readTableRows(db: Db, kind: ExchangeKind, fields: readonly string[], orderBy: readonly string[] = []): unknown[] {
  const columns = columnsOf(kind);
  const query = db.select(Object.fromEntries(fields.map((f) => [f, columns[f]!]))).from(KIND_TABLES[kind] as SQLiteTable);
  return (orderBy.length > 0 ? query.orderBy(...orderBy.map((f) => asc(columns[f]!))) : query).all();
}

/**
 * Writes a kind's rows, only those that differ from the stored ones, by their key properties;
 * never deletes. `editedAt`, when given, marks the rows written as a user's edit (see `syncTable`).
 */
export function writeKindRows(
  db: Db,
  kind: ExchangeKind,
  rows: Record<string, unknown>[],
  key: readonly string[],
  editedAt?: string,
): SyncCounts {
  return syncTable(db, KIND_TABLES[kind] as SQLiteTable, rows, {
    key: key as never[],
    ...(editedAt === undefined ? {} : { markEdited: { marker: 'editedAt', at: editedAt } }),
  });
}
