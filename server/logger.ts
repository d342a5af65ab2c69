import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/** The server's log: one JSON object per line on standard output, for journald or any collector. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime });
}

export const silentLogger: Logger = pino({ level: 'silent' });

/** A request id given by the proxy in front is kept when it looks like one; anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The path as the client asked for it: express's routers shorten `req.url` to what they mount. */
function pathOf(req: { url?: string; originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
}

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id: the proxy's X-Request-Id when it looks like one, else a new UUID. */
    id: string;
    /** The server's logger, for a line about this request besides its own. */
    log: Logger;
  }
  interface ServerResponse {
    /** A server error, set by the error handler: written with its stack on the request's line. */
    err?: Error;
  }
}

/**
 * One log line per request — method, path, status, time taken, request id — and, for a server error,
 * the error with its stack (set on `res.err` by the error handler). Nothing else of the request is
 * logged: no query string, header, cookie or address, so no personal data or session id lands in logs.
 *
 * pino-http did this with a child logger per request, its bindings serialised when the request
 * came in: a tenth of what a kept signed-in page costs (docs/performance.md). Here the line is
 * built once, when the response is done, and only if its level is written at all.
 */
export function requestLogger(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = performance.now();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    req.log = logger;
    res.setHeader('X-Request-Id', id);
    const done = () => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      const status = res.statusCode;
      const err = res.err ?? (status >= 500 ? new Error(`failed with status code ${status}`) : undefined);
      // A monitor probing /healthz every few seconds would drown the log: its successes show at debug only.
      const level = err || status >= 500 ? 'error' : pathOf(req) === '/healthz' && status === 200 ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const path = pathOf(req);
      const responseTime = performance.now() - started;
      const line = { req: { id, method: req.method, path }, res: { status }, responseTime };
      if (err) logger[level]({ ...line, err }, `${req.method} ${path} ${status}`);
      else logger[level](line, `${req.method} ${path} ${status} ${Math.round(responseTime)} ms`);
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
