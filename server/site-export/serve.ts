import type { Express } from 'express';
import inject from 'light-my-request';
import type { SiteFetch } from './crawl';

/**
 * How the export GETs one of `app`'s URLs: anonymously (no cookie), without following redirects,
 * through the app itself, in this process, with no socket. The app answers as it answers a
 * visitor, every middleware included; only the network is left out: a server on a loopback port
 * and a fetch client cost a sixth of the export's CPU in sockets, HTTP parsing and stream
 * plumbing for pages that never leave the process (docs/performance.md).
 */
export function siteFetcher(app: Express): SiteFetch {
  return async (url) => {
    // Uncompressed: the files are written as they are, and compressing them first is wasted work.
    // Not validated: the options are ours, and checking them on each of thousands of requests is wasted work too.
    // As a stream: otherwise each body would also be decoded into a string nobody reads.
    const response = await inject(app, {
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'identity' },
      validate: false,
      payloadAsStream: true,
    });
    const chunks = (await response.stream().toArray()) as Buffer[];
    const contentType = response.headers['content-type'];
    return {
      status: response.statusCode,
      contentType: typeof contentType === 'string' ? contentType : '',
      body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
    };
  };
}
