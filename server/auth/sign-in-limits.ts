import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import type { Db } from '../../db/client';
import { SIGN_IN_ATTEMPTS_TABLE, deleteExpiredSignInAttempts } from '../../db/queries/sign-in-attempts';

/** At most 5 failed attempts per account and address in 15 minutes, and 50 per address in an hour. */
export const ACCOUNT_LIMIT = { points: 5, duration: 15 * 60 };
export const ADDRESS_LIMIT = { points: 50, duration: 60 * 60 };
/** A counter older than the longest window counts for nothing: it may be swept. */
const LONGEST_WINDOW_MS = Math.max(ACCOUNT_LIMIT.duration, ADDRESS_LIMIT.duration) * 1000;

export type Reservation =
  | {
      ok: true;
      /** The password was right: the attempt does not count against the account nor the address. */
      succeeded: () => Promise<void>;
      /** The attempt was not checked after all (the server was too busy): it is given back. */
      cancelled: () => Promise<void>;
    }
  | { ok: false; msBeforeNext: number };

/**
 * The sign-in limits, counted in the database (table `sign_in_attempts`, rate-limiter-flexible's
 * SQLite store over better-sqlite3) so that a restart does not reset them. An attempt takes its
 * allowance *before* its password is checked: simultaneous attempts cannot all slip under the limit.
 */
export function signInLimits(db: Db) {
  const store = {
    storeClient: db.$client,
    storeType: 'better-sqlite3',
    tableName: SIGN_IN_ATTEMPTS_TABLE,
    // The table comes from the committed migrations (db/migrations), not from the library.
    tableCreated: true,
    // Not the library's own 5-minute timer: it runs outside any request, so a closed database or a
    // write lock held by an import would end the process (an unhandled rejection). Swept below instead.
    clearExpiredByTimeout: false,
  };
  let attempts = 0;
  const byAccount = new RateLimiterSQLite({ ...store, ...ACCOUNT_LIMIT, keyPrefix: 'compte' });
  const byAddress = new RateLimiterSQLite({ ...store, ...ADDRESS_LIMIT, keyPrefix: 'adresse' });

  return async function reserve(email: string, address: string): Promise<Reservation> {
    if (attempts++ % 100 === 0) deleteExpiredSignInAttempts(db, Date.now() - LONGEST_WINDOW_MS);
    const accountKey = `${email.toLowerCase()}|${address}`;
    const outcomes = await Promise.allSettled([byAccount.consume(accountKey), byAddress.consume(address)]);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    const error = refused.find((reason) => !(reason instanceof RateLimiterRes));
    // A failure of the store (not a refusal) goes to the error handler, as an Error.
    if (error !== undefined)
      throw error instanceof Error ? error : new Error('Échec du compteur de tentatives de connexion', { cause: error });
    if (refused.length) {
      return { ok: false, msBeforeNext: Math.max(...refused.map((r) => (r as RateLimiterRes).msBeforeNext)) };
    }
    return {
      ok: true,
      succeeded: async () => {
        await Promise.all([byAccount.delete(accountKey), byAddress.reward(address, 1)]);
      },
      cancelled: async () => {
        await Promise.all([byAccount.reward(accountKey, 1), byAddress.reward(address, 1)]);
      },
    };
  };
}
