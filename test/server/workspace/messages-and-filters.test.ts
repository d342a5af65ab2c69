import { withAudit } from '../../../db/queries/audit';
import { validateReports } from '../../../db/queries/review';
import { reports } from '../../../db/schema';
import { testApp } from '../../helpers/context';
import { textOf } from '../../helpers/html';
import { createTestUser, signedInAgent } from '../../helpers/session';
import { confirmPublication } from '../../helpers/publication';

// Signing in verifies an argon2 hash: slow on a busy machine.
jest.setTimeout(120_000);

async function adminAgent() {
  const { db, app } = testApp();
  withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
    tx.insert(reports).values({ year: 2026, state: 'COL', receivedOn: '2026-04-10', usedReportingGuide: true }).run();
  });
  await createTestUser(db, 'admin@example.org', 'admin');
  return { db, admin: await signedInAgent(app, 'admin@example.org') };
}

/** The success or information message a page shows, if any. */
const banner = (html: string) =>
  /<p class="form-message form-message--(?:success|info)" role="status">([^<]*)<\/p>/.exec(html)?.[1] ?? null;

describe('messages after a change come from the session, not from the address', () => {
  test('an address cannot make a workspace page show a message', async () => {
    const { admin } = await adminAgent();
    const forged = [
      '/espace?publiee=2026%20:%20tout%20est%20faux.%20Appelez%20le%20+33%201%2000%2000%2000%2000&revision=9',
      '/espace/saisie/2026/COL?enregistre=999',
      '/espace/saisie/2026/COL?valide=1',
      '/espace/chiffres/2026?enregistre=42',
      '/espace/registre/COL?enregistre=1',
    ];
    for (const url of forged) {
      const page = await admin.get(url).expect(200);
      expect([url, banner(page.text)]).toEqual([url, null]);
      expect(textOf(page.text)).not.toContain('tout est faux');
    }
  });

  test('a publication says so once, on the page it leads to, and not again on reload', async () => {
    const { db, admin } = await adminAgent();
    validateReports(db, [{ year: 2026, state: 'COL' }], null, '2026-05-01T00:00:00Z');
    const done = await confirmPublication(admin, 2026, { reason: 'Essai de publication anticipée' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/espace');
    // Another page first: the message waits for its own page.
    expect(banner((await admin.get('/espace/chiffres/2026').expect(200)).text)).toBeNull();
    expect(banner((await admin.get('/espace').expect(200)).text)).toBe('L’année 2026 est publiée : le public la voit désormais.');
    expect(banner((await admin.get('/espace').expect(200)).text)).toBeNull();
  });
});

describe('filters from the address are looked up among their own values only', () => {
  test('?statut= with an inherited property name (toString, __proto__, constructor) is a 400 in French', async () => {
    const { admin } = await adminAgent();
    for (const value of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
      const page = await admin.get(`/espace/saisie/2026?statut=${value}`).expect(400);
      expect(textOf(page.text)).toContain(`Le statut « ${value} » n’existe pas : choisissez aucun, brouillon, valide ou publie.`);
    }
    const drafts = await admin.get('/espace/saisie/2026?statut=brouillon').expect(200);
    expect(drafts.text).toContain('Colombie');
  });
});
