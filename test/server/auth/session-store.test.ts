import { eq } from 'drizzle-orm';
import type session from 'express-session';
import { openDatabase } from '../../../db/client';
import { sessions } from '../../../db/schema';
import { SqliteSessionStore, TOUCH_EVERY_MS } from '../../../server/auth/session-store';

/** The session store on a real SQLite database: express-session's touch writes only when the expiry really moves. */
jest.setTimeout(30_000);

const LIFETIME = 12 * 60 * 60 * 1000;
const dataExpiring = (at: number) => ({ cookie: { expires: new Date(at), originalMaxAge: LIFETIME } }) as unknown as session.SessionData;

function setup() {
  const db = openDatabase(':memory:');
  const store = new SqliteSessionStore(db, LIFETIME);
  const stored = (sid: string) => db.select().from(sessions).where(eq(sessions.sid, sid)).get()?.expiresAt;
  const call = (work: (done: (error?: unknown) => void) => void) =>
    new Promise<void>((resolve, reject) => work((error) => (error ? reject(error) : resolve())));
  return { store, stored, call };
}

describe('SqliteSessionStore.touch', () => {
  test('an expiry moved by less than TOUCH_EVERY_MS is not written; by more, it is', async () => {
    const { store, stored, call } = setup();
    const start = Date.UTC(2026, 10, 30, 9);
    await call((done) => store.set('abc', dataExpiring(start), done));
    expect(stored('abc')).toBe(start);
    await call((done) => store.touch('abc', dataExpiring(start + TOUCH_EVERY_MS - 1000), done));
    expect(stored('abc')).toBe(start);
    await call((done) => store.touch('abc', dataExpiring(start + TOUCH_EVERY_MS + 1000), done));
    expect(stored('abc')).toBe(start + TOUCH_EVERY_MS + 1000);
  });

  test('a touch never brings an expiry earlier, and the session reads back while it lasts', async () => {
    const { store, stored, call } = setup();
    const later = Date.now() + LIFETIME;
    await call((done) => store.set('xyz', dataExpiring(later), done));
    await call((done) => store.touch('xyz', dataExpiring(later - 10 * TOUCH_EVERY_MS), done));
    expect(stored('xyz')).toBe(later);
    const read = await new Promise<session.SessionData | null | undefined>((resolve, reject) =>
      store.get('xyz', (error, value) => (error ? reject(error) : resolve(value))),
    );
    expect(read?.cookie).toBeDefined();
  });
});
