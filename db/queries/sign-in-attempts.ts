import { lt } from 'drizzle-orm';
import { withoutWaiting, isDatabaseBusy, type Db } from '../client';
import { signInAttempts } from '../schema';

/**
 * Deletes the sign-in counters that expired before `beforeMs`. Skipped without waiting while another
 * process holds the write lock: stale counters are harmless (the limiter ignores expired ones), a
 * failure here must never reach the server.
 */
export function deleteExpiredSignInAttempts(db: Db, beforeMs: number): number {
  try {
    return withoutWaiting(db, () => db.delete(signInAttempts).where(lt(signInAttempts.expire, beforeMs)).run().changes);
  } catch (error) {
    if (isDatabaseBusy(error)) return 0;
    throw error;
  }
}
