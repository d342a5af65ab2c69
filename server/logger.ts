import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
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

/**
 * One log line per request — method, path, status, time taken, request id — and, for a server error,
 * the error with its stack (set on `res.err` by the error handler). Nothing else of the request is
 * logged: no query string, header, cookie or address, so no personal data or session id lands in logs.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // A monitor probing /healthz every few seconds would drown the log: its successes show at debug only.
    customLogLevel: (req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : pathOf(req) === '/healthz' && res.statusCode === 200 ? 'debug' : 'info',
    customSuccessMessage: (req, res, time) => `${req.method} ${pathOf(req)} ${res.statusCode} ${Math.round(time)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req) }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  });
}
