import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { meta } from '../schema';

/** Keys of the `meta` table. */
export const META = {
  /** Set to 'loaded' while the database holds the demonstration dataset. */
  demoData: 'demo_data',
  /** Set (to an ISO timestamp) once demonstration data has been cleared: it is not loaded again. */
  demoCleared: 'demo_cleared',
  /** Moved by triggers on every write to the meetings' tables (db/version-triggers.ts, migration 0010_meetings_version). */
  meetingsVersion: 'meetings_version',
  /** The build and seed files the catalogue and registry were last loaded from (seed/load.ts, loadSeedUnlessLoaded). */
  seedLoaded: 'seed_loaded',
} as const;

export function readMeta(db: Db, key: string): string | null {
  return db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string | null): void {
  if (value === null) {
    db.delete(meta).where(eq(meta.key, key)).run();
    return;
  }
  db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
}

export function isDemoDataLoaded(db: Db): boolean {
  return readMeta(db, META.demoData) === 'loaded';
}
