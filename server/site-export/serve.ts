import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { SiteFetch } from './crawl';

/**
 * Serves `app` on a free loopback port for as long as the export reads it, and returns how to
 * GET one of its URLs: anonymously (no cookie), without following redirects.
 */
export async function siteFetcher(app: Express): Promise<{
  fetch: SiteFetch;
  close: () => Promise<void>;
}> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  // The crawl reuses its connections; with Node's default of 5 s, a busy machine could see the
  // server close an idle one just as fetch sent the next request on it (ECONNRESET, « fetch
  // failed »). Only this process connects, and close() ends every connection.
  server.keepAliveTimeout = 10 * 60_000;
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    fetch: async (url) => {
      // Uncompressed: the files are written as they are, and compressing them first is wasted work.
      const response = await fetch(origin + url, { redirect: 'manual', headers: { 'accept-encoding': 'identity' } });
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: Buffer.from(await response.arrayBuffer()),
      };
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
