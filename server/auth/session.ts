import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { Db } from '../../db/client';
import { readMeta, writeMeta } from '../../db/queries/meta';
import type { Config } from '../config';
import { SqliteSessionStore } from './session-store';

/** A session lasts a working day; signing in again renews it. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export const SESSION_COOKIE = 'sra.sid';

/**
 * Sessions in SQLite. Visitors who never sign in get no cookie (`saveUninitialized: false`), so
 * public pages stay cacheable; the cookie is HttpOnly, SameSite=Lax, and Secure when configured.
 */
export function sessionMiddleware(db: Db, config: Config): RequestHandler {
  const handler = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret ?? storedSecret(db),
    store: new SqliteSessionStore(db, SESSION_LIFETIME_MS),
    resave: false,
    saveUninitialized: false,
    // Behind an HTTPS proxy the request reaches us over HTTP: trust its X-Forwarded-Proto.
    proxy: config.secureCookies,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: SESSION_LIFETIME_MS },
  });
  return (req, res, next) => {
    // A visitor reading pages has no session and needs none: skipping express-session spares the
    // public pages a random id per request. Writes still get one, so the CSRF check refuses them.
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (reading && req.path !== SIGN_IN_PATH && !req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) {
      next();
      return;
    }
    handler(req, res, next);
  };
}

/** The one page that gives a visitor a session: its form carries a CSRF token. */
export const SIGN_IN_PATH = '/connexion';

/** A random secret made on first start and kept in the database, so that sessions survive restarts. */
function storedSecret(db: Db): string {
  const key = 'session_secret';
  const existing = readMeta(db, key);
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  writeMeta(db, key, secret);
  return secret;
}
