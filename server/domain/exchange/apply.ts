import { and, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableColumns } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { KIND_TABLES } from '../../../db/queries/data-kinds';
import { syncTable, type SyncCounts } from '../../../db/sync';
import { fieldOf, kindDef, type ExchangeKind } from '../data-kinds';
import type { ValidFile } from './validate';

export interface FileCounts {
  file: string;
  kind: ExchangeKind;
  added: number;
  changed: number;
  unchanged: number;
}

/**
 * Writes validated files: inserts new rows, updates rows whose values differ, never deletes
 * (an import adds to what is there). States files go first so the others can name new States.
 * The caller provides the transaction.
 */
export function applyFiles(db: Db, files: ValidFile[], now: string): FileCounts[] {
  const ordered = [...files.filter((f) => f.kind === 'states'), ...files.filter((f) => f.kind !== 'states')];
  const counts = new Map<ValidFile, FileCounts>();
  for (const file of ordered) {
    // A column the file left out is undefined: drop it, so that the stored value is neither compared nor written.
    const rows = (file.rows as object[]).map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)));
    const c = kindDef(file.kind).marksEdited ? applyEdits(db, file.kind, rows, now) : applySync(db, file.kind, rows);
    counts.set(file, { file: file.file, kind: file.kind, added: c.inserted, changed: c.updated, unchanged: c.unchanged });
  }
  // Reported in the order the user gave the files.
  return files.map((f) => counts.get(f)!);
}

const applySync = (db: Db, kind: ExchangeKind, rows: Record<string, unknown>[]): SyncCounts =>
  syncTable(db, KIND_TABLES[kind] as SQLiteTable, rows, { key: kindDef(kind).key.map(fieldOf) });

/**
 * Rows the seed also writes (States) are written here rather than with syncTable: syncTable leaves
 * a user-edited row alone, whereas an import is the user's edit. A row the import changes gets
 * `editedAt`, so that the seed no longer overrides it; an unchanged row keeps its marker as it was.
 */
function applyEdits(db: Db, kind: ExchangeKind, rows: Record<string, unknown>[], now: string): SyncCounts {
  const table = KIND_TABLES[kind] as SQLiteTable;
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const key = kindDef(kind).key.map(fieldOf);
  const counts: SyncCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
  for (const row of rows) {
    const where = and(...key.map((k) => eq(columns[k]!, row[k])));
    const current = db.select().from(table).where(where).get();
    if (!current) {
      db.insert(table).values({ ...row, editedAt: now } as never).run();
      counts.inserted++;
    } else if (Object.keys(row).some((k) => current[k] !== row[k])) {
      db.update(table).set({ ...row, editedAt: now }).where(where).run();
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  return counts;
}
