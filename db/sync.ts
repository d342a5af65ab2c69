import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

export interface SyncCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface SyncOptions<Row> {
  /** Properties that identify a row. */
  key: (keyof Row & string)[];
  /** A row whose this property is not null was edited by a user: leave these properties alone. */
  userEdited?: { marker: keyof Row & string; fields: (keyof Row & string)[] };
  /**
   * The rows are a user's edit (an import): a row inserted or changed gets `marker = at`, so that
   * the seed no longer overrides it; an unchanged row keeps its marker as it was.
   */
  markEdited?: { marker: keyof Row & string; at: unknown };
  /** Delete rows the seed no longer lists (only for tables the seed alone owns). */
  deleteMissing?: boolean;
}

/** Rows per INSERT statement: well below SQLite's limit of 32 766 bound values for any table here. */
const INSERT_BATCH = 500;

/**
 * Brings a table in line with the given rows (the seed's, an import's), writing only what differs,
 * so that loading twice changes nothing and a corrected text is picked up at the next start.
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
  // Updates and deletes: one statement per set of columns, prepared once for the call and run with
  // each row's values, rather than a query built and prepared per row.
  const whereKey = (): SQL => and(...options.key.map((k) => eq(columns[k]!, sql.placeholder(`key_${k}`))))!;
  const keyParams = (row: Partial<Row>) => Object.fromEntries(options.key.map((k) => [`key_${k}`, row[k]]));
  const statements = new Map<string, { run: (params: Record<string, unknown>) => unknown }>();
  const prepared = (name: string, fields: string[], make: () => { run: (params: Record<string, unknown>) => unknown }) => {
    const id = `${name}:${fields.join(',')}`;
    let statement = statements.get(id);
    if (!statement) statements.set(id, (statement = make()));
    return statement;
  };
  // New rows go in by batches of one statement: SQLite's per-statement work (the audit trigger's
  // AUTOINCREMENT sequence among it) made one statement per row cost about 60 µs. A batch is
  // written before any other statement, so rows (and their audit entries) keep the input's order.
  // Each batch's statement is prepared once per shape (its fields and number of rows): drizzle
  // building a 500-row INSERT anew took about 0.25 ms per row, nine tenths of an import's time.
  // The values are encoded here as drizzle encodes a value it is given (null stays null, which its
  // placeholders would hand to the column's encoder); a field left undefined takes its default.
  let batch: Partial<Row>[] = [];
  let batchFields = '';
  const flush = () => {
    if (batch.length === 0) return;
    const fields = batchFields.split(',');
    const params: Record<string, unknown> = {};
    batch.forEach((row, i) =>
      fields.forEach((f) => {
        const value = row[f as keyof Row];
        params[`r${i}_${f}`] = value === null ? null : columns[f]!.mapToDriverValue(value);
      }),
    );
    prepared(`insert:${batch.length}`, fields, () =>
      db
        .insert(table)
        .values(
          batch.map((_, i) => Object.fromEntries(fields.map((f) => [f, sql`${sql.placeholder(`r${i}_${f}`)}`]))) as T['$inferInsert'][],
        )
        .prepare(),
    ).run(params);
    batch = [];
  };
  const insert = (row: Partial<Row>) => {
    const fields = Object.keys(row)
      .filter((field) => row[field as keyof Row] !== undefined)
      .join(',');
    if (fields !== batchFields || batch.length >= INSERT_BATCH) flush();
    batchFields = fields;
    batch.push(row);
  };
  const update = (row: Partial<Row>, changes: Record<string, unknown>) => {
    flush();
    const fields = Object.keys(changes);
    prepared('update', fields, () =>
      db
        .update(table)
        .set(Object.fromEntries(fields.map((f) => [f, sql.placeholder(`set_${f}`)])) as never)
        .where(whereKey())
        .prepare(),
    ).run({ ...Object.fromEntries(fields.map((f) => [`set_${f}`, changes[f]])), ...keyParams(row) });
  };
  const remove = (row: Partial<Row>) => {
    flush();
    prepared('delete', [], () => db.delete(table).where(whereKey()).prepare()).run(keyParams(row));
  };
  const existing = new Map(
    (
      db
        .select()
        .from(table as SQLiteTable)
        .all() as Row[]
    ).map((row) => [keyOf(row), row]),
  );
  const counts: SyncCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
  const seen = new Set<string>();

  for (const row of rows) {
    const key = keyOf(row);
    seen.add(key);
    const current = existing.get(key);
    const stamp = options.markEdited ? { [options.markEdited.marker]: options.markEdited.at } : {};
    if (!current) {
      insert({ ...row, ...stamp });
      counts.inserted++;
      continue;
    }
    const protectedFields = options.userEdited && current[options.userEdited.marker] != null ? options.userEdited.fields : [];
    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(row)) {
      if (protectedFields.includes(field)) continue;
      if (current[field as keyof Row] !== value) changes[field] = value;
    }
    if (Object.keys(changes).length === 0) {
      counts.unchanged++;
    } else {
      update(row, { ...changes, ...stamp });
      counts.updated++;
    }
  }

  flush();
  if (options.deleteMissing) {
    for (const [key, row] of existing) {
      if (seen.has(key)) continue;
      remove(row);
      counts.deleted++;
    }
  }
  return counts;
}
