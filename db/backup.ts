import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { committedMigrations } from './migrations-journal';
import { appliedMigrations, integrityProblems, latestRelease } from './queries/maintenance';
import { LocalizedError } from '../server/i18n/localized-error';
import { MAINTENANCE_KEYS as KEYS } from '../server/cli/maintenance-messages';

/**
 * A refusal to show as it is: says what to do, and nothing was changed. Its `message` is French; the
 * commands word it in LANG's language with `in(locale)` (docs/i18n.md#the-command-line).
 */
export class MaintenanceError extends LocalizedError {}

/** What `checkDatabaseFile` checks, as its messages name it. */
export type CheckedFile = typeof KEYS.theCopy | typeof KEYS.theBackup;

export interface CopySummary {
  file: string;
  bytes: number;
  latestRelease: { year: number; revision: number; publishedAt: string } | null;
}

/**
 * Checks that `file` is a sound SQLite database of this dashboard — integrity_check passes and it has
 * drizzle's migrations table — and made by this version of the code or an earlier one (the server
 * applies the missing migrations at start; a later one's schema it cannot know).
 */
export function checkDatabaseFile(file: string, label: CheckedFile): CopySummary {
  const refusal = (key: string, vars: Record<string, unknown> = {}) =>
    new MaintenanceError(key, { file, ...vars }, undefined, { what: label });
  let client: Database.Database;
  try {
    client = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw refusal(KEYS.cannotOpen, { message: (err as Error).message });
  }
  try {
    let problems: string[];
    let migrations: ReturnType<typeof appliedMigrations>;
    try {
      problems = integrityProblems(client);
      migrations = appliedMigrations(client);
    } catch (err) {
      throw refusal(KEYS.unreadable, { message: (err as Error).message });
    }
    if (problems.length > 0) {
      throw refusal(KEYS.damaged, { problems: problems.slice(0, 3).join(' ; ') });
    }
    if (migrations === null || migrations.count === 0) {
      throw refusal(KEYS.notDashboard);
    }
    const committed = committedMigrations();
    if (committed.latest !== null && migrations.latest !== null && migrations.latest > committed.latest) {
      throw refusal(KEYS.newer);
    }
    return { file, bytes: fs.statSync(file).size, latestRelease: latestRelease(client) };
  } finally {
    client.close();
  }
}

/**
 * A consistent copy of the database at `databasePath` into `target`, with SQLite's online backup: the
 * server may keep serving and writing meanwhile. The copy is written beside the target under another
 * name, checked, then renamed: a failed backup leaves nothing that looks like one. An existing file is
 * never overwritten (it may be the only good backup).
 */
export async function backupDatabase(databasePath: string, target: string): Promise<CopySummary> {
  if (!fs.existsSync(databasePath)) throw new MaintenanceError(KEYS.noDatabase, { database: databasePath });
  if (fs.existsSync(target)) throw new MaintenanceError(KEYS.targetExists, { target });
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partiel`;
  fs.rmSync(partial, { force: true });
  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(partial);
  } finally {
    source.close();
  }
  let summary: CopySummary;
  try {
    summary = checkDatabaseFile(partial, KEYS.theCopy);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  // A rename changes no byte: the copy checked is the backup.
  fs.renameSync(partial, target);
  return { ...summary, file: target };
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/**
 * Replaces the database at `databasePath` with the backup `file`, after checking it. Refused while any
 * program has the database open. How that is known: every connection to a database in WAL mode
 * (the server, an import) holds a shared lock on it as long as it is open, so taking an exclusive lock
 * (`locking_mode = EXCLUSIVE` then `BEGIN EXCLUSIVE`) fails at once with SQLITE_BUSY if anyone else has
 * it open — a lock held by the operating system, which no crashed server leaves behind, unlike a pid file.
 * The lock is kept until the new file is in place. The replaced database is kept beside it.
 */
export async function restoreDatabase(databasePath: string, file: string): Promise<CopySummary & { previous: string | null }> {
  if (!fs.existsSync(file)) throw new MaintenanceError(KEYS.noFile, { file });
  if (fs.existsSync(databasePath) && fs.realpathSync(file) === fs.realpathSync(databasePath)) {
    throw new MaintenanceError(KEYS.isDatabase, { file });
  }
  checkDatabaseFile(file, KEYS.theBackup);

  let lock: Database.Database | null = null;
  if (fs.existsSync(databasePath)) {
    lock = new Database(databasePath, { fileMustExist: true });
    try {
      lock.pragma('busy_timeout = 0');
      lock.pragma('locking_mode = EXCLUSIVE');
      lock.exec('BEGIN EXCLUSIVE');
      lock.exec('COMMIT');
      // Everything of the old database into its main file, so that the copy kept beside is whole.
      lock.pragma('wal_checkpoint(TRUNCATE)');
      lock.pragma('journal_mode = DELETE');
    } catch (err) {
      lock.close();
      if ((err as { code?: string }).code === 'SQLITE_BUSY') {
        throw new MaintenanceError(KEYS.inUse, { database: databasePath });
      }
      throw err;
    }
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
    const incoming = `${databasePath}.restauration`;
    fs.rmSync(incoming, { force: true });
    const source = new Database(file, { fileMustExist: true });
    try {
      await source.backup(incoming);
    } finally {
      source.close();
    }
    const summary = checkDatabaseFile(incoming, KEYS.theCopy);
    let previous: string | null = null;
    if (lock) {
      previous = `${databasePath}.avant-restauration-${stamp(new Date())}`;
      fs.renameSync(databasePath, previous);
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
    fs.renameSync(incoming, databasePath);
    // A rename changes no byte: the copy checked is the restored database.
    return { ...summary, file: databasePath, previous };
  } finally {
    lock?.close();
  }
}
