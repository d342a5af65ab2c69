import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Express } from 'express';
import argon2 from 'argon2';
import type { Db } from '../../db/client';
import { createUser } from '../../db/queries/users';
import { signInAttempts } from '../../db/schema';
import { readConfig } from '../../server/config';
import { testApp } from '../helpers/context';
import { TEST_PASSWORD, createTestUser, csrfTokenOf } from '../helpers/session';

// Every attempt that passes the limits verifies an argon2 hash (64 MiB): slow on a busy machine.
jest.setTimeout(240_000);

/** One server for a whole burst (as in production), and the sign-in form's token and cookie. */
async function listening(app: Express) {
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const form = await request(base).get('/connexion').expect(200);
  const cookie = ([] as string[])
    .concat(form.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const token = csrfTokenOf(form.text);
  const signIn = (email: string, password: string, forwardedFor?: string) => {
    const req = request(base).post('/connexion').set('Cookie', cookie);
    if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
    return req.type('form').send({ _csrf: token, email, password });
  };
  return { base, server, signIn, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Accounts whose stored hash has production's cost (argon2id, 64 MiB, 3 passes), whatever cost the
 * tests' own hashes have: verifying reads the cost from the hash, so a burst really loads the
 * threadpool. One hash, made once, serves them all.
 */
let costly: Promise<string> | null = null;
async function costlyAccounts(db: Db, prefix: string, count: number): Promise<string[]> {
  costly ??= argon2.hash('le mot de passe coûteux', { type: argon2.argon2id, memoryCost: 2 ** 16, timeCost: 3 });
  const passwordHash = await costly;
  return Array.from(
    { length: count },
    (_, i) => createUser(db, { email: `${prefix}${i}@example.org`, role: 'observer', mechanisms: [], passwordHash }).email,
  );
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

describe('sign-in limits', () => {
  test('expired counters are swept by sign-ins, not by a timer that could fail outside any request', async () => {
    const { db, app } = testApp();
    db.insert(signInAttempts)
      .values({ key: 'adresse:203.0.113.9', points: 50, expire: Date.now() - 2 * 60 * 60 * 1000 })
      .run();
    const { signIn, close } = await listening(app);
    try {
      await signIn('personne@example.org', 'un essai quelconque').expect(401);
      const keys = db
        .select()
        .from(signInAttempts)
        .all()
        .map((row) => row.key);
      expect(keys).not.toContain('adresse:203.0.113.9');
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  test('45 simultaneous wrong passwords for one account: only 5 are checked, the others refused', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'cible@example.org', 'admin');
    const { signIn, close } = await listening(app);
    try {
      const responses = await Promise.all(Array.from({ length: 45 }, (_, i) => signIn('cible@example.org', `essai ${i}`)));
      expect(tally(responses.map((r) => r.status))).toEqual({ 401: 5, 429: 40 });
      const refused = responses.find((r) => r.status === 429)!;
      expect(refused.text).toMatch(/Trop de tentatives de connexion\. Par sécurité, réessayez dans \d+ minutes?\./);
      // Still refused with the right password.
      await signIn('cible@example.org', TEST_PASSWORD).expect(429);
    } finally {
      await close();
    }
  });

  test('the counters live in the database: a restart does not reset them', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'cible@example.org', 'admin');
    const first = await listening(app);
    try {
      for (let i = 0; i < 5; i++) await first.signIn('cible@example.org', `essai ${i}`).expect(401);
    } finally {
      await first.close();
    }
    expect(db.select().from(signInAttempts).all().length).toBeGreaterThan(0);
    const restarted = await listening(testApp(db).app);
    try {
      await restarted.signIn('cible@example.org', TEST_PASSWORD).expect(429);
    } finally {
      await restarted.close();
    }
  });

  test('a right password gives the allowance back: a success does not count as a failure', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'marie@example.org', 'observer');
    const { signIn, close } = await listening(app);
    try {
      for (let i = 0; i < 4; i++) await signIn('marie@example.org', `essai ${i}`).expect(401);
      await signIn('marie@example.org', TEST_PASSWORD).expect(303);
      for (let i = 0; i < 4; i++) await signIn('marie@example.org', `encore ${i}`).expect(401);
      await signIn('marie@example.org', TEST_PASSWORD).expect(303);
    } finally {
      await close();
    }
  });

  test('without TRUST_PROXY, X-Forwarded-For is ignored: a forged address does not escape the limit', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'cible@example.org', 'admin');
    const { signIn, close } = await listening(app);
    try {
      for (let i = 0; i < 5; i++) await signIn('cible@example.org', `essai ${i}`, `203.0.113.${i + 1}`).expect(401);
      await signIn('cible@example.org', TEST_PASSWORD, '203.0.113.99').expect(429);
    } finally {
      await close();
    }
  });

  test('behind a trusted proxy, each client is counted apart: one client’s failures do not lock out another', async () => {
    const { db, app } = testApp(undefined, { trustProxy: 1 });
    await createTestUser(db, 'marie@example.org', 'admin');
    const { signIn, close } = await listening(app);
    try {
      for (let i = 0; i < 5; i++) await signIn('marie@example.org', `essai ${i}`, '203.0.113.7').expect(401);
      await signIn('marie@example.org', TEST_PASSWORD, '203.0.113.7').expect(429);
      await signIn('marie@example.org', TEST_PASSWORD, '198.51.100.20').expect(303);
    } finally {
      await close();
    }
  });

  test('a burst of sign-ins is bounded: beyond those in progress and in line, a French 503 at once, not counted', async () => {
    const { db, app } = testApp();
    const emails = await costlyAccounts(db, 'rafale', 20);
    const { signIn, close } = await listening(app);
    try {
      const responses = await Promise.all(emails.map((email) => signIn(email, 'mauvais')));
      const counts = tally(responses.map((r) => r.status));
      // 2 verifications at a time and 8 in line (server/auth/hashing-slots.ts): at least 10 are
      // checked (more if the first end before the last arrive), the others refused at once.
      expect(Object.keys(counts).sort()).toEqual(['401', '503']);
      expect(counts[401]).toBeGreaterThanOrEqual(10);
      expect(counts[401]! + counts[503]!).toBe(20);
      const busy = responses.find((r) => r.status === 503)!;
      expect(busy.text).toContain('Le service de connexion est très sollicité en ce moment. Réessayez dans quelques secondes.');
      expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
      // Only the 10 verified attempts count against the address.
      const address = db
        .select()
        .from(signInAttempts)
        .all()
        .filter((row) => row.key.startsWith('adresse:'));
      expect(address.map((row) => row.points)).toEqual([counts[401]]);
    } finally {
      await close();
    }
  });

  test('during a burst of sign-ins, public pages and files keep answering before the sign-ins are done', async () => {
    const { db, app } = testApp();
    const emails = await costlyAccounts(db, 'rafale', 10);
    const { base, signIn, close } = await listening(app);
    try {
      let finished = 0;
      const burst = emails.map((email) =>
        signIn(email, 'mauvais').then((r) => {
          finished++;
          return r.status;
        }),
      );
      // Let the burst reach the server first.
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A static file is read on libuv's threadpool, where argon2 also runs: without a bound, it
      // waits behind every queued verification.
      const stylesheet = await request(base).get('/static/css/site.css').expect(200);
      const doneAtStylesheet = finished;
      await request(base).get('/').expect(200);
      const doneAtHome = finished;
      expect(stylesheet.text.length).toBeGreaterThan(0);
      expect(await Promise.all(burst)).toEqual(Array(10).fill(401));
      // Verified two at a time, the ten sign-ins take five rounds: the pages answered within the first ones.
      expect(doneAtStylesheet).toBeLessThan(5);
      expect(doneAtHome).toBeLessThan(5);
    } finally {
      await close();
    }
  });
});

describe('TRUST_PROXY', () => {
  test('off by default; a hop count or the proxies’ addresses; anything else refused in French', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
    for (const wrong of ['oui peut-être', '0x10', '300.1.1.1', '99']) {
      expect(() => readConfig({ TRUST_PROXY: wrong })).toThrow(/^TRUST_PROXY doit valoir « off », un nombre de proxys entre 1 et 10/);
    }
  });
});
