import type { NextFunction, Request, Response } from 'express';

/**
 * The public's GET answers (the API, the open-data files) may be read by any site's scripts: what
 * they hold is published for reuse. No credentials are allowed (`*` forbids them), so a signed-in
 * user's cookie never lends its drafts to another site. A preflight gets the methods and headers
 * a reader needs.
 */
export function publicCors(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
    next();
    return;
  }
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Expose-Headers', 'ETag');
  // helmet's default (same-origin) would stop another site's page from loading it.
  res.set('Cross-Origin-Resource-Policy', 'cross-origin');
  if (req.method === 'OPTIONS') {
    res.set('Access-Control-Allow-Methods', 'GET, HEAD');
    res.set('Access-Control-Allow-Headers', 'If-None-Match');
    res.set('Access-Control-Max-Age', '86400');
    res.status(204).end();
    return;
  }
  next();
}
