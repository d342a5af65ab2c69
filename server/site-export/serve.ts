import http from 'node:http';
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
  withOwnPrototypes(app);
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

/**
 * light-my-request makes an express app's requests and responses its own by re-parenting the
 * prototypes behind `app.request` and `app.response` onto its fake request and response. Those are
 * express's, shared by every app of the process: afterwards, any app's real request would run the
 * fake one's methods and fail (« socket hang up »). The exported app gets copies of them first, so
 * that only its own are re-parented.
 */
function withOwnPrototypes(app: Express): void {
  app.request = ownCopy(app.request, http.IncomingMessage.prototype);
  app.response = ownCopy(app.response, http.ServerResponse.prototype);
}

/** `object` (which holds only `app`), over a copy of its prototype (express's methods) over `base` (Node's). */
function ownCopy<T extends object>(object: T, base: object): T {
  const methods = Object.create(base, Object.getOwnPropertyDescriptors(Object.getPrototypeOf(object) as object)) as object;
  return Object.create(methods, Object.getOwnPropertyDescriptors(object)) as T;
}
