import { eq } from 'drizzle-orm';
import { withAudit } from '../../db/queries/audit';
import { answers, users } from '../../db/schema';
import { textOf } from '../helpers/html';
import { csrfTokenOf, signedInAgent } from '../helpers/session';
import { INTERSESSIONAL, meetingApp } from './meetings/fixture';

/**
 * Signed-in pages are rendered once per version of what they show and kept (server/private-render-cache.ts):
 * each user must still get their own page with their own session's form token, and every change must
 * show on the next request.
 */
jest.setTimeout(60_000);

const versionOf = (html: string) => /name="version" value="([0-9]+)"/.exec(html)![1]!;

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
    const created = await admin.post('/espace/reunions').type('form').send({ _csrf: await admin.csrf(), ...INTERSESSIONAL }).expect(303);
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
});
