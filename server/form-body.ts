import type { Request } from 'express';

/**
 * The fields a request posted (express.urlencoded, not extended, or multer's text fields: one flat
 * name per field); an empty record when it posted none. express types `req.body` as `any`: here it
 * becomes a record whose values each reader still checks.
 */
export function formBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}
