import type Database from 'better-sqlite3';

/**
 * Reads for health checks, backups and restores. They take the raw better-sqlite3 connection because
 * they also run on files that are not (yet) the dashboard's database: a backup being checked.
 */

/** drizzle-orm's record of the migrations applied (see db/client.ts); null when the table is absent. */
export function appliedMigrations(client: Database.Database): { count: number; latest: number | null } | null {
  const table = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return null;
  const row = client.prepare('SELECT count(*) AS count, max(created_at) AS latest FROM __drizzle_migrations').get() as {
    count: number;
    latest: number | string | null;
  };
  return { count: row.count, latest: row.latest === null ? null : Number(row.latest) };
}

/** SQLite's full check of the file: an empty list when it is sound. */
export function integrityProblems(client: Database.Database): string[] {
  const rows = client.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
}

/** The latest publication of a year (or revision), whichever year: what the public saw last. */
export function latestRelease(client: Database.Database): { year: number; revision: number; publishedAt: string } | null {
  const table = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'releases'").get();
  if (!table) return null;
  const row = client
    .prepare('SELECT year, revision, published_at AS publishedAt FROM releases ORDER BY published_at DESC, id DESC LIMIT 1')
    .get() as { year: number; revision: number; publishedAt: string } | undefined;
  return row ?? null;
}
