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

function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

async function main(): Promise<void> {
  let config: Config | null = null;
  let db: Db | null = null;
  try {
    config = readConfig();
    const logger = createLogger(config.logLevel);
    // A bug outside any request: into the log with its stack, then exit so that the supervisor restarts.
    process.on('uncaughtException', (err) => {
      logger.fatal({ err }, 'Erreur inattendue hors requête : arrêt du serveur.');
      process.exit(1);
    });
    db = prepareDatabase(config, (line) => logger.info(line));
    // Served requests must never all wait on another process's lock: statements give up quickly and
    // forms try again asynchronously within DATABASE_BUSY_TIMEOUT_MS (db/client.ts).
    db.$client.pragma(`busy_timeout = ${SERVER_STATEMENT_BUSY_MS}`);
    const app = createApp({ db, config, logger });
    // The search index is filled from the catalogue and registry now, not by the first visitor.
    searchOf(app)?.warm();
    // The world maps' geometry is projected now (about half a second), not by the first visitor.
    worldGeometry();
    const server = await listen(app, config.port);
    logger.info(`Tableau de bord servi sur http://localhost:${config.port}/ (base : ${config.databasePath})`);
    const stop = stopGracefully(server, db, logger);
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  } catch (err) {
    process.stderr.write(`${startupFailureMessage(err, config)}\n`);
    db?.$client.close();
    process.exit(1);
  }
}

void main();
