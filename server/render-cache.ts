import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from './data-source';

interface Entry {
  html: string;
  etag: string;
}

/**
 * Rendered pages kept per data version: a page is computed and rendered once, then served as
 * bytes until the data changes. Bounded, and emptied whenever the version moves. Only the public's
 * pages are kept: a signed-in user's page shows drafts and carries their name and form token.
 */
export class RenderCache {
  private version = '';
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly data: DataSource,
    private readonly maxEntries = 1000,
  ) {}

  /** Renders `view` with the locals `build` returns, or sends the cached page for this URL. */
  render(req: Request, res: Response, next: NextFunction, view: string, build: () => Record<string, unknown>): void {
    const cacheable = !req.viewer;
    const key = req.originalUrl;
    if (cacheable) {
      const { version } = this.data('public');
      if (version !== this.version) {
        this.entries.clear();
        this.version = version;
      }
      const cached = this.entries.get(key);
      if (cached) {
        this.send(req, res, cached);
        return;
      }
    }
    let locals: Record<string, unknown>;
    try {
      locals = build();
    } catch (error) {
      next(error);
      return;
    }
    res.render(view, locals, (error: Error | null, html: string) => {
      if (error) {
        next(error);
        return;
      }
      if (!cacheable) {
        res.set('Cache-Control', 'private, no-store').type('html').send(html);
        return;
      }
      const entry = { html, etag: `W/"${createHash('sha1').update(html).digest('base64url')}"` };
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
      this.send(req, res, entry);
    });
  }

  private send(req: Request, res: Response, entry: Entry): void {
    res.set('ETag', entry.etag);
    res.set('Cache-Control', 'no-cache');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type('html').send(entry.html);
  }
}
