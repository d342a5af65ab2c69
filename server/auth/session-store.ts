import { and, eq, lt, sql } from 'drizzle-orm';
import session from 'express-session';
import { whenNotBusy, withoutWaiting, type Db } from '../../db/client';
import { buildOnce } from '../../db/queries/prepared';
import { sessions } from '../../db/schema';

type Callback = (error?: unknown, value?: session.SessionData | null) => void;

/** How long a session lasts: from sign-in whatever the activity, and since the last request. */
export interface SessionLifetimes {
  absoluteMs: number;
  idleMs: number;
}

/**
 * express-session touches the session on every request to move its expiry; writing it only when it
 * moves by more than this spares a database write (and its sync to disk) on almost every request.
 */
export const TOUCH_EVERY_MS = 60 * 1000;

/** Sessions whose stored expiry the store remembers, at most (each entry: an id and a number). */
const MAX_REMEMBERED = 100_000;

/** The queries asked on every signed-in request, prepared once per connection. */
const queries = (db: Db) =>
  buildOnce(db, 'sessionStore', (d) => ({
    read: d.select().from(sessions).where(eq(sessions.sid, sql.placeholder('sid'))).prepare(),
    touch: d
      .update(sessions)
      .set({ expiresAt: sql`${sql.placeholder('expiresAt')}` })
      .where(and(eq(sessions.sid, sql.placeholder('sid')), lt(sessions.expiresAt, sql.placeholder('before'))))
      .prepare(),
  }));

/**
 * express-session's store in the application's own SQLite database, in a table of the committed
 * schema, so that sessions survive restarts, and disabling an account or changing its password
 * can end its sessions (the `user_id` column).
 *
 * The store, not the cookie, decides when a session ends: a row's `expires_at` is the earlier of
 * the sign-in time plus the absolute lifetime and the last request plus the idle time, and each
 * request that finds the session moves it (express-session calls `touch`).
 */
export class SqliteSessionStore extends session.Store {
  private writes = 0;
  /**
   * The expiry each session has in its row, as this process last read or wrote it: a touch that would
   * not move it by TOUCH_EVERY_MS is skipped without asking the database (on almost every request).
   * Only sessions found in the database have an entry; it is forgotten when the session ends.
   */
  private readonly stored = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly lifetimes: SessionLifetimes,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  override get(sid: string, callback: Callback): void {
    this.attempt(callback, () => {
      const row = queries(this.db).read.get({ sid });
      if (!row) {
        this.stored.delete(sid);
        return null;
      }
      const data = JSON.parse(row.data) as session.SessionData;
      if (row.expiresAt <= this.now() || this.expiry(data) <= this.now()) {
        this.stored.delete(sid);
        this.db.delete(sessions).where(eq(sessions.sid, sid)).run();
        return null;
      }
      this.remember(sid, row.expiresAt);
      return data;
    });
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    this.attempt(callback, () => {
      const values = { data: JSON.stringify(data), userId: data.userId ?? null, expiresAt: this.expiry(data) };
      this.db.insert(sessions).values({ sid, ...values }).onConflictDoUpdate({ target: sessions.sid, set: values }).run();
      this.remember(sid, values.expiresAt);
      // Expired sessions are swept now and then rather than on a timer.
      if (++this.writes % 100 === 1) {
        this.db.delete(sessions).where(lt(sessions.expiresAt, this.now())).run();
        for (const [known, expiresAt] of this.stored) if (expiresAt < this.now()) this.stored.delete(known);
      }
    });
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.attempt(callback, () => {
      this.stored.delete(sid);
      this.db.delete(sessions).where(eq(sessions.sid, sid)).run();
    });
  }

  /**
   * The idle expiry is thus exact to within TOUCH_EVERY_MS. Skipped, without waiting, while another
   * process (an import) holds the write lock: the session stays valid until its current expiry, and
   * a failure here would only come after the page was sent.
   */
  override touch(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    this.attempt(callback, () => {
      const expiresAt = this.expiry(data);
      const before = expiresAt - TOUCH_EVERY_MS;
      const known = this.stored.get(sid);
      if (known !== undefined && known >= before) return;
      const written = whenNotBusy(undefined, () => withoutWaiting(this.db, () => queries(this.db).touch.run({ sid, expiresAt, before })));
      if (written !== undefined && written.changes > 0) this.remember(sid, expiresAt);
    });
  }

  private remember(sid: string, expiresAt: number): void {
    // A bound on memory whatever happens: forgetting only costs a write.
    if (this.stored.size >= MAX_REMEMBERED && !this.stored.has(sid)) this.stored.clear();
    this.stored.set(sid, expiresAt);
  }

  /** A session without a sign-in time (none is written any more) ends at once. */
  private expiry(data: session.SessionData): number {
    const now = this.now();
    const signedInAt = typeof data.signedInAt === 'number' ? data.signedInAt : now - this.lifetimes.absoluteMs;
    return Math.min(signedInAt + this.lifetimes.absoluteMs, now + this.lifetimes.idleMs);
  }

  private attempt<T>(callback: ((error?: unknown, value?: T) => void) | undefined, work: () => T): void {
    let value: T;
    try {
      value = work();
    } catch (error) {
      callback?.(error);
      return;
    }
    callback?.(undefined, value);
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    /** When the user signed in (milliseconds since the epoch): the session ends 12 hours later. */
    signedInAt?: number;
  }
}
