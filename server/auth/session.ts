import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { Db } from '../../db/client';
import { readMeta, writeMeta } from '../../db/queries/meta';
import type { Config } from '../config';
import { cookieValue } from '../cookies';
import { SqliteSessionStore } from './session-store';

/**
 * A session lasts a working day at most from sign-in, whatever the activity, and ends sooner after
 * two hours without a request (README, « Security »). Signing in again starts a new one.
 */
export const SESSION_LIFETIMES = { absoluteMs: 12 * 60 * 60 * 1000, idleMs: 2 * 60 * 60 * 1000 };

export const SESSION_COOKIE = 'sra.sid';

/**
 * Sessions in SQLite, for signed-in users only: visitors get no cookie (`saveUninitialized: false`)
 * and no row, even on the sign-in page (its form has its own token, server/auth/sign-in-token.ts);
 * the cookie is HttpOnly, SameSite=Lax, and Secure when configured.
 */
export function sessionMiddleware(db: Db, config: Config, store: SqliteSessionStore): RequestHandler {
  const handler = session({
    name: SESSION_COOKIE,
    secret: secretOf(db, config),
    store,
    resave: false,
    saveUninitialized: false,
    // Behind an HTTPS proxy the request reaches us over HTTP: trust its X-Forwarded-Proto.
    proxy: config.secureCookies,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: SESSION_LIFETIMES.absoluteMs },
  });
  return (req, res, next) => {
    // A visitor reading pages has no session and needs none: skipping express-session spares the
    // public pages a random id per request. Writes still get one, so the CSRF check refuses them.
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (reading && cookieValue(req, SESSION_COOKIE) === null) {
      next();
      return;
    }
    handler(req, res, next);
  };
}

/** The sign-in page: its form is protected without a session (server/auth/sign-in-token.ts). */
export const SIGN_IN_PATH = '/connexion';

/** What signs the session cookies and the sign-in form's tokens. */
export const secretOf = (db: Db, config: Config): string => config.sessionSecret ?? storedSecret(db);

/** A random secret made on first start and kept in the database, so that sessions survive restarts. */
function storedSecret(db: Db): string {
  const key = 'session_secret';
  const existing = readMeta(db, key);
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  writeMeta(db, key, secret);
  return secret;
}
