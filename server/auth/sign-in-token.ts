import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { cookieValue } from '../cookies';
import { formBody } from '../form-body';

export const SIGN_IN_COOKIE = 'sra.signin';

const NONCE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The sign-in form's CSRF protection, without a session: a visitor reading `/connexion` must not
 * cost a session row. A signed double-submit cookie (OWASP's CSRF cheat sheet): the cookie holds a
 * random nonce, the form carries its HMAC under the server's secret; a POST passes only with both,
 * and another site can neither read the cookie nor compute the HMAC of one it planted.
 */
export function signInFormToken(secret: string, options: { secure: boolean; path: string; lifetimeMs: number }) {
  const key = createHmac('sha256', secret).update('sign-in form').digest();
  const sign = (nonce: string) => createHmac('sha256', key).update(nonce).digest('base64url');

  return {
    /**
     * The token for the form; sets the cookie unless the visitor has one already (two tabs stay
     * valid). `path` is the form's address in the page's language (`/en/connexion`).
     */
    issue(req: Request, res: Response, path = options.path): string {
      let nonce = cookieValue(req, SIGN_IN_COOKIE);
      if (nonce === null || !NONCE.test(nonce)) {
        nonce = randomBytes(32).toString('base64url');
        res.cookie(SIGN_IN_COOKIE, nonce, {
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secure,
          path,
          maxAge: options.lifetimeMs,
        });
      }
      return sign(nonce);
    },

    /** Whether the posted `_csrf` field is the HMAC of the cookie's nonce. */
    verify(req: Request): boolean {
      const nonce = cookieValue(req, SIGN_IN_COOKIE);
      const posted = formBody(req)._csrf;
      if (nonce === null || !NONCE.test(nonce) || typeof posted !== 'string') return false;
      const expected = Buffer.from(sign(nonce));
      const given = Buffer.from(posted);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
