import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { withAudit } from '../../db/queries/audit';
import { meetingsVersion } from '../../db/queries/meetings';
import { answers, meetingItems, meetings, meetingSpeakers, users } from '../../db/schema';
import * as compression from '../../server/compression';
import { testApp } from '../helpers/context';
import { textOf } from '../helpers/html';
import { createTestUser, csrfTokenOf, signedInAgent, type Agent } from '../helpers/session';
import { FIXTURE_POPULATIONS, INTERSESSIONAL, YEAR, addMemberships, meetingApp } from './meetings/fixture';

/**
 * Signed-in pages are rendered once per version of what they show and kept (server/private-render-cache.ts):
 * each user must still get their own page with their own session's form token, and every change must
 * show on the next request.
 */
jest.setTimeout(60_000);

const versionOf = (html: string) => /name="version" value="([0-9]+)"/.exec(html)![1]!;

/** Creates the fixture's intersessional meeting through the form; the plan's address. */
async function createIntersessional(admin: Agent): Promise<string> {
  const created = await admin
    .post('/espace/reunions')
    .type('form')
    .send({ _csrf: await admin.csrf(), ...INTERSESSIONAL })
    .expect(303);
  return created.headers.location!.replace(/[?#].*$/, '');
}

const idOf = (url: string) => Number(/([0-9]+)$/.exec(url)![1]);
const absentRows = (html: string) => html.split('class="is-absent"').length - 1;

describe('pages kept for signed-in users', () => {
  test('each session gets its own form token in a kept page, and that token is accepted', async () => {
    const { app } = await meetingApp();
    const first = await signedInAgent(app, 'admin@example.org');
    const second = await signedInAgent(app, 'admin@example.org');
    const a1 = await first.get('/espace/journal').expect(200);
    const b1 = await second.get('/espace/journal').expect(200);
    const a2 = await first.get('/espace/journal').expect(200);
    expect(a1.headers['cache-control']).toBe('private, no-store');
    expect(csrfTokenOf(a1.text)).not.toBe(csrfTokenOf(b1.text));
    expect(a2.text).toBe(a1.text);
    // Apart from the token, the second session got the same page.
    expect(b1.text.replaceAll(csrfTokenOf(b1.text), 'T')).toBe(a1.text.replaceAll(csrfTokenOf(a1.text), 'T'));
    // The token of the kept page is the session's: a form posted with it is accepted.
    await second
      .post('/espace/reunions')
      .type('form')
      .send({ _csrf: csrfTokenOf(b1.text), ...INTERSESSIONAL })
      .expect(303);
  });

  test('a page kept for one user is never sent to another: each sees their own name and permissions', async () => {
    const { app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const observer = await signedInAgent(app, 'observateur@example.org');
    const forAdmin = await admin.get('/').expect(200);
    const forObserver = await observer.get('/').expect(200);
    expect(textOf(forAdmin.text)).toContain('Connecté : admin@example.org');
    expect(textOf(forObserver.text)).toContain('Connecté : observateur@example.org');
    expect(forObserver.text).not.toContain('admin@example.org');
    const formForAdmin = await admin.get('/espace/saisie/2026/KHM').expect(200);
    const formForObserver = await observer.get('/espace/saisie/2026/KHM').expect(200);
    // The observer's form is read-only: not the admin's page with another name and token.
    const normalised = (html: string, email: string) => html.replaceAll(csrfTokenOf(html), 'T').replaceAll(email, 'E');
    expect(normalised(formForObserver.text, 'observateur@example.org')).not.toBe(normalised(formForAdmin.text, 'admin@example.org'));
    expect(formForObserver.text).not.toContain('admin@example.org');
  });

  test('a change to the data shows on the next request', async () => {
    const { db, app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const before = await admin.get('/espace/journal').expect(200);
    expect(textOf(before.text)).not.toContain('changement du banc');
    withAudit(db, { userId: null, label: 'changement du banc', origin: 'cli' }, (tx) => {
      tx.update(answers).set({ note: 'note du banc' }).where(eq(answers.indicator, '46.1')).run();
    });
    const after = await admin.get('/espace/journal').expect(200);
    expect(after.text).not.toBe(before.text);
    expect(textOf(after.text)).toContain('note du banc');
  });

  test('a change to a meeting (not audited) shows on the next request', async () => {
    const { app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const created = await admin
      .post('/espace/reunions')
      .type('form')
      .send({ _csrf: await admin.csrf(), ...INTERSESSIONAL })
      .expect(303);
    const url = created.headers.location!.replace(/[?#].*$/, '');
    expect(textOf((await admin.get(url).expect(200)).text)).toContain('Réunions intersessions 2026');
    const form = await admin.get(`${url}/modifier`).expect(200);
    await admin
      .post(url)
      .type('form')
      .send({ _csrf: await admin.csrf(), ...INTERSESSIONAL, title: 'Intersessions renommées', version: versionOf(form.text) })
      .expect(303);
    const page = textOf((await admin.get(url).expect(200)).text);
    expect(page).toContain('Intersessions renommées');
  });

  test('a disabled account gets no kept page', async () => {
    const { db, app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    await admin.get('/espace/journal').expect(200);
    db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.email, 'admin@example.org')).run();
    const response = await admin.get('/espace/journal').expect(303);
    expect(response.headers.location).toBe('/connexion?retour=%2Fespace%2Fjournal');
  });

  test('a speakers’ list written without the meeting’s version moving (plain SQL) shows on the next request', async () => {
    const { db, app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const url = await createIntersessional(admin);
    const before = await admin.get(url).expect(200);
    expect(absentRows(before.text)).toBe(0);
    const version = meetingsVersion(db);
    // The same connection as the server's, outside the meetings' store: only the triggers see it.
    db.update(meetingSpeakers)
      .set({ absent: true })
      .where(and(eq(meetingSpeakers.meetingId, idOf(url)), eq(meetingSpeakers.state, 'KHM')))
      .run();
    expect(meetingsVersion(db)).not.toBe(version);
    const after = await admin.get(url).expect(200);
    expect(absentRows(after.text)).toBeGreaterThan(0);
  });

  test('the meetings’ version moves with every write to a meeting, its agenda items or its speakers, and with nothing else', async () => {
    const { db, app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const start = meetingsVersion(db);
    await admin.get('/espace').expect(200);
    expect(meetingsVersion(db)).toBe(start);
    const id = idOf(await createIntersessional(admin));
    const writes = [
      () => db.update(meetings).set({ place: 'Genève' }).where(eq(meetings.id, id)).run(),
      () => db.insert(meetingItems).values({ meetingId: id, item: 99, otherInterventions: 1 }).onConflictDoNothing().run(),
      () => db.update(meetingItems).set({ otherInterventions: 2 }).where(eq(meetingItems.meetingId, id)).run(),
      () => db.delete(meetingItems).where(eq(meetingItems.meetingId, id)).run(),
      () =>
        db
          .update(meetingSpeakers)
          .set({ position: 99 })
          .where(and(eq(meetingSpeakers.meetingId, id), eq(meetingSpeakers.state, 'KHM')))
          .run(),
      () => db.delete(meetingSpeakers).where(eq(meetingSpeakers.meetingId, id)).run(),
      () => db.delete(meetings).where(eq(meetings.id, id)).run(),
    ];
    const seen = new Set([start, meetingsVersion(db)]);
    for (const write of writes) {
      write();
      seen.add(meetingsVersion(db));
    }
    expect(seen.size).toBe(writes.length + 2);
  });

  test('a meeting changed from another connection (another process) shows on the next request', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sra-private-'));
    const file = path.join(dir, 'dashboard.sqlite');
    const { db: image } = testApp();
    fs.writeFileSync(file, image.$client.serialize());
    image.$client.close();
    const serverDb = openDatabase(file);
    const otherProcess = openDatabase(file);
    try {
      await createTestUser(serverDb, 'admin@example.org', 'admin');
      for (const [population, states] of Object.entries(FIXTURE_POPULATIONS)) addMemberships(serverDb, YEAR, population, states);
      const { app } = testApp(serverDb);
      const admin = await signedInAgent(app, 'admin@example.org');
      const url = await createIntersessional(admin);
      expect(textOf((await admin.get(url).expect(200)).text)).toContain('Réunions intersessions 2026');
      expect((await admin.get(url).expect(200)).text).toBe((await admin.get(url).expect(200)).text);
      otherProcess
        .update(meetings)
        .set({ title: 'Renommée ailleurs' })
        .where(eq(meetings.id, idOf(url)))
        .run();
      expect(textOf((await admin.get(url).expect(200)).text)).toContain('Renommée ailleurs');
      otherProcess
        .update(meetingSpeakers)
        .set({ absent: true })
        .where(eq(meetingSpeakers.meetingId, idOf(url)))
        .run();
      expect(absentRows((await admin.get(url).expect(200)).text)).toBeGreaterThan(0);
    } finally {
      serverDb.$client.close();
      otherProcess.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a kept page is compressed once per encoding, not on every request, and decodes to the page', async () => {
    const { app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const identity = await admin.get('/espace/journal').set('Accept-Encoding', 'identity').expect(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    const spy = jest.spyOn(compression, 'compress');
    try {
      for (const encoding of ['br', 'br', 'gzip', 'br', 'gzip']) {
        // supertest decodes the body: what it reads is the page.
        const res = await admin.get('/espace/journal').set('Accept-Encoding', encoding).expect(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.text).toBe(identity.text);
      }
      const page = Buffer.from(identity.text);
      const calls = spy.mock.calls.filter(([body]) => body.equals(page)).map(([, encoding]) => encoding);
      expect(calls.sort()).toEqual(['br', 'gzip']);
    } finally {
      spy.mockRestore();
    }
  });

  test('requests for a page being rendered wait for that render instead of making their own', async () => {
    const { app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    await admin.get('/espace').expect(200);
    const render = jest.spyOn(app, 'render');
    try {
      const pages = await Promise.all(Array.from({ length: 6 }, () => admin.get('/espace/journal').expect(200)));
      expect(new Set(pages.map((p) => p.text)).size).toBe(1);
      expect(textOf(pages[0]!.text)).toContain('admin@example.org');
      expect(render.mock.calls.map(([view]) => view)).toEqual(['workspace/journal']);
    } finally {
      render.mockRestore();
    }
  });
});
