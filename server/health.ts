import fs from 'node:fs';
import { withBusyTimeout, type Db } from '../db/client';
import { appliedMigrations } from '../db/queries/maintenance';
import { BUILD_ID, VERSION } from './build-info';
import { committedMigrations } from '../db/migrations-journal';

/** Device and inode of the database file as opened: a file removed or replaced underneath shows as a change. */
function fileIdentity(file: string): string | null {
  if (file === ':memory:') return 'memory';
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

export interface Health {
  status: 'ok' | 'error';
  version: string;
  build: string | null;
  database: 'ok' | 'missing' | 'replaced' | 'unreachable';
  migrations: { applied: number | null; expected: number; upToDate: boolean };
}

/** Short wait for a lock held by another program: a health check must answer, not hang the server. */
const HEALTH_BUSY_TIMEOUT_MS = 200;

/**
 * What "healthy" means, cheaply (a few microseconds): the file we opened is still the one at the
 * configured path (an open SQLite handle keeps working on a deleted file, so the query alone would
 * not notice), the connection answers a read of the migrations table, and every migration this code
 * carries is applied. `PRAGMA quick_check` would read the whole file: too slow for a probe.
 */
export function healthChecker(db: Db, databasePath: string): () => Health {
  const opened = fileIdentity(databasePath);
  const expected = committedMigrations();
  return () => {
    const base = { version: VERSION, build: BUILD_ID };
    const now = fileIdentity(databasePath);
    const fileProblem = now === null ? 'missing' : now !== opened ? 'replaced' : null;
    let applied: { count: number; latest: number | null } | null = null;
    try {
      applied = withBusyTimeout(db.$client, HEALTH_BUSY_TIMEOUT_MS, () => appliedMigrations(db.$client));
    } catch {
      // Unreachable: `applied` stays null.
    }
    const upToDate = applied !== null && applied.count === expected.count && applied.latest === expected.latest;
    const database = fileProblem ?? (applied === null ? 'unreachable' : 'ok');
    return {
      status: database === 'ok' && upToDate ? 'ok' : 'error',
      ...base,
      database,
      migrations: { applied: applied?.count ?? null, expected: expected.count, upToDate },
    };
  };
}
