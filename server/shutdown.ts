import type { Server } from 'node:http';
import type { Db } from '../db/client';
import type { Logger } from './logger';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale';
import { t } from './i18n/translate';

/** How long requests under way may take to finish once a stop is asked for; then they are cut. */
export const STOP_GRACE_MS = 10_000;

/**
 * A clean stop on SIGTERM (systemd, a container) or SIGINT (Ctrl-C): stop accepting connections,
 * let the requests under way finish — at most `graceMs` — close the database, exit 0. Requests cut at
 * the end of the grace period make the exit status 1, so that the supervisor records it. The log's
 * sentences are in `locale` (LANG's, docs/i18n.md#the-command-line).
 */
export function stopGracefully(
  server: Server,
  db: Db,
  logger: Logger,
  graceMs = STOP_GRACE_MS,
  locale: Locale = DEFAULT_LOCALE,
): (signal: string) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info(t(locale, 'startup.stopping', { signal }));
    let cut = false;
    // Keep-alive connections that go quiet after their last response would otherwise hold the close up.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      cut = true;
      logger.warn(t(locale, 'startup.cut', { seconds: graceMs / 1000 }));
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      db.$client.close();
      logger.info(t(locale, 'startup.stopped'));
      process.exit(cut ? 1 : 0);
    });
    server.closeIdleConnections();
  };
}
