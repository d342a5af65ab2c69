import { and, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

export interface SyncCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

interface SyncOptions<Row> {
  /** Properties that identify a row. */
  key: (keyof Row & string)[];
  /** A row whose this property is not null was edited by a user: leave these properties alone. */
  userEdited?: { marker: keyof Row & string; fields: (keyof Row & string)[] };
  /** Delete rows the seed no longer lists (only for tables the seed alone owns). */
  deleteMissing?: boolean;
}

/**
 * Brings a table in line with the seed's rows, writing only what differs, so that loading twice
 * changes nothing and a corrected text is picked up at the next start.
 */
export function syncTable<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: Partial<T['$inferSelect']>[],
  options: SyncOptions<T['$inferSelect']>,
): SyncCounts {
  type Row = T['$inferSelect'];
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const keyOf = (row: Partial<Row>) => JSON.stringify(options.key.map((k) => row[k]));
  const whereKey = (row: Partial<Row>): SQL =>
    and(...options.key.map((k) => eq(columns[k] as SQLiteColumn, row[k])))!;
  const existing = new Map(
    (db.select().from(table as SQLiteTable).all() as Row[]).map((row) => [keyOf(row), row]),
  );
  const counts: SyncCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
  const seen = new Set<string>();

  for (const row of rows) {
    const key = keyOf(row);
    seen.add(key);
    const current = existing.get(key);
    if (!current) {
      db.insert(table).values(row as T['$inferInsert']).run();
      counts.inserted++;
      continue;
    }
    const protectedFields =
      options.userEdited && current[options.userEdited.marker] != null ? options.userEdited.fields : [];
    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(row)) {
      if (protectedFields.includes(field as keyof Row & string)) continue;
      if (current[field as keyof Row] !== value) changes[field] = value;
    }
    if (Object.keys(changes).length === 0) {
      counts.unchanged++;
    } else {
      db.update(table).set(changes as never).where(whereKey(row)).run();
      counts.updated++;
    }
  }

  if (options.deleteMissing) {
    for (const [key, row] of existing) {
      if (seen.has(key)) continue;
      db.delete(table).where(whereKey(row)).run();
      counts.deleted++;
    }
  }
  return counts;
}
