import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { LRUCache } from 'lru-cache';
import type { DataSource } from './data-source';
import { BROTLI_QUALITY, compress, type Encoding } from './compression';
import { boundedCache, KeptBody, resized } from './kept-body';
import { silentLogger, type Logger } from './logger';
import { localePath } from './i18n/addresses';
import { DEFAULT_LOCALE } from './i18n/locale';

interface Entry {
  key: string;
  type: string;
  /** Download name, for files sent as attachments. */
  filename?: string;
  immutable: boolean;
  compressed: boolean;
  /** Digest of the body: each encoding's ETag is made from it. */
  digest: string;
  /** The body and its compressed copies, each made once. */
  kept: KeptBody;
  /** Brotli at its best quality (done in the background after a quick first one). */
  brotliBest: boolean;
}

export interface CacheOptions {
  /**
   * The query parameters the route reads. Every other one is ignored: it neither makes a new
   * entry nor reaches `build`, which sees only these (the first value of a repeated one).
   */
  query?: readonly string[];
}

export interface FileResponse extends CacheOptions {
  /** Content type, e.g. `text/csv; charset=utf-8`. */
  type: string;
  /** Sent as an attachment with this name when given. */
  filename?: string;
  /** What never changes once published (a given revision's files): cached by browsers for a year. */
  immutable?: boolean;
  /** Already compressed (a ZIP, an XLSX, a PNG): sent as it is, never compressed again. */
  compressed?: boolean;
  build: () => string | Buffer;
}

export interface PublicCacheOptions {
  /** The bound on what the cache holds, bodies and their compressed copies together, in bytes. */
  maxBytes: number;
  /** Where a failed background compression is logged. */
  logger?: Logger;
}

export interface PublicCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
}

/** Revalidated on every use (cheap: a 304), so that a new release shows at once. */
const REVALIDATE = 'public, no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An entry's own weight besides its bodies (key, headers, bookkeeping), so that small entries count too. */
const ENTRY_OVERHEAD = 512;
/** Bodies waiting for their best brotli compression, at most (the rest keep their quick one). */
const MAX_REFINE_QUEUE = 1000;
const ETAG_SUFFIX: Record<Encoding, string> = { identity: '', br: '-br', gzip: '-gz' };

/**
 * Everything the public is sent — pages, API answers, downloads — is built once per release and
 * kept as bytes with its ETag, so it is never recomputed between releases; a request carrying that
 * ETag gets a 304. Each body is compressed once per encoding (brotli, gzip), on first demand, with
 * its own ETag. Emptied when the public's data version moves.
 *
 * A visitor chooses URLs, so what they can make the cache hold is bounded twice: an entry is keyed
 * on what the route reads (its language, its path's parameters and the query parameters it declares), so junk
 * parameters or another spelling of the path never make a new one; and the whole is bounded in
 * bytes, the least recently used entry going first. A signed-in user's responses show drafts and
 * carry their name and form token: never cached, anywhere.
 */
export class PublicCache {
  private version = '';
  private readonly entries: LRUCache<string, Entry>;
  private readonly maxBytes: number;
  private readonly logger: Logger;
  private readonly refineQueue = new Set<string>();
  private refining = false;

  constructor(
    private readonly data: DataSource,
    { maxBytes, logger = silentLogger }: PublicCacheOptions,
  ) {
    this.maxBytes = maxBytes;
    this.logger = logger;
    // A bound of 0 keeps nothing: no entry weighs less than one byte.
    this.entries = boundedCache<Entry>(Math.max(1, maxBytes), (entry, key) => entry.kept.bytes + key.length + ENTRY_OVERHEAD);
  }

  /** Renders `view` with the locals `build` returns, or sends the kept page for this URL. */
  page(
    req: Request,
    res: Response,
    next: NextFunction,
    view: string,
    build: () => Record<string, unknown>,
    options: CacheOptions = {},
  ): void {
    const key = this.keyOf(req, options.query ?? []);
    const cached = this.lookup(req, key);
    if (cached) {
      this.send(req, res, next, cached);
      return;
    }
    const version = this.version;
    let locals: Record<string, unknown>;
    try {
      locals = build();
    } catch (error) {
      next(error);
      return;
    }
    res.render(view, locals, (error: Error | null, html: string) => {
      if (error) next(error);
      else
        this.respond(req, res, next, key, version, { body: html, type: 'text/html; charset=utf-8', immutable: false, compressed: false });
    });
  }

  /** Sends a JSON or CSV answer built by `file.build`, or the kept bytes for this URL. */
  file(req: Request, res: Response, next: NextFunction, file: FileResponse): void {
    const key = this.keyOf(req, file.query ?? []);
    const cached = this.lookup(req, key);
    if (cached) {
      this.send(req, res, next, cached);
      return;
    }
    const version = this.version;
    let body: string | Buffer;
    try {
      body = file.build();
    } catch (error) {
      next(error);
      return;
    }
    this.respondWithFile(req, res, next, key, version, file, body);
  }

  /**
   * As `file`, for a body built asynchronously (an image rendered off the event loop): built only
   * when the cache does not hold it already.
   */
  async fileAsync(
    req: Request,
    res: Response,
    next: NextFunction,
    file: Omit<FileResponse, 'build'> & { build: () => Promise<string | Buffer> },
  ): Promise<void> {
    const key = this.keyOf(req, file.query ?? []);
    const cached = this.lookup(req, key);
    if (cached) {
      this.send(req, res, next, cached);
      return;
    }
    const version = this.version;
    let body: string | Buffer;
    try {
      body = await file.build();
    } catch (error) {
      next(error);
      return;
    }
    this.respondWithFile(req, res, next, key, version, file, body);
  }

  /** Keeps and sends a file's body once built (by `file` or `fileAsync`). */
  private respondWithFile(
    req: Request,
    res: Response,
    next: NextFunction,
    key: string | null,
    version: string,
    file: Omit<FileResponse, 'build'>,
    body: string | Buffer,
  ): void {
    this.respond(req, res, next, key, version, {
      body,
      type: file.type,
      filename: file.filename,
      immutable: file.immutable ?? false,
      compressed: file.compressed ?? false,
    });
  }

  /** What the cache holds now (for tests and monitoring). */
  stats(): PublicCacheStats {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize, maxBytes: this.maxBytes };
  }

  /** The URLs whose answers the cache holds, in their canonical form, least recently used first. */
  keys(): string[] {
    return [...this.entries.rkeys()];
  }

  /**
   * The entry's key — the route's path with its parameters, and the declared query parameters, as a
   * URL — or null when the request spells the path in a way of its own (`/STATES/afg/`, `%41FG`):
   * answered, but not kept, since the page shows its own URL in its links. Hides the undeclared
   * query parameters from what follows.
   */
  private keyOf(req: Request, names: readonly string[]): string | null {
    const all = req.query as Record<string, unknown>;
    const query: Record<string, string> = {};
    for (const name of names) {
      const value = all[name];
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') query[name] = first;
    }
    // Express 5 parses `req.query` from the URL on each read: an own property takes precedence.
    Object.defineProperty(req, 'query', { value: query, configurable: true, enumerable: true, writable: true });
    const pattern: unknown = (req.route as { path?: unknown } | undefined)?.path;
    const params = req.params as Record<string, string>;
    const path =
      typeof pattern === 'string'
        ? req.baseUrl + pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
        : null;
    if (path === null || path !== req.baseUrl + req.path) return null;
    const search = new URLSearchParams(query).toString();
    // Each language's page is its own entry, under its own address (server/i18n/addresses.ts).
    const localised = localePath(req.locale ?? DEFAULT_LOCALE, path);
    return search ? `${localised}?${search}` : localised;
  }

  private lookup(req: Request, key: string | null): Entry | undefined {
    if (req.viewer) return undefined;
    const { version } = this.data('public');
    if (version !== this.version) {
      this.entries.clear();
      this.refineQueue.clear();
      this.version = version;
    }
    if (key === null) return undefined;
    return this.entries.get(key);
  }

  private respond(
    req: Request,
    res: Response,
    next: NextFunction,
    key: string | null,
    version: string,
    fresh: { body: string | Buffer; type: string; filename?: string; immutable: boolean; compressed: boolean },
  ): void {
    if (req.viewer) {
      res.set('Cache-Control', 'private, no-store').type(fresh.type);
      if (fresh.filename) res.attachment(fresh.filename);
      res.send(fresh.body);
      return;
    }
    const body = typeof fresh.body === 'string' ? Buffer.from(fresh.body) : fresh.body;
    const bytes = body.length + (key?.length ?? 0) + ENTRY_OVERHEAD;
    // Not kept — another spelling of the URL, data published meanwhile, too big for the bound — it
    // goes as any response built for one request: no ETag, compressed on the fly.
    if (key === null || version !== this.version || bytes > this.maxBytes) {
      res.set('Cache-Control', REVALIDATE).vary('Cookie').type(fresh.type);
      if (fresh.filename) res.attachment(fresh.filename);
      res.send(body);
      return;
    }
    // Built meanwhile by a concurrent request for the same URL: one entry, one ETag.
    const built = this.entries.get(key);
    if (built) {
      this.send(req, res, next, built);
      return;
    }
    const entry: Entry = {
      key,
      type: fresh.type,
      filename: fresh.filename,
      immutable: fresh.immutable,
      compressed: fresh.compressed,
      digest: createHash('sha1').update(body).digest('base64url'),
      kept: new KeptBody(body, () => {
        resized(this.entries, key, entry);
        // Its first brotli copy is the quick one: the best one is made in the background.
        if (!entry.brotliBest && entry.kept.has('br')) this.refine(key);
      }),
      brotliBest: false,
    };
    this.entries.set(key, entry);
    this.send(req, res, next, entry);
  }

  private send(req: Request, res: Response, next: NextFunction, entry: Entry): void {
    const encoding: Encoding = entry.compressed ? 'identity' : entry.kept.encodingFor(req);
    res.set('ETag', `W/"${entry.digest}${ETAG_SUFFIX[encoding]}"`);
    res.set('Cache-Control', entry.immutable ? IMMUTABLE : REVALIDATE);
    // The same URL answers a signed-in user differently, and each encoding has its own bytes:
    // shared caches must keep them apart.
    res.vary('Cookie');
    res.vary('Accept-Encoding');
    if (entry.filename) res.attachment(entry.filename);
    res.type(entry.type);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    entry.kept.send(res, next, encoding);
  }

  /**
   * Recompresses an entry's brotli copy at the best quality, one entry at a time in the background
   * (it takes up to a second or two of one core for the largest pages): the visitor got the quick
   * copy meanwhile. Both decode to the same bytes, hence share their weak ETag.
   */
  private refine(key: string): void {
    if (this.refineQueue.size >= MAX_REFINE_QUEUE) return;
    this.refineQueue.add(key);
    if (this.refining) return;
    this.refining = true;
    void (async () => {
      for (const next of this.refineQueue) {
        this.refineQueue.delete(next);
        const entry = this.entries.peek(next);
        if (!entry || entry.brotliBest || !entry.kept.has('br')) continue;
        try {
          const best = await compress(entry.kept.body, 'br', BROTLI_QUALITY.best);
          entry.brotliBest = true;
          entry.kept.replace('br', best);
        } catch (error) {
          this.logger.error({ err: error, key: next }, 'Compression brotli en arrière-plan échouée : la copie rapide reste servie.');
        }
      }
      this.refining = false;
    })();
  }
}
