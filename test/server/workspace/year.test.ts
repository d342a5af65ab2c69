import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { withAudit } from '../../../db/queries/audit';
import { readCatalogue } from '../../../server/domain/catalogue';
import { readMemberships } from '../../../db/queries/memberships';
import { readRegistry } from '../../../server/domain/stored-data';
import { validateReports } from '../../../db/queries/review';
import { auditEntries, populationMemberships, reports, states } from '../../../db/schema';
import { isPartyInYear } from '../../../server/domain/registry';
import { isAnswerable } from '../../../server/domain/workspace/report-entry';
import { formatShare } from '../../../server/presenters/publication-preview';
import { testApp } from '../../helpers/context';
import { hrefsOf, htmlProblems, textOf } from '../../helpers/html';
import { createTestUser, csrfTokenOf, signedInAgent } from '../../helpers/session';

const CLI = { userId: null, label: 'test', origin: 'cli' } as const;
/** A State party in 2025 whose withdrawal takes effect at the end of 2025 (set by the fixture). */
const LEAVING = 'BIH';

async function fixture() {
  const { db, app } = testApp();
  withAudit(db, CLI, (tx) => {
    tx.update(states).set({ partyUntil: '2025-12-31' }).where(eq(states.iso3, LEAVING)).run();
    tx.insert(populationMemberships)
      .values([
        { year: 2025, state: 'COL', population: 'affected' },
        { year: 2025, state: 'AFG', population: 'affected' },
        { year: 2025, state: LEAVING, population: 'affected' },
        { year: 2025, state: 'COL', population: 'victims' },
        { year: 2025, state: 'AFG', population: 'extension_request' },
        // Already entered for 2026: the carry-forward leaves it alone.
        { year: 2025, state: 'AFG', population: 'donor' },
        { year: 2026, state: 'NOR', population: 'donor' },
      ])
      .run();
    tx.insert(reports)
      .values([
        { year: 2026, state: 'COL', receivedOn: '2026-04-10', usedReportingGuide: true },
        { year: 2026, state: 'AFG', receivedOn: '2026-04-11', usedReportingGuide: false },
      ])
      .run();
  });
  validateReports(db, [{ year: 2026, state: 'COL' }], null, '2026-05-01T00:00:00Z');
  await createTestUser(db, 'admin@example.org', 'admin');
  await createTestUser(db, 'membre@example.org', 'member', ['article5']);
  return { db, app };
}

const parties = (db: Db, year: number) => readRegistry(db).filter((s) => isPartyInYear(s, year)).length;
const fingerprintOf = (html: string) => /name="fingerprint" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('the year checklist', () => {
  test('shows each step with its counts and links; the carry-forward link is for admins', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    const page = await admin.get('/espace/annees/2026').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const text = textOf(page.text);
    const n = parties(db, 2026);
    expect(text).toContain(`${formatShare(2, n)} des États parties ont un rapport 2026 saisi`);
    expect(text).toContain(`${formatShare(1, 2)} des rapports reçus d’États parties sont validés ; 1 rapport en brouillon`);
    expect(text).toContain(`${n} États parties en 2026 ; 0 entrée et 1 retrait depuis 2025`);
    expect(text).toContain('Ne sont plus parties : Bosnie-Herzégovine');
    expect(text).toContain(`${formatShare(0, 4)} des chiffres saisis ; manquent : 5.3, 5.4, 11.2, 12.2`);
    expect(text).toContain('0 réponse saisie en tout');
    expect(text).toContain('2026 n’est pas publiée');
    expect(page.text).toContain('<a href="/espace/annees/2026/populations">Reprendre les populations de 2025 (aperçu)</a>');
    expect(hrefsOf(page.text)).toEqual(
      expect.arrayContaining([
        '/espace/saisie/2026?statut=brouillon',
        '/espace/saisie/2026?statut=aucun',
        '/espace/chiffres/2026',
        '/espace/registre',
      ]),
    );
    expect(page.text).toContain('<a href="/espace/annees/2026/publication">Aperçu de la publication</a>');
    // The home page leads to it.
    expect((await admin.get('/espace')).text).toContain('<a href="/espace/annees/2026">Suivi de l’année 2026</a>');

    const member = await signedInAgent(app, 'membre@example.org');
    const seen = await member.get('/espace/annees/2026').expect(200);
    expect(seen.text).not.toContain('/espace/annees/2026/populations');
    expect(seen.text).not.toContain('/espace/annees/2026/publication');
  });
});

describe('carrying populations forward', () => {
  test('the preview shows exactly what would be copied; the confirmation copies exactly that, audited', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    const preview = await admin.get('/espace/annees/2026/populations').expect(200);
    expect(await htmlProblems(preview.text)).toEqual([]);
    const text = textOf(preview.text);
    expect(preview.text).toMatch(/id="reprise-affected" name="population:affected" value="1" checked>/);
    expect(preview.text).toMatch(/id="reprise-extension_request" name="population:extension_request" value="1" aria-describedby/);
    expect(text).toContain('Non repris, car plus parties en 2026 : Bosnie-Herzégovine');
    expect(text).toContain('Déjà saisie en 2026 (1 État) : laissée telle quelle.');
    expect(readMemberships(db, 2026)).toHaveLength(1);

    // Without the preview's fingerprint nothing is copied.
    const forged = await admin
      .post('/espace/annees/2026/populations')
      .type('form')
      .send({ _csrf: csrfTokenOf(preview.text), 'population:affected': '1' });
    expect(forged.status).toBe(409);
    expect(readMemberships(db, 2026)).toHaveLength(1);

    const lastAudit = db.select().from(auditEntries).all().length;
    const done = await admin
      .post('/espace/annees/2026/populations')
      .type('form')
      .send({
        _csrf: csrfTokenOf(preview.text),
        fingerprint: fingerprintOf(preview.text),
        'population:affected': '1',
        'population:victims': '1',
      });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/espace/annees/2026');
    expect(textOf((await admin.get('/espace/annees/2026')).text)).toContain('3 appartenances reprises de 2025');

    // Exactly 2025's members of the chosen populations that are party in 2026; the rest untouched.
    const previous = readMemberships(db, 2025).filter((m) => ['affected', 'victims'].includes(m.population) && m.state !== LEAVING);
    const key = (m: { state: string; population: string }) => `${m.population}:${m.state}`;
    const now = readMemberships(db, 2026);
    expect(
      now
        .filter((m) => m.population !== 'donor')
        .map(key)
        .sort(),
    ).toEqual(previous.map(key).sort());
    expect(now.filter((m) => m.population === 'donor').map(key)).toEqual(['donor:NOR']);
    const audit = db.select().from(auditEntries).all().slice(lastAudit);
    expect(audit).toHaveLength(previous.length);
    for (const entry of audit) {
      expect(entry).toMatchObject({
        entity: 'membership',
        operation: 'insert',
        year: 2026,
        actor: 'admin@example.org',
        reason: 'Reprise des populations de 2025',
      });
    }

    // A second confirmation of the same preview is refused: the plan changed.
    const again = await admin
      .post('/espace/annees/2026/populations')
      .type('form')
      .send({ _csrf: csrfTokenOf(preview.text), fingerprint: fingerprintOf(preview.text), 'population:affected': '1' });
    expect(again.status).toBe(409);
    expect(textOf(again.text)).toContain('Rien n’a été copié');
    expect(readMemberships(db, 2026)).toHaveLength(now.length);
  });

  test('only admins may carry populations forward', async () => {
    const { db, app } = await fixture();
    const member = await signedInAgent(app, 'membre@example.org');
    expect((await member.get('/espace/annees/2026/populations')).status).toBe(403);
    const refused = await member
      .post('/espace/annees/2026/populations')
      .type('form')
      .send({ _csrf: await member.csrf(), 'population:affected': '1' });
    expect(refused.status).toBe(403);
    expect(readMemberships(db, 2026)).toHaveLength(1);
  });
});

describe('the report form says why an indicator is not offered, and whom to ask', () => {
  test('a population not yet entered for the year, then a State outside it', async () => {
    const { db, app } = await fixture();
    const member = await signedInAgent(app, 'membre@example.org');
    const catalogue = readCatalogue(db);
    const ofPopulation = (key: string) =>
      catalogue.actions
        .flatMap((a) => a.indicators)
        .filter((i) => isAnswerable(i) && i.populationRef?.key === key)
        .map((i) => i.code);
    const affected = ofPopulation('affected');
    expect(affected.length).toBeGreaterThan(0);

    const page = await member.get('/espace/saisie/2027/AFG').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const text = textOf(page.text);
    expect(text).toContain(
      `Population « États parties touchés » pas encore saisie pour 2027 : indicateurs ${affected.join(', ')} non proposés. Demandez à l’Unité d’appui à l’application (les administrateurs de l’espace de travail), qui tient les populations, de la saisir pour 2027 ou de reprendre celle de 2026.`,
    );

    withAudit(db, CLI, (tx) => tx.insert(populationMemberships).values({ year: 2027, state: 'COL', population: 'affected' }).run());
    const after = textOf((await member.get('/espace/saisie/2027/AFG').expect(200)).text);
    expect(after).not.toContain('« États parties touchés » pas encore saisie');
    expect(after).toContain(
      `Afghanistan n’appartient pas à la population « États parties touchés » en 2027 : indicateurs ${affected.join(', ')}.`,
    );
    // Colombia, a member, is offered them and told nothing about them.
    const colombia = textOf((await member.get('/espace/saisie/2027/COL').expect(200)).text);
    expect(colombia).not.toContain('n’appartient pas à la population « États parties touchés »');
    expect(
      db
        .select()
        .from(populationMemberships)
        .where(and(eq(populationMemberships.year, 2027)))
        .all(),
    ).toHaveLength(1);
  });
});
