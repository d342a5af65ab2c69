import { parse } from 'cookie';
import type { Request } from 'express';

/**
 * One cookie of the request, parsed as browsers send them (the `cookie` library, express's own):
 * express has no cookie parser, and a substring test would take `xsra.sid=` or a value containing
 * `sra.sid=` for the cookie. Null when the request has none of that name.
 */
export function cookieValue(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (header === undefined) return null;
  return parse(header)[name] ?? null;
}
