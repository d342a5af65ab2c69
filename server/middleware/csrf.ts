import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';
import { SIGN_IN_PATH } from '../auth/session';
import { formBody } from '../form-body';

/** The one route that receives files (server/routes/workspace/upload.ts). */
export const UPLOAD_PATH = '/espace/import';

const options = {
  // Forms post the token in a hidden field named `_csrf`.
  getTokenFromRequest: (req: Request) => {
    const token = formBody(req)._csrf;
    return typeof token === 'string' ? token : undefined;
  },
  size: 32,
};

const { csrfSynchronisedProtection } = csrfSync({
  ...options,
  // A multipart body is not parsed yet at this point: the upload route, and only it, checks after
  // parsing it. Any other multipart request is checked here, so it is refused. The sign-in form has
  // no session yet: its route checks its own token (server/auth/sign-in-token.ts).
  skipCsrfProtection: (req) =>
    (req.path === UPLOAD_PATH && req.is('multipart/form-data') === 'multipart/form-data') ||
    (req.path === SIGN_IN_PATH && req.method === 'POST'),
});

/**
 * The synchroniser-token pattern (csrf-sync): every form carries the session's token, and any
 * request that changes something without it is refused before it reaches a route.
 */
export const csrfProtection = csrfSynchronisedProtection;

/** For routes that parse their own body (uploads): the same check, without the multipart exemption. */
export const csrfCheckAfterParsing = csrfSync(options).csrfSynchronisedProtection;
