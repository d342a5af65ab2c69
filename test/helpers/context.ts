import { openDatabase, type Db } from '../../db/client';
import { createApp } from '../../server/app';
import { readConfig, type Config } from '../../server/config';
import { loadSeed } from '../../seed/load';

/** A fresh in-memory database with the catalogue and registry loaded. */
export function seededDatabase(): Db {
  const db = openDatabase(':memory:');
  loadSeed(db);
  return db;
}

export function testApp(db: Db = seededDatabase(), config: Partial<Config> = {}) {
  const fullConfig = { ...readConfig({}), databasePath: ':memory:', demoData: false, ...config };
  return { db, app: createApp({ db, config: fullConfig }) };
}
