import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from './data-source';

interface Entry {
  body: string;
  type: string;
  etag: string;
  /** Download name, for files sent as attachments. */
  filename?: string;
  immutable: boolean;
}

export interface FileResponse {
  /** Content type, e.g. `text/csv; charset=utf-8`. */
  type: string;
  /** Sent as an attachment with this name when given. */
  filename?: string;
  /** What never changes once published (a given revision's files): cached by browsers for a year. */
  immutable?: boolean;
  build: () => string;
}

/** Revalidated on every use (cheap: a 304), so that a new release shows at once. */
const REVALIDATE = 'public, no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Everything the public is sent — pages, API answers, downloads — is built once per release and
 * kept as bytes with its ETag, so it is never recomputed between releases; a request carrying that
 * ETag gets a 304. Bounded, and emptied when the public's data version moves. A signed-in user's
 * responses show drafts and carry their name and form token: never cached, anywhere.
 */
export class PublicCache {
  private version = '';
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly data: DataSource,
    private readonly maxEntries = 2000,
  ) {}

  /** Renders `view` with the locals `build` returns, or sends the kept page for this URL. */
  page(req: Request, res: Response, next: NextFunction, view: string, build: () => Record<string, unknown>): void {
    const cached = this.lookup(req);
    if (cached) {
      this.send(req, res, cached);
      return;
    }
    let locals: Record<string, unknown>;
    try {
      locals = build();
    } catch (error) {
      next(error);
      return;
    }
    res.render(view, locals, (error: Error | null, html: string) => {
      if (error) next(error);
      else this.respond(req, res, { body: html, type: 'text/html; charset=utf-8', immutable: false });
    });
  }

  /** Sends a JSON or CSV answer built by `file.build`, or the kept bytes for this URL. */
  file(req: Request, res: Response, next: NextFunction, file: FileResponse): void {
    const cached = this.lookup(req);
    if (cached) {
      this.send(req, res, cached);
      return;
    }
    let body: string;
    try {
      body = file.build();
    } catch (error) {
      next(error);
      return;
    }
    this.respond(req, res, { body, type: file.type, filename: file.filename, immutable: file.immutable ?? false });
  }

  private lookup(req: Request): Entry | undefined {
    if (req.viewer) return undefined;
    const { version } = this.data('public');
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    return this.entries.get(req.originalUrl);
  }

  private respond(req: Request, res: Response, fresh: Omit<Entry, 'etag'>): void {
    if (req.viewer) {
      res.set('Cache-Control', 'private, no-store').type(fresh.type);
      if (fresh.filename) res.attachment(fresh.filename);
      res.send(fresh.body);
      return;
    }
    const entry: Entry = { ...fresh, etag: `W/"${createHash('sha1').update(fresh.body).digest('base64url')}"` };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(req.originalUrl, entry);
    this.send(req, res, entry);
  }

  private send(req: Request, res: Response, entry: Entry): void {
    res.set('ETag', entry.etag);
    res.set('Cache-Control', entry.immutable ? IMMUTABLE : REVALIDATE);
    // The same URL answers a signed-in user differently: shared caches must keep them apart.
    res.vary('Cookie');
    if (entry.filename) res.attachment(entry.filename);
    res.type(entry.type);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.send(entry.body);
  }
}
