import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../db/client';
import { createUser } from '../../db/queries/users';
import { hashPassword } from '../../server/auth/passwords';
import type { Role } from '../../server/domain/permissions';
import type { Locale } from '../../server/i18n/locale';
import { testApp } from './context';

export const TEST_PASSWORD = 'un mot de passe de test';

/** Creates an account with TEST_PASSWORD. */
export async function createTestUser(db: Db, email: string, role: Role, mechanisms: string[] = []) {
  return createUser(db, { email, role, mechanisms, passwordHash: await hashPassword(TEST_PASSWORD) });
}

/** The CSRF token of the form on a page (every signed-in page has one, in the sign-out form). */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

export type Agent = ReturnType<typeof request.agent> & {
  /** A valid CSRF token for this session. */
  csrf: () => Promise<string>;
};

/** A supertest agent keeping cookies, signed in as `email` (or a visitor when email is null). */
export async function signedInAgent(app: Express, email: string | null): Promise<Agent> {
  const agent = request.agent(app) as Agent;
  const form = await agent.get('/connexion');
  if (email !== null) {
    const response = await agent
      .post('/connexion')
      .type('form')
      .send({ _csrf: csrfTokenOf(form.text), email, password: TEST_PASSWORD, retour: '/espace' });
    if (response.status !== 303) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  }
  agent.csrf = async () => csrfTokenOf((await agent.get(email === null ? '/connexion' : '/espace')).text);
  return agent;
}

/** The address prefix of a language: none for French (docs/i18n.md « Addresses »). */
export const localePrefix = (locale: Locale) => (locale === 'fr' ? '' : `/${locale}`);

/**
 * Signed in as `email`, the account's language set to `locale` through the workspace's own switcher
 * form, as a member does it; `csrf()` reads a token from the workspace in that language.
 */
export async function memberIn(app: Express, email: string, locale: Locale): Promise<Agent> {
  const agent = await signedInAgent(app, email);
  // An account already in another language is sent to its own address first.
  const home = await agent.get('/espace').redirects(1).expect(200);
  const chosen = await agent
    .post('/espace/langue')
    .type('form')
    .send({ _csrf: csrfTokenOf(home.text), locale, retour: '/espace' })
    .expect(303);
  expect(chosen.headers.location).toBe(`${localePrefix(locale)}/espace`);
  agent.csrf = async () => csrfTokenOf((await agent.get(`${localePrefix(locale)}/espace`).expect(200)).text);
  return agent;
}

/** A fresh app whose database has two admins, a member of the Coordinating Committee and an observer. */
export async function appWithStaff() {
  const { db, app } = testApp();
  await createTestUser(db, 'admin@example.org', 'admin');
  await createTestUser(db, 'autre.admin@example.org', 'admin');
  await createTestUser(db, 'membre@example.org', 'member', ['coordination']);
  await createTestUser(db, 'observateur@example.org', 'observer');
  return { db, app };
}
