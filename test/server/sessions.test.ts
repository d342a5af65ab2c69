import request from 'supertest';
import { sessions, signInAttempts } from '../../db/schema';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { seededDatabase } from '../helpers/context';
import { TEST_PASSWORD, createTestUser, csrfTokenOf, signedInAgent } from '../helpers/session';

// Signing in verifies an argon2 hash: slow on a busy machine.
jest.setTimeout(120_000);

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** An app whose sessions read a clock the test moves. */
async function appWithClock() {
  const db = seededDatabase();
  await createTestUser(db, 'marie@example.org', 'observer');
  const clock = { now: Date.parse('2026-03-02T08:00:00Z') };
  const config = { ...readConfig({}), databasePath: ':memory:', demoData: false };
  const app = createApp({ db, config, clock: () => clock.now });
  return { db, app, clock };
}

const cookiesOf = (setCookie: string[] | string | undefined) => ([] as string[]).concat(setCookie ?? []);

describe('session lifetimes', () => {
  test('a session ends 12 hours after sign-in, however active its user', async () => {
    const { db, app, clock } = await appWithClock();
    const agent = await signedInAgent(app, 'marie@example.org');
    // A request every 100 minutes, never idle for 2 hours.
    for (let minutes = 100; minutes < 12 * 60; minutes += 100) {
      clock.now += 100 * MINUTE;
      await agent.get('/espace').expect(200);
    }
    clock.now += 100 * MINUTE; // 11 h 40 + 1 h 40: past 12 hours
    await agent.get('/espace').expect(303).expect('Location', '/connexion?retour=%2Fespace');
    expect(db.select().from(sessions).all()).toEqual([]);
  });

  test('a session ends after 2 hours without a request', async () => {
    const { db, app, clock } = await appWithClock();
    const agent = await signedInAgent(app, 'marie@example.org');
    clock.now += 2 * HOUR - MINUTE;
    await agent.get('/espace').expect(200);
    clock.now += 2 * HOUR - MINUTE;
    await agent.get('/espace').expect(200);
    clock.now += 2 * HOUR + MINUTE;
    await agent.get('/espace').expect(303);
    expect(db.select().from(sessions).all()).toEqual([]);
  });
});

describe('the sign-in form without a session', () => {
  test('visiting /connexion, or failing to sign in, writes no session row and sends no session cookie', async () => {
    const { db, app } = await appWithClock();
    const agent = request.agent(app);
    const page = await agent.get('/connexion').expect(200);
    expect(cookiesOf(page.headers['set-cookie']).map((c) => c.split('=')[0])).toEqual(['sra.signin']);
    const failed = await agent
      .post('/connexion')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), email: 'marie@example.org', password: 'mauvais mot de passe' })
      .expect(401);
    expect(cookiesOf(failed.headers['set-cookie']).some((c) => c.startsWith('sra.sid='))).toBe(false);
    expect(db.select().from(sessions).all()).toEqual([]);
  });

  test('the sign-in POST is refused without the form’s token, with another visitor’s, or with a forged one', async () => {
    const { db, app } = await appWithClock();
    const mine = request.agent(app);
    const myPage = await mine.get('/connexion').expect(200);
    const theirPage = await request(app).get('/connexion').expect(200);
    const theirToken = csrfTokenOf(theirPage.text);
    const attempts = [
      mine.post('/connexion').type('form').send({ email: 'marie@example.org', password: TEST_PASSWORD }),
      mine.post('/connexion').type('form').send({ _csrf: theirToken, email: 'marie@example.org', password: TEST_PASSWORD }),
      mine
        .post('/connexion')
        .type('form')
        .send({ _csrf: 'x'.repeat(43), email: 'marie@example.org', password: TEST_PASSWORD }),
      // The right token without its cookie (a page of another site posting the form).
      request(app)
        .post('/connexion')
        .type('form')
        .send({ _csrf: csrfTokenOf(myPage.text), email: 'marie@example.org', password: TEST_PASSWORD }),
    ];
    for (const attempt of attempts) {
      const refused = await attempt.expect(403);
      expect(refused.text).toContain('Ce formulaire a expiré ou ne provient pas de ce site');
    }
    // Refused before the password was looked at: nothing counted, nothing signed in.
    expect(db.select().from(signInAttempts).all()).toEqual([]);
    expect(db.select().from(sessions).all()).toEqual([]);
    // With its own token, the same visitor signs in.
    await mine
      .post('/connexion')
      .type('form')
      .send({ _csrf: csrfTokenOf(myPage.text), email: 'marie@example.org', password: TEST_PASSWORD })
      .expect(303);
    expect(db.select().from(sessions).all()).toHaveLength(1);
  });
});
