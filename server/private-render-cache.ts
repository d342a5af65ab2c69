import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { LRUCache } from 'lru-cache';
import type { WorkspaceVersions } from '../db/queries/engine-data';
import type { Viewer } from './domain/permissions';
import { boundedCache, KeptBody, resized } from './kept-body';

type RenderCallback = (error: Error | null, html: string) => void;

/** What a kept page weighs besides its bytes (key, bookkeeping), so that small pages count too. */
const ENTRY_OVERHEAD = 512;

/**
 * Pages signed-in users are sent, rendered once per version of what they show and kept as bytes
 * (docs/architecture.md#data-version-and-caches): the dashboard with drafts, the report forms, the
 * journal, the meetings. The version (read once per request by `versionsOf`) moves with every change
 * to the data and the meetings, and with the hour (some pages say « aujourd’hui »), which empties
 * the cache.
 *
 * A page is kept per session — its form token, which the page carries — and per user (id, address,
 * role, mechanisms, language) and address asked for, so that permissions and anything else about the
 * user are part of what was rendered, and the bytes sent are the same on every request: nothing is
 * copied, encoded or compressed per request (each compressed copy is made once, server/kept-body.ts).
 * A kept page is found again either here, by the route, or before the session is even read
 * (server/middleware/kept-pages-first.ts), under the same key.
 *
 * Separate from the public cache (server/public-cache.ts): these pages are never shared between
 * users or sessions, nor with any other cache (`private, no-store`). Bounded in bytes, least
 * recently used out.
 */
export class PrivateRenderCache {
  private version = '';
  private readonly pages: LRUCache<string, KeptBody>;
  /**
   * Pages being rendered: a request for the same page meanwhile (the same session's tabs, a reload)
   * waits for that render instead of making its own (the pack takes a quarter of a second).
   */
  private readonly rendering = new Map<string, Promise<KeptBody | null>>();

  constructor(
    private readonly readVersions: () => WorkspaceVersions,
    maxBytes = 64 * 1024 * 1024,
  ) {
    this.pages = boundedCache<KeptBody>(maxBytes, (page, key) => page.bytes + key.length + ENTRY_OVERHEAD);
  }

  /** The versions as this request first read them: read once per request, whoever asks first. */
  versionsOf(res: Response): WorkspaceVersions {
    const locals = res.locals as { workspaceVersions?: WorkspaceVersions };
    return (locals.workspaceVersions ??= this.readVersions());
  }

  /** What a page is kept under: the session's token (its secret, which names it without its id), the user, the address. */
  keyOf(token: string, viewer: Viewer, url: string): string {
    return `${token}|${viewer.id}|${viewer.email}|${viewer.role}|${viewer.mechanisms.join(',')}|${viewer.locale}|${url}`;
  }

  /** The page kept under `key` for the current versions, if any (the cache is emptied when they have moved). */
  find(versions: WorkspaceVersions, key: string): KeptBody | undefined {
    return this.findAt(versionKey(versions), key);
  }

  private findAt(version: string, key: string): KeptBody | undefined {
    this.moveTo(version);
    return this.pages.get(key);
  }

  /** Sends a kept page as it is: the encoding the client takes best, never stored by anyone else. */
  send(req: Request, res: Response, next: NextFunction, page: KeptBody): void {
    const encoding = page.encodingFor(req);
    res.set('Cache-Control', 'private, no-store').type('html').vary('Accept-Encoding');
    page.send(res, next, encoding);
  }

  private moveTo(version: string): void {
    if (version === this.version) return;
    this.pages.clear();
    this.rendering.clear();
    this.version = version;
  }

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
    if (!viewer || flashWaiting || (req.method !== 'GET' && req.method !== 'HEAD') || typeof token !== 'string' || token === '') {
      next();
      return;
    }
    const version = versionKey(this.versionsOf(res));
    const key = this.keyOf(token, viewer, req.originalUrl);
    const kept = this.findAt(version, key);
    if (kept !== undefined) {
      this.send(req, res, next, kept);
      return;
    }
    const inFlight = this.rendering.get(key);
    if (inFlight !== undefined) {
      // Nothing to wait for if that render ends otherwise (an error, a redirect): this one renders.
      void inFlight.then((page) => (page ? this.send(req, res, next, page) : next()));
      return;
    }
    let settle: (page: KeptBody | null) => void = () => {
      // Replaced at once by the promise's resolve, below.
    };
    const rendered = new Promise<KeptBody | null>((resolve) => (settle = resolve));
    this.rendering.set(key, rendered);
    const finish = (page: KeptBody | null) => {
      if (this.rendering.get(key) === rendered) this.rendering.delete(key);
      settle(page);
    };
    // However the route answers; a promise settles once, so the page given by `store` stays.
    res.once('close', () => finish(null));
    const render = res.render.bind(res);
    res.render = ((view: string, options?: object | RenderCallback, callback?: RenderCallback) => {
      const done = typeof options === 'function' ? (options as RenderCallback) : callback;
      render(view, typeof options === 'function' ? {} : options, (error: Error | null, html: string) => {
        const page = !error && res.statusCode === 200 ? this.store(version, key, html) : null;
        finish(page);
        if (done) done(error, html);
        else if (error) next(error);
        else if (page) this.send(req, res, next, page);
        else res.send(html);
      });
    }) as Response['render'];
    next();
  };

  /** Keeps a page rendered from the current version; what to send either way. */
  private store(version: string, key: string, html: string): KeptBody {
    const page: KeptBody = new KeptBody(Buffer.from(html), () => resized(this.pages, key, page));
    // Rendered from data older than what the cache now holds: sent, not kept.
    if (version === this.version) this.pages.set(key, page);
    return page;
  }
}

/** The hour (UTC) is part of the version: some pages say « aujourd’hui ». */
const HOUR_MS = 60 * 60 * 1000;

const versionKey = (versions: WorkspaceVersions): string => `${versions.data}|${versions.meetings}|${Math.floor(Date.now() / HOUR_MS)}`;
