import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** What the page at `path` says once, after the redirect that follows a change. */
    flash?: { path: string; message: string };
  }
}

/** A path without its query and trailing slash, so that `/espace` and `/espace/` are one page. */
const pagePath = (path: string): string => path.split('?')[0]!.replace(/(?<=.)\/+$/, '');

/**
 * Redirects to `path` (after a POST), which will say `message` once. The message travels in the
 * session, never in the address: a link anyone can write (`/espace?publiee=…`) would otherwise show
 * any text as a message of the site.
 */
export function redirectWithFlash(req: Request, res: Response, path: string, message: string, anchor = ''): void {
  req.session.flash = { path: pagePath(path), message };
  res.redirect(303, `${path}${anchor}`);
}

/** The message for this page, taken from the session (so a reload does not repeat it); null when none. */
export function takeFlash(req: Request): string | null {
  const flash = req.session?.flash;
  if (flash?.path !== pagePath(req.baseUrl + req.path)) return null;
  delete req.session.flash;
  return flash.message;
}
