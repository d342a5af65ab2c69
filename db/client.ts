import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { projectPath } from '../server/project-root';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = projectPath('db', 'migrations');

/** How long a write waits for another connection's write lock before giving up (README.md#configuration). */
/**
 * Runs `write` in one transaction, immediate by default (the write lock is taken at once). drizzle
 * types a transaction apart from the database, but it runs the same queries on the same
 * connection: it is handed on as a `Db`, so that every query function takes either. The one
 * place that says so.
 */
export function inTransaction<T>(db: Db, write: (tx: Db) => T, behavior: 'deferred' | 'immediate' | 'exclusive' = 'immediate'): T {
  return db.transaction((tx) => write(tx as unknown as Db), { behavior });
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the SQLite database at `file` — or an in-memory one for ':memory:' —
 * with WAL and foreign keys on, and brings its schema up to date with the committed migrations.
 */
export function openDatabase(file: string, options: { busyTimeoutMs?: number } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Another process (an import) may hold the write lock for a moment: wait that long, then fail
  // with SQLITE_BUSY (see `isDatabaseBusy`) rather than forever.
  const sqlite = new Database(file, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

/**
 * Whether `error` says another connection held the write lock longer than the busy timeout:
 * nothing was written, and trying again later may succeed.
 */
export function isDatabaseBusy(error: unknown): boolean {
  // By its code, not `instanceof`: better-sqlite3's native part keeps the first SqliteError class it
  // was given, which is another one when the module is loaded twice (jest's registries).
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** `write()`, or `busy` when another connection held the write lock too long (nothing was written then). */
export function whenNotBusy<T, B>(busy: B, write: () => T): T | B {
  try {
    return write();
  } catch (error) {
    if (isDatabaseBusy(error)) return busy;
    throw error;
  }
}

/**
 * How long one statement of the server waits for another connection's write lock. Short, because
 * better-sqlite3 waits synchronously: every other request would wait as long. Forms wait longer by
 * trying again off the event loop (`retryWhileBusy`).
 */
export const SERVER_STATEMENT_BUSY_MS = 100;

/**
 * Runs `attempt` until its outcome is not `isBusy`, or until `budgetMs` have passed, pausing between
 * tries without holding the event loop, so that other requests are served while an import (another
 * process) holds the write lock. Returns the last outcome.
 */
export async function retryWhileBusy<T>(attempt: () => T, isBusy: (outcome: T) => boolean, budgetMs: number, pauseMs = 100): Promise<T> {
  const started = Date.now();
  for (;;) {
    const outcome = attempt();
    if (!isBusy(outcome) || Date.now() - started + pauseMs > budgetMs) return outcome;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/**
 * `write()` without waiting for another connection's write lock: for writes that may be skipped
 * (a session's expiry pushed back), which should never hold up the server for the busy timeout.
 * Throws SQLITE_BUSY at once when the lock is taken.
 */
export function withoutWaiting<T>(db: Db, write: () => T): T {
  return withBusyTimeout(db.$client, 0, write);
}

/** `work()` with the connection's wait for another connection's write lock set to `ms`, then restored. */
export function withBusyTimeout<T>(client: Database.Database, ms: number, work: () => T): T {
  const usual = client.pragma('busy_timeout', { simple: true }) as number;
  client.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  try {
    return work();
  } finally {
    client.pragma(`busy_timeout = ${Number(usual)}`);
  }
}
