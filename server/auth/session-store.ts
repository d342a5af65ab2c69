import session from 'express-session';
import { whenNotBusy, withoutWaiting, type Db } from '../../db/client';
import { deleteExpiredSessions, deleteSession, readSession, touchSession, writeSession } from '../../db/queries/sessions';

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
      const row = readSession(this.db, sid);
      if (!row) {
        this.stored.delete(sid);
        return null;
      }
      const data = JSON.parse(row.data) as session.SessionData;
      if (row.expiresAt <= this.now() || this.expiry(data) <= this.now()) {
        this.stored.delete(sid);
        deleteSession(this.db, sid);
        return null;
      }
      this.remember(sid, row.expiresAt);
      return data;
    });
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    this.attempt(callback, () => {
      const values = { data: JSON.stringify(data), userId: data.userId ?? null, expiresAt: this.expiry(data) };
      writeSession(this.db, sid, values);
      this.remember(sid, values.expiresAt);
      // Expired sessions are swept now and then rather than on a timer.
      if (++this.writes % 100 === 1) {
        deleteExpiredSessions(this.db, this.now());
        for (const [known, expiresAt] of this.stored) if (expiresAt < this.now()) this.stored.delete(known);
      }
    });
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.attempt(callback, () => {
      this.stored.delete(sid);
      deleteSession(this.db, sid);
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
      const written = whenNotBusy(false, () => withoutWaiting(this.db, () => touchSession(this.db, sid, expiresAt, before)));
      if (written) this.remember(sid, expiresAt);
    });
  }

  /**
   * Whether a session this process read earlier, signed in at `signedInAt`, is still valid now, as
   * get() would find it: false when its row's expiry (as last read or written here) or its own has
   * passed, or when this process does not know its row (get() must read it).
   */
  isLive(sid: string, signedInAt: number): boolean {
    const now = this.now();
    const stored = this.stored.get(sid);
    return stored !== undefined && stored > now && this.expiry({ signedInAt } as session.SessionData) > now;
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
