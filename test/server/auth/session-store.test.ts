import { eq } from 'drizzle-orm';
import type session from 'express-session';
import { openDatabase } from '../../../db/client';
import { sessions } from '../../../db/schema';
import { SqliteSessionStore, TOUCH_EVERY_MS } from '../../../server/auth/session-store';
import { SESSION_LIFETIMES } from '../../../server/auth/session';

/** The session store on a real SQLite database: express-session's touch writes only when the expiry really moves. */
jest.setTimeout(30_000);

const IDLE = SESSION_LIFETIMES.idleMs;
const signedInAt = (at: number) => ({ cookie: {}, signedInAt: at }) as unknown as session.SessionData;

/** The store hands its callbacks an `unknown` error: a promise rejects with an Error. */
const failure = (error: unknown) => (error instanceof Error ? error : new Error('échec du magasin de sessions', { cause: error }));

function setup(start: number) {
  const db = openDatabase(':memory:');
  const clock = { now: start };
  const store = new SqliteSessionStore(db, SESSION_LIFETIMES, () => clock.now);
  const stored = (sid: string) => db.select().from(sessions).where(eq(sessions.sid, sid)).get()?.expiresAt;
  const call = (work: (done: (error?: unknown) => void) => void) =>
    new Promise<void>((resolve, reject) => work((error) => (error ? reject(failure(error)) : resolve())));
  return { store, stored, call, clock, db };
}

describe('SqliteSessionStore.touch', () => {
  test('an expiry moved by less than TOUCH_EVERY_MS is not written; by more, it is', async () => {
    const start = Date.UTC(2026, 10, 30, 9);
    const { store, stored, call, clock } = setup(start);
    await call((done) => store.set('abc', signedInAt(start), done));
    expect(stored('abc')).toBe(start + IDLE);
    clock.now = start + TOUCH_EVERY_MS - 1000;
    await call((done) => store.touch('abc', signedInAt(start), done));
    expect(stored('abc')).toBe(start + IDLE);
    clock.now = start + TOUCH_EVERY_MS + 1000;
    await call((done) => store.touch('abc', signedInAt(start), done));
    expect(stored('abc')).toBe(start + TOUCH_EVERY_MS + 1000 + IDLE);
  });

  test('a touch never brings an expiry earlier, and the session reads back while it lasts', async () => {
    const start = Date.UTC(2026, 10, 30, 9);
    const { store, stored, call, clock } = setup(start);
    await call((done) => store.set('xyz', signedInAt(start), done));
    clock.now = start - 10 * TOUCH_EVERY_MS;
    await call((done) => store.touch('xyz', signedInAt(start), done));
    expect(stored('xyz')).toBe(start + IDLE);
    clock.now = start + IDLE - 1000;
    const read = await new Promise<session.SessionData | null | undefined>((resolve, reject) =>
      store.get('xyz', (error, value) => (error ? reject(failure(error)) : resolve(value))),
    );
    expect(read?.signedInAt).toBe(start);
  });

  test('a request within TOUCH_EVERY_MS of the last write asks nothing of the database for its touch', async () => {
    const start = Date.UTC(2026, 10, 30, 9);
    const { store, stored, call, clock, db } = setup(start);
    await call((done) => store.set('req', signedInAt(start), done));
    clock.now = start + TOUCH_EVERY_MS / 2;
    // As express-session does on each request: read the session, then touch it once answered.
    await call((done) => store.get('req', (error) => done(error)));
    const prepare = jest.spyOn(db.$client, 'prepare');
    const pragma = jest.spyOn(db.$client, 'pragma');
    try {
      await call((done) => store.touch('req', signedInAt(start), done));
      expect(prepare).not.toHaveBeenCalled();
      expect(pragma).not.toHaveBeenCalled();
    } finally {
      prepare.mockRestore();
      pragma.mockRestore();
    }
    expect(stored('req')).toBe(start + IDLE);
    // Once the expiry moves by more, the touch writes it, and the next one within the minute does not.
    clock.now = start + 2 * TOUCH_EVERY_MS;
    await call((done) => store.touch('req', signedInAt(start), done));
    expect(stored('req')).toBe(start + 2 * TOUCH_EVERY_MS + IDLE);
  });
});
