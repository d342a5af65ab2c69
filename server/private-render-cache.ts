import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Stands for the session's CSRF token in a kept page; replaced by the real one on every answer. */
const TOKEN_MARK = `csrf-${randomBytes(16).toString('hex')}`;
/** What a token may contain to be put in a page unescaped (csrf-sync's are hex). */
const SAFE_TOKEN = /^[A-Za-z0-9_-]+$/;

type RenderCallback = (error: Error | null, html: string) => void;

/**
 * Pages signed-in users are sent, rendered once per version of what they show and kept as bytes
 * (docs/architecture.md#data-version-and-caches): the dashboard with drafts, the report forms, the journal, the meetings. The
 * version (`version()`) moves with every change to the data and the meetings, and with the hour
 * (some pages say « aujourd’hui »), which empties the cache. A page is kept per user, role and
 * mechanisms and address, so permissions and anything else about the user are part of what was
 * rendered; the session's form token is put in each time, so one user's sessions share the page.
 *
 * Separate from the public cache (server/public-cache.ts): these pages are never shared between
 * users nor with any other cache (`private, no-store`). Bounded in bytes, least recently used out.
 */
export class PrivateRenderCache {
  private version = '';
  private bytes = 0;
  /** The page's bytes around each place of the token: encoded once, not on every answer. */
  private readonly entries = new Map<string, Buffer[]>();

  constructor(
    private readonly currentVersion: () => string,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /**
   * Middleware for the pages a signed-in user reads that depend only on the data, the meetings,
   * the hour, the user and the address: sends the kept page, or lets the route render it and keeps
   * it when it is a 200.
   */
  readonly keep: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const viewer = req.viewer;
    const token: unknown = res.locals.csrfToken;
    // A message waiting in the session (server/middleware/flash.ts) is shown once: such an answer is
    // neither taken from the cache nor kept in it.
    const flashWaiting = req.session?.flash !== undefined;
    if (!viewer || flashWaiting || (req.method !== 'GET' && req.method !== 'HEAD') || typeof token !== 'string' || !SAFE_TOKEN.test(token)) {
      next();
      return;
    }
    const version = this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
    const key = `${viewer.id}|${viewer.role}|${viewer.mechanisms.join(',')}|${req.originalUrl}`;
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      // Most recently used last: the first entry is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, kept);
      const tokenBytes = Buffer.from(token);
      const body = Buffer.concat(kept.flatMap((part, i) => (i === 0 ? [part] : [tokenBytes, part])));
      res.set('Cache-Control', 'private, no-store').type('html').send(body);
      return;
    }
    res.locals.csrfToken = TOKEN_MARK;
    const render = res.render.bind(res);
    res.render = ((view: string, options?: object | RenderCallback, callback?: RenderCallback) => {
      const done = typeof options === 'function' ? options : callback;
      render(view, typeof options === 'function' ? {} : options, (error: Error | null, html: string) => {
        if (!error && res.statusCode === 200) this.store(version, key, html);
        const page = error ? html : html.replaceAll(TOKEN_MARK, token);
        if (done) done(error, page);
        else if (error) next(error);
        else res.send(page);
      });
    }) as Response['render'];
    next();
  };

  private store(version: string, key: string, html: string): void {
    // Rendered from data older than what the cache now holds: not kept.
    if (version !== this.version) return;
    const parts = html.split(TOKEN_MARK).map((part) => Buffer.from(part));
    const size = sizeOf(parts);
    if (size > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous !== undefined) this.bytes -= sizeOf(previous);
    this.entries.delete(key);
    while (this.bytes + size > this.maxBytes) {
      const [oldest, page] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(page);
    }
    this.entries.set(key, parts);
    this.bytes += size;
  }
}

function sizeOf(parts: Buffer[]): number {
  return parts.reduce((sum, part) => sum + part.length, 0);
}
