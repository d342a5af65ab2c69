import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { BROTLI_QUALITY, COMPRESSION_THRESHOLD, compress, preferredEncoding, type Compressed, type Encoding } from './compression';

/**
 * A response body kept as bytes, with its compressed copies: each made once, on first demand,
 * whatever the number of requests waiting for it (the public cache's pages and files, the pages kept
 * for signed-in users). Sending one costs no encoding, no compression, no copy.
 */
export class KeptBody {
  private readonly copies: Partial<Record<Compressed, Buffer>> = {};
  /** Compressions under way, awaited by every request that needs them. */
  private readonly pending: Partial<Record<Compressed, Promise<Buffer>>> = {};

  /** `grown` is called when a compressed copy is added or replaced, so that the cache holding it counts it. */
  constructor(
    readonly body: Buffer,
    private readonly grown: () => void = () => {
      // A body no cache counts: nothing to tell.
    },
  ) {}

  /** The body and its compressed copies, in bytes. */
  get bytes(): number {
    return this.body.length + (this.copies.br?.length ?? 0) + (this.copies.gzip?.length ?? 0);
  }

  /** What `req` is sent: the best encoding it accepts, none for a body too small to gain from one. */
  encodingFor(req: Request): Encoding {
    return this.body.length < COMPRESSION_THRESHOLD ? 'identity' : preferredEncoding(req);
  }

  has(encoding: Compressed): boolean {
    return this.copies[encoding] !== undefined;
  }

  /** The body in `encoding`, compressed once (brotli at the quick quality: a visitor waits for it). */
  encoded(encoding: Compressed): Promise<Buffer> {
    const ready = this.copies[encoding];
    if (ready) return Promise.resolve(ready);
    this.pending[encoding] ??= compress(this.body, encoding, BROTLI_QUALITY.quick).then(
      (copy) => {
        delete this.pending[encoding];
        this.keep(encoding, copy);
        return copy;
      },
      (error: unknown) => {
        delete this.pending[encoding];
        throw error;
      },
    );
    return this.pending[encoding];
  }

  /** Keeps a smaller copy that decodes to the same bytes (brotli at its best quality, made later). */
  replace(encoding: Compressed, copy: Buffer): void {
    const current = this.copies[encoding];
    if (current && copy.length < current.length) this.keep(encoding, copy);
  }

  /**
   * Sends the body in `encoding`, the response's other headers already set. Content-Encoding is said
   * here, so that the compression middleware (server/compression.ts) leaves the bytes as they are.
   */
  send(res: Response, next: NextFunction, encoding: Encoding): void {
    if (encoding === 'identity') {
      res.send(this.body);
      return;
    }
    const sendCopy = (copy: Buffer) => {
      res.set('Content-Encoding', encoding);
      res.send(copy);
    };
    const ready = this.copies[encoding];
    if (ready) sendCopy(ready);
    else this.encoded(encoding).then(sendCopy, next);
  }

  private keep(encoding: Compressed, copy: Buffer): void {
    this.copies[encoding] = copy;
    this.grown();
  }
}

/**
 * The one bound both caches of bodies use: at most `maxBytes` of bodies and compressed copies
 * together, the least recently used going first (lru-cache). `bytesOf` says what a value weighs; it
 * is asked again by `resized` when a value grows.
 */
export function boundedCache<V extends object>(maxBytes: number, bytesOf: (value: V, key: string) => number): LRUCache<string, V> {
  return new LRUCache<string, V>({ maxSize: maxBytes, sizeCalculation: (value, key) => Math.max(1, bytesOf(value, key)) });
}

/**
 * Counts again what `value` weighs, if it is still the one kept under `key` (a copy was added
 * meanwhile). lru-cache sizes a value when it is set under a key that held another one: setting the
 * same value again would keep its old size, hence the delete.
 */
export function resized<V extends object>(cache: LRUCache<string, V>, key: string, value: V): void {
  if (cache.peek(key) !== value) return;
  cache.delete(key);
  cache.set(key, value);
}
