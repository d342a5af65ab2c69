import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { openDatabase } from '../../db/client';
import { findUserByEmail, setPasswordHash } from '../../db/queries/users';
import { users } from '../../db/schema';
import { createApp, keptPagesServedOf } from '../../server/app';
import { readConfig } from '../../server/config';
import { seededDatabase } from '../helpers/context';
import { TEST_PASSWORD, createTestUser, csrfTokenOf } from '../helpers/session';

/**
 * A page kept for a signed-in session is sent before the session and the user are read again
 * (server/middleware/kept-pages-first.ts). Whatever ends a session or changes what its user may see
 * must still take effect on the very next request, and nothing but the cookie express-session
 * accepted may get the page.
 */
jest.setTimeout(120_000);

const PAGE = '/espace/saisie/2026/KHM';

/** Signs in through the form; the session cookie (`sra.sid=…`), to send by hand. */
async function signIn(app: Express, email: string): Promise<string> {
  const form = await request(app).get('/connexion').expect(200);
  const formCookie = ([] as string[])
    .concat(form.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await request(app)
    .post('/connexion')
    .set('Cookie', formCookie)
    .type('form')
    .send({ _csrf: csrfTokenOf(form.text), email, password: TEST_PASSWORD, retour: '/espace' })
    .expect(303);
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('sra.sid='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

const get = (app: Express, url: string, cookie: string) => request(app).get(url).set('Cookie', cookie);

/** Asks for `url` until a request is answered from the kept pages before the session is read; that answer. */
async function servedFirst(app: Express, url: string, cookie: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = keptPagesServedOf(app);
    const response = await get(app, url, cookie).expect(200);
    if (keptPagesServedOf(app) === before + 1) return response;
  }
  throw new Error(`${url} never came from the kept pages`);
}

async function staffApp(db = seededDatabase()) {
  await createTestUser(db, 'admin@example.org', 'admin');
  await createTestUser(db, 'observateur@example.org', 'observer');
  const config = { ...readConfig({}), databasePath: ':memory:', demoData: false };
  return { db, app: createApp({ db, config }) };
}

describe('kept signed-in pages, sent before the session is read', () => {
  test('the same bytes and headers as the usual way, the security headers included', async () => {
    const { app } = await staffApp();
    const cookie = await signIn(app, 'admin@example.org');
    const usual = await get(app, PAGE, cookie).expect(200);
    const first = await servedFirst(app, PAGE, cookie);
    expect(first.text).toBe(usual.text);
    expect(first.text).toContain('admin@example.org');
    for (const header of [
      'content-security-policy',
      'x-frame-options',
      'x-content-type-options',
      'cache-control',
      'content-type',
      'vary',
    ]) {
      expect(first.headers[header]).toBe(usual.headers[header]);
    }
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['set-cookie']).toBeUndefined();
  });

  test('signing out ends it at once, even for a copy of the cookie', async () => {
    const { app } = await staffApp();
    const cookie = await signIn(app, 'admin@example.org');
    const page = await servedFirst(app, PAGE, cookie);
    await request(app)
      .post('/deconnexion')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text) })
      .expect(303);
    const after = await get(app, PAGE, cookie).expect(303);
    expect(after.headers.location).toBe(`/connexion?retour=${encodeURIComponent(PAGE)}`);
  });

  test('a cookie whose signature is wrong gets nothing, though its session is known', async () => {
    const { app } = await staffApp();
    const cookie = await signIn(app, 'admin@example.org');
    await servedFirst(app, PAGE, cookie);
    const forged = `${cookie.slice(0, cookie.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    expect(forged).not.toBe(cookie);
    const before = keptPagesServedOf(app);
    await get(app, PAGE, forged).expect(303);
    expect(keptPagesServedOf(app)).toBe(before);
  });

  test('a role changed or an account disabled in the database, by any SQL, shows on the next request', async () => {
    const { db, app } = await staffApp();
    const cookie = await signIn(app, 'observateur@example.org');
    const asObserver = await servedFirst(app, PAGE, cookie);
    db.update(users).set({ role: 'admin' }).where(eq(users.email, 'observateur@example.org')).run();
    const asAdmin = await get(app, PAGE, cookie).expect(200);
    // The observer's form is read-only (its fields disabled); the administrator's can be filled in.
    const disabled = (html: string) => html.split(' disabled').length - 1;
    expect(disabled(asObserver.text)).toBeGreaterThan(0);
    expect(disabled(asAdmin.text)).toBe(0);
    await servedFirst(app, PAGE, cookie);
    db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.email, 'observateur@example.org')).run();
    await get(app, PAGE, cookie).expect(303);
  });

  test('a new password set by another process (`npm run user`) ends the session at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-first-'));
    try {
      const file = path.join(dir, 'base.sqlite');
      fs.writeFileSync(file, seededDatabase().$client.serialize());
      const { app } = await staffApp(openDatabase(file));
      const cookie = await signIn(app, 'admin@example.org');
      await servedFirst(app, PAGE, cookie);
      const other = openDatabase(file);
      setPasswordHash(other, findUserByEmail(other, 'admin@example.org')!.id, 'un autre hachage');
      other.$client.close();
      await get(app, PAGE, cookie).expect(303);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a member who changes language is sent to the page in theirs, not the kept one in the former', async () => {
    const { app } = await staffApp();
    const cookie = await signIn(app, 'admin@example.org');
    const page = await servedFirst(app, PAGE, cookie);
    await request(app)
      .post('/espace/langue')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), locale: 'en', retour: PAGE })
      .expect(303);
    const after = await get(app, PAGE, cookie).expect(303);
    expect(after.headers.location).toBe(`/en${PAGE}`);
  });
});
