import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../../db/client';
import { readViewer } from '../../db/queries/users';
import type { Viewer } from '../domain/permissions';
import { HttpError } from '../http-error';
import { t } from '../i18n/translate';

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in user; null for a visitor. */
    viewer: Viewer | null;
  }
}

/** Reads the signed-in user on every request, so that a disabled account loses access at once. */
export function viewerMiddleware(db: Db) {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = req.session?.userId;
    req.viewer = id === undefined ? null : readViewer(db, id);
    if (id !== undefined && req.viewer === null) delete req.session.userId;
    res.locals.viewer = req.viewer;
    // Signed-in pages carry the sign-out form, hence a token; visitors get one only on the sign-in page.
    if (req.viewer && req.csrfToken) res.locals.csrfToken = req.csrfToken();
    next();
  };
}

/** Pages of the workspace: signed-in users only. A visitor asking for a page is sent to the sign-in page. */
export function requireViewer(req: Request, res: Response, next: NextFunction): void {
  if (req.viewer) {
    next();
    return;
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    res.redirect(303, `/connexion?retour=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  next(new HttpError(401, t(req.locale, 'workspace.denied.signInTitle'), t(req.locale, 'workspace.denied.signIn')));
}

/** Refuses the request unless `allowed` holds for the signed-in user; `whatKey` names the message saying what is refused. */
export function requireRole(allowed: (viewer: Viewer) => boolean, whatKey: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.viewer) {
      requireViewer(req, _res, next);
      return;
    }
    if (!allowed(req.viewer)) {
      next(
        new HttpError(
          403,
          t(req.locale, 'workspace.denied.title'),
          t(req.locale, 'workspace.denied.message', { what: t(req.locale, whatKey) }),
        ),
      );
      return;
    }
    next();
  };
}
