import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Db } from '../db/client';
import { createApp, searchOf } from './app';
import { readConfig, type Config } from './config';
import { createLogger } from './logger';
import { stopGracefully } from './shutdown';
import { prepareDatabase, startupFailureMessage } from './startup';
import { SERVER_STATEMENT_BUSY_MS } from '../db/client';
import { worldGeometry } from './maps/world-geometry';
import { localeFromEnv } from './i18n/cli-locale';
import { t } from './i18n/translate';

function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

async function main(): Promise<void> {
  // The operator's sentences follow LANG, as the command line does (docs/i18n.md#the-command-line).
  const locale = localeFromEnv();
  let config: Config | null = null;
  let db: Db | null = null;
  try {
    config = readConfig();
    const logger = createLogger(config.logLevel);
    // A bug outside any request: into the log with its stack, then exit so that the supervisor restarts.
    process.on('uncaughtException', (err) => {
      logger.fatal({ err }, t(locale, 'startup.uncaught'));
      process.exit(1);
    });
    db = prepareDatabase(config, (line) => logger.info(line), locale);
    // Served requests must never all wait on another process's lock: statements give up quickly and
    // forms try again asynchronously within DATABASE_BUSY_TIMEOUT_MS (db/client.ts).
    db.$client.pragma(`busy_timeout = ${SERVER_STATEMENT_BUSY_MS}`);
    const app = createApp({ db, config, logger });
    // The search index is filled from the catalogue and registry now, not by the first visitor.
    searchOf(app)?.warm();
    // The world maps' geometry is projected now (about half a second), not by the first visitor.
    worldGeometry();
    const server = await listen(app, config.port);
    logger.info(t(locale, 'startup.serving', { port: config.port, database: config.databasePath }));
    const stop = stopGracefully(server, db, logger, undefined, locale);
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  } catch (err) {
    process.stderr.write(`${startupFailureMessage(err, config, locale)}\n`);
    db?.$client.close();
    process.exit(1);
  }
}

void main();
