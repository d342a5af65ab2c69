import zlib from 'node:zlib';
import { promisify } from 'node:util';
import compression from 'compression';
import type { Request, RequestHandler } from 'express';

/** What a response body may be sent as, best first. */
export type Encoding = 'br' | 'gzip' | 'identity';
export type Compressed = Exclude<Encoding, 'identity'>;

/** Below this many bytes compressing saves less than it costs (the compression middleware's own default). */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Brotli's quality: 4 for what is compressed on every request (quality 11 costs a hundred times
 * more CPU), 5 for a cached body's first compression (a visitor waits for it), 11 for the same body
 * recompressed once in the background (measured on the demonstration data: `/` goes from 193 kB to
 * 18.0 kB at 5 and 15.7 kB at 11, in about 30 ms and 0.5–1.5 s).
 */
export const BROTLI_QUALITY = { dynamic: 4, quick: 5, best: 11 } as const;

/**
 * Compresses HTML, JSON, CSV, CSS and scripts sent to a client that accepts it, on the fly. A body
 * that already says its Content-Encoding (the public cache's, compressed once per release) is left
 * as it is.
 */
export function compressResponses(): RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD,
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY.dynamic } },
  });
}

/** Brotli when the client takes it (smaller), else gzip, else none; `q=0` refuses one. */
export function preferredEncoding(req: Request): Encoding {
  if (req.acceptsEncodings('br')) return 'br';
  if (req.acceptsEncodings('gzip')) return 'gzip';
  return 'identity';
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Compresses off the event loop (zlib's thread pool). */
export function compress(body: Buffer, encoding: Compressed, brotliQuality: number = BROTLI_QUALITY.quick): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION });
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}
