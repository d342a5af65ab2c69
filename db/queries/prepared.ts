import type { Statement } from 'better-sqlite3';
import type { Db } from '../client';

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A statement asked on every request (the version keys): prepared once per connection. */
export function prepareOnce(db: Db, text: string): Statement {
  let ofDb = statements.get(db);
  if (!ofDb) statements.set(db, (ofDb = new Map<string, Statement>()));
  let statement = ofDb.get(text);
  if (!statement) ofDb.set(text, (statement = db.$client.prepare(text)));
  return statement;
}

const built = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle query asked on every request (the signed-in user, the session), built and prepared once
 * per connection under `name`, then run with placeholders: drizzle otherwise builds its SQL and
 * SQLite prepares it again at every call.
 */
export function buildOnce<T>(db: Db, name: string, build: (db: Db) => T): T {
  let ofDb = built.get(db);
  if (!ofDb) built.set(db, (ofDb = new Map<string, unknown>()));
  if (!ofDb.has(name)) ofDb.set(name, build(db));
  return ofDb.get(name) as T;
}
