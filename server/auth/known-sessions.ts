import { LRUCache } from 'lru-cache';
import type { Viewer } from '../domain/permissions';

/** What a signed-in request found about its session and user, to answer the next GET without reading them again. */
export interface KnownSession {
  /** The session's id, as express-session read it from the cookie after checking its signature. */
  sid: string;
  /** When the user signed in: the session's lifetime runs from then (server/auth/session-store.ts). */
  signedInAt: number;
  viewer: Viewer;
  /** The session's form token (csrf-sync keeps it in the session). */
  token: string;
}

/** Sessions remembered at most: each entry is a few hundred bytes. */
const MAX_KNOWN = 10_000;

/**
 * The sessions and users signed-in requests found, by the exact value of their session cookie, for
 * as long as nothing at all is written to the database (`writes`, db/queries/engine-data.ts
 * workspaceVersions()): a sign-out, a disabled account, a new password, a role or language changed,
 * a session's expiry moved — from this process, whatever code or SQL did it, or from another —
 * forgets them all, and the next request of each session reads its session and user again.
 *
 * Only a cookie value express-session accepted (its signature checked) is ever remembered, so a
 * forged cookie finds nothing here and goes the usual way.
 */
export class KnownSessions {
  private writes = '';
  private readonly byCookie = new LRUCache<string, KnownSession>({ max: MAX_KNOWN });

  /** The session the cookie `cookie` named when the database was last at `writes`, if still at it. */
  find(cookie: string, writes: string): KnownSession | undefined {
    if (writes !== this.writes) {
      this.byCookie.clear();
      this.writes = writes;
      return undefined;
    }
    return this.byCookie.get(cookie);
  }

  /**
   * Remembers what a request read after finding the database at `writes` (read before its session
   * and user), unless another request has found it elsewhere since: what was read may then be stale.
   */
  remember(cookie: string, writes: string, known: KnownSession): void {
    if (writes === this.writes) this.byCookie.set(cookie, known);
  }
}
