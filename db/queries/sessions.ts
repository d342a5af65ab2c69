import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { buildOnce } from './prepared';
import { sessions } from '../schema';

/** The queries asked on every signed-in request, prepared once per connection. */
const prepared = (db: Db) =>
  buildOnce(db, 'sessionStore', (d) => ({
    read: d
      .select()
      .from(sessions)
      .where(eq(sessions.sid, sql.placeholder('sid')))
      .prepare(),
    touch: d
      .update(sessions)
      .set({ expiresAt: sql`${sql.placeholder('expiresAt')}` })
      .where(and(eq(sessions.sid, sql.placeholder('sid')), lt(sessions.expiresAt, sql.placeholder('before'))))
      .prepare(),
  }));

/** A session's row (its data as JSON, its expiry in milliseconds since the epoch), or undefined. */
export const readSession = (db: Db, sid: string) => prepared(db).read.get({ sid });

/** Moves a session's expiry to `expiresAt`, unless it was moved after `before` already; true when written. */
export const touchSession = (db: Db, sid: string, expiresAt: number, before: number): boolean =>
  prepared(db).touch.run({ sid, expiresAt, before }).changes > 0;

export function writeSession(db: Db, sid: string, values: { data: string; userId: number | null; expiresAt: number }): void {
  db.insert(sessions)
    .values({ sid, ...values })
    .onConflictDoUpdate({ target: sessions.sid, set: values })
    .run();
}

export function deleteSession(db: Db, sid: string): void {
  db.delete(sessions).where(eq(sessions.sid, sid)).run();
}

/** Deletes the sessions that expired before `now` (milliseconds since the epoch). */
export function deleteExpiredSessions(db: Db, now: number): void {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}
