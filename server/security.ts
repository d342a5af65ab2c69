import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';

/** Pages any site may show in a frame (« Intégrer »): /embed/… only. */
export const EMBED_PREFIX = '/embed/';

const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers with a strict Content-Security-Policy: scripts and styles only from our own
 * files, never inline, so that injected markup cannot run. No page may be framed (clickjacking),
 * except the embeds, made to be framed by any site: they hold no form and no link that acts, and
 * the same strict policy otherwise.
 */
export function securityHeaders() {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives } });
  const embeddable = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, frameAncestors: ['*'] } },
    // X-Frame-Options cannot say « any site »: frame-ancestors alone decides, for these pages.
    xFrameOptions: false,
  });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith(EMBED_PREFIX) && (req.method === 'GET' || req.method === 'HEAD') ? embeddable : strict)(req, res, next);
}
