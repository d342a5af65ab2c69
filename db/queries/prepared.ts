import type { Statement } from 'better-sqlite3';
import type { Db } from '../client';

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A statement asked on every request (the version keys): prepared once per connection. */
export function prepareOnce(db: Db, text: string): Statement {
  let ofDb = statements.get(db);
  if (!ofDb) statements.set(db, (ofDb = new Map()));
  let statement = ofDb.get(text);
  if (!statement) ofDb.set(text, (statement = db.$client.prepare(text)));
  return statement;
}
