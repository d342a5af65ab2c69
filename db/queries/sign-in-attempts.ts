import { getTableName, lt } from 'drizzle-orm';
import { whenNotBusy, withoutWaiting, type Db } from '../client';
import { signInAttempts } from '../schema';

/** The table rate-limiter-flexible keeps the sign-in counters in (server/auth/sign-in-limits.ts). */
export const SIGN_IN_ATTEMPTS_TABLE = getTableName(signInAttempts);

/**
 * Deletes the sign-in counters that expired before `beforeMs`. Skipped without waiting while another
 * process holds the write lock: stale counters are harmless (the limiter ignores expired ones), a
 * failure here must never reach the server.
 */
export function deleteExpiredSignInAttempts(db: Db, beforeMs: number): number {
  return whenNotBusy(0, () => withoutWaiting(db, () => db.delete(signInAttempts).where(lt(signInAttempts.expire, beforeMs)).run().changes));
}
