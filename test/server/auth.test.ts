import request from 'supertest';
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import { disableUser, findUserByEmail, setPasswordHash } from '../../db/queries/users';
import { hashPassword } from '../../server/auth/passwords';
import { SESSION_COOKIE } from '../../server/auth/session';
import { testApp } from '../helpers/context';
import { htmlProblems } from '../helpers/html';
import { TEST_PASSWORD, createTestUser, csrfTokenOf, signedInAgent } from '../helpers/session';

const sessionCookie = (setCookie: string[] | string | undefined) =>
  ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));

async function signInForm(agent: ReturnType<typeof request.agent>) {
  const page = await agent.get('/connexion').expect(200);
  return { token: csrfTokenOf(page.text), page };
}

// Each sign-in verifies an argon2 hash: slow on a busy machine.
jest.setTimeout(60_000);

describe('signing in and out', () => {
  test('the sign-in page is valid HTML, and a visitor of public pages gets no cookie', async () => {
    const { app } = testApp();
    const page = await request(app).get('/connexion').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(page.text).toContain('autocomplete="current-password"');
    const home = await request(app).get('/').expect(200);
    expect(home.headers['set-cookie']).toBeUndefined();
  });

  test('a right password signs in with a new session id, an HttpOnly SameSite=Lax cookie, and opens the workspace', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'marie@example.org', 'admin');
    const agent = request.agent(app);
    const { page, token } = await signInForm(agent);
    // The form alone gives no session: only its own token's cookie.
    expect(sessionCookie(page.headers['set-cookie'])).toBeUndefined();
    const signIn = () =>
      agent
        .post('/connexion')
        .type('form')
        .send({ _csrf: token, email: 'Marie@Example.org ', password: TEST_PASSWORD, retour: '/espace/journal' })
        .expect(303);
    const response = await signIn();
    expect(response.headers.location).toBe('/espace/journal');
    const after = sessionCookie(response.headers['set-cookie'])!;
    expect(after).toMatch(/HttpOnly/);
    expect(after).toMatch(/SameSite=Lax/);
    expect(after).not.toMatch(/Secure/);
    const workspace = await agent.get('/espace').expect(200);
    expect(workspace.text).toContain('marie@example.org');
    expect(workspace.headers['cache-control']).toBe('private, no-store');
    // Session fixation: signing in again, with a session id already held, gives a new one.
    const again = sessionCookie((await signIn()).headers['set-cookie'])!;
    expect(again.split(';')[0]).not.toBe(after.split(';')[0]);
    expect(db.select().from(sessions).all()).toHaveLength(1);
  });

  test('the cookies are Secure when the site is configured for HTTPS', async () => {
    const { db, app } = testApp(undefined, { secureCookies: true });
    await createTestUser(db, 'secure@example.org', 'observer');
    // express-session sends a Secure cookie only over HTTPS: a proxy says so with X-Forwarded-Proto.
    // (A cookie jar would not send a Secure cookie back over plain HTTP: the cookie is passed by hand.)
    const page = await request(app).get('/connexion').set('X-Forwarded-Proto', 'https').expect(200);
    const formCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((c) => c.startsWith('sra.signin='))!;
    expect(formCookie).toMatch(/; Secure/);
    const response = await request(app)
      .post('/connexion')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', formCookie.split(';')[0]!)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), email: 'secure@example.org', password: TEST_PASSWORD })
      .expect(303);
    expect(sessionCookie(response.headers['set-cookie'])).toMatch(/; Secure/);
  });

  test('a wrong password or an unknown address gets the same message, and no session', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'marie@example.org', 'member', ['article5']);
    const messages: string[] = [];
    for (const email of ['marie@example.org', 'personne@example.org']) {
      const agent = request.agent(app);
      const { token } = await signInForm(agent);
      const response = await agent
        .post('/connexion')
        .type('form')
        .send({ _csrf: token, email, password: 'mauvais mot de passe' })
        .expect(401);
      expect(await htmlProblems(response.text)).toEqual([]);
      messages.push(/role="alert">([^<]+)</.exec(response.text)![1]!);
      expect(response.text).toContain(`value="${email}"`);
      await agent.get('/espace').expect(303).expect('Location', '/connexion?retour=%2Fespace');
    }
    expect(messages[0]).toBe('Adresse électronique ou mot de passe incorrect.');
    expect(messages[1]).toBe(messages[0]);
  });

  test('empty fields are named beside the fields', async () => {
    const { app } = testApp();
    const agent = request.agent(app);
    const { token } = await signInForm(agent);
    const response = await agent.post('/connexion').type('form').send({ _csrf: token, email: '', password: '' }).expect(400);
    expect(response.text).toContain('id="email-error"');
    expect(response.text).toContain('Saisissez votre adresse électronique.');
    expect(response.text).toContain('Saisissez votre mot de passe.');
    expect(response.text).toContain('aria-invalid="true"');
  });

  test('after 5 failures for an account from one address, even the right password is refused for a while', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'cible@example.org', 'admin');
    const agent = request.agent(app);
    const { token } = await signInForm(agent);
    for (let i = 0; i < 5; i++) {
      await agent
        .post('/connexion')
        .type('form')
        .send({ _csrf: token, email: 'cible@example.org', password: `essai ${i}` })
        .expect(401);
    }
    const blocked = await agent
      .post('/connexion')
      .type('form')
      .send({ _csrf: token, email: 'cible@example.org', password: TEST_PASSWORD })
      .expect(429);
    expect(blocked.text).toMatch(/Trop de tentatives de connexion\. Par sécurité, réessayez dans \d+ minutes?\./);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await agent.get('/espace').expect(303);
  });

  test('a return address outside the site is ignored', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'marie@example.org', 'observer');
    for (const retour of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const agent = request.agent(app);
      const { token } = await signInForm(agent);
      const response = await agent
        .post('/connexion')
        .type('form')
        .send({ _csrf: token, email: 'marie@example.org', password: TEST_PASSWORD, retour });
      expect(response.headers.location).toBe('/espace');
    }
  });

  test('signing out ends the session in the database too', async () => {
    const { db, app } = testApp();
    const user = await createTestUser(db, 'marie@example.org', 'observer');
    const agent = await signedInAgent(app, 'marie@example.org');
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(1);
    await agent
      .post('/deconnexion')
      .type('form')
      .send({ _csrf: await agent.csrf() })
      .expect(303)
      .expect('Location', '/');
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
    await agent.get('/espace').expect(303);
  });

  test('signing out without the form token is refused and the session stays', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'marie@example.org', 'observer');
    const agent = await signedInAgent(app, 'marie@example.org');
    const refused = await agent.post('/deconnexion').type('form').send({ _csrf: 'faux' }).expect(403);
    expect(refused.text).toContain('Ce formulaire a expiré ou ne provient pas de ce site');
    await agent.get('/espace').expect(200);
  });

  test('a disabled account, or a changed password, loses its open sessions at once', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'a@example.org', 'admin');
    await createTestUser(db, 'b@example.org', 'admin');
    const a = await signedInAgent(app, 'a@example.org');
    const b = await signedInAgent(app, 'b@example.org');
    disableUser(db, findUserByEmail(db, 'a@example.org')!.id);
    setPasswordHash(db, findUserByEmail(db, 'b@example.org')!.id, await hashPassword('un tout autre mot de passe'));
    await a.get('/espace').expect(303);
    await b.get('/espace').expect(303);
    // And the disabled account cannot sign in again.
    const agent = request.agent(app);
    const { token } = await signInForm(agent);
    await agent.post('/connexion').type('form').send({ _csrf: token, email: 'a@example.org', password: TEST_PASSWORD }).expect(401);
  });

  test('sessions survive a restart: they live in the database', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'marie@example.org', 'observer');
    const agent = await signedInAgent(app, 'marie@example.org');
    const cookie = (await agent.get('/espace')).request.cookies;
    const restarted = testApp(db).app;
    const response = await request(restarted).get('/espace').set('Cookie', cookie).expect(200);
    expect(response.text).toContain('marie@example.org');
  });
});
