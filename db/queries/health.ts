import type { Db } from '../client';

/** drizzle-orm's record of the migrations applied to this database (see db/client.ts). */
export function appliedMigrations(db: Db): { count: number; latest: number | null } {
  const row = db.$client.prepare('SELECT count(*) AS count, max(created_at) AS latest FROM __drizzle_migrations').get() as {
    count: number;
    latest: number | null;
  };
  return { count: row.count, latest: row.latest === null ? null : Number(row.latest) };
}
