import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type session from 'express-session';
import { SESSION_COOKIE } from '../auth/session';
import type { KnownSessions } from '../auth/known-sessions';
import type { SqliteSessionStore } from '../auth/session-store';
import { cookieValue } from '../cookies';
import type { PrivateRenderCache } from '../private-render-cache';

interface Parts {
  pages: PrivateRenderCache;
  sessions: KnownSessions;
  store: SqliteSessionStore;
  /** The security headers every answer carries (server/security.ts). */
  headers: RequestHandler;
}

const reading = (req: Request) => req.method === 'GET' || req.method === 'HEAD';

/**
 * A page already kept for a signed-in session (server/private-render-cache.ts) is sent before the
 * session, the user, the form token and the routes are gone through again: these cost several times
 * what sending the page does (docs/performance.md). Safe because what decided that page — the
 * session's cookie, as express-session accepted it, its user and form token, the address — is all
 * in what is looked up, and is forgotten as soon as anything is written to the database
 * (server/auth/known-sessions.ts); the session must still be valid now, and its expiry still moves
 * as express-session would move it. Anything else — no kept page, a session not yet known, a
 * message waiting — goes the usual way, which keeps the page and remembers the session for next time.
 *
 * `serve` goes first, after the request log only; `remember` after the signed-in user is read.
 */
export function keptPagesFirst({ pages, sessions, store, headers }: Parts) {
  /** Pages sent by `serve` so far (tests read it: the usual way gives the same bytes). */
  const counts = { served: 0 };
  const serve = (req: Request, res: Response, next: NextFunction): void => {
    // Static files never come from here: not worth a look-up.
    const cookie = reading(req) && !req.url.startsWith('/static/') ? cookieValue(req, SESSION_COOKIE) : null;
    if (cookie === null) {
      next();
      return;
    }
    const versions = pages.versionsOf(res);
    const known = sessions.find(cookie, versions.writes);
    const page =
      known && store.isLive(known.sid, known.signedInAt)
        ? pages.find(versions, pages.keyOf(known.token, known.viewer, req.originalUrl))
        : undefined;
    if (!known || !page) {
      next();
      return;
    }
    req.viewer = known.viewer;
    counts.served++;
    // As express-session would at the end of the request: the store writes only when the expiry moves by a minute.
    store.touch(known.sid, { signedInAt: known.signedInAt } as session.SessionData);
    void headers(req, res, (error?: unknown) => (error ? next(error) : pages.send(req, res, next, page)));
  };

  const remember = (req: Request, res: Response, next: NextFunction): void => {
    const viewer = req.viewer;
    const token: unknown = res.locals.csrfToken;
    const signedInAt = req.session?.signedInAt;
    const cookie = viewer && reading(req) ? cookieValue(req, SESSION_COOKIE) : null;
    // Only the session express-session read from this very cookie (`s:` id `.` signature, checked),
    // with no message waiting (it is shown once).
    if (
      cookie !== null &&
      viewer &&
      typeof token === 'string' &&
      token !== '' &&
      typeof signedInAt === 'number' &&
      req.session.flash === undefined &&
      cookie.startsWith('s:') &&
      cookie.slice(2, cookie.lastIndexOf('.')) === req.sessionID
    ) {
      sessions.remember(cookie, pages.versionsOf(res).writes, { sid: req.sessionID, signedInAt, viewer, token });
    }
    next();
  };

  return { serve, remember, counts };
}
