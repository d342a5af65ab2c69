import request from 'supertest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { withAudit } from '../../../db/queries/audit';
import { validateReports } from '../../../db/queries/review';
import { isYearPublished, readReleaseHistory } from '../../../db/queries/releases';
import { readRegistry } from '../../../server/domain/stored-data';
import { answers, auditEntries, populationMemberships, reports } from '../../../db/schema';
import { isPartyInYear } from '../../../server/domain/registry';
import { formatPercent } from '../../../server/presenters/format';
import { formatShare } from '../../../server/presenters/publication-preview';

/** « 50 % » as the pages write it (with a no-break space). */
const FIFTY = formatPercent(50);
import { readConfig } from '../../../server/config';
import { testApp } from '../../helpers/context';
import { htmlProblems, textOf } from '../../helpers/html';
import { confirmPublication, fingerprintOf } from '../../helpers/publication';
import { createTestUser, csrfTokenOf, signedInAgent, type Agent } from '../../helpers/session';

const CLI = { userId: null, label: 'test', origin: 'cli' } as const;

async function fixture(config = {}) {
  const { db, app } = testApp(undefined, config);
  withAudit(db, CLI, (tx) => {
    tx.insert(reports)
      .values([
        { year: 2026, state: 'COL', receivedOn: '2026-04-10', usedReportingGuide: true },
        { year: 2026, state: 'AFG', receivedOn: '2026-04-11', usedReportingGuide: false },
      ])
      .run();
    tx.insert(answers).values({ year: 2026, state: 'COL', indicator: '1.1', answer: 'yes' }).run();
    tx.insert(populationMemberships).values({ year: 2026, state: 'COL', population: 'affected' }).run();
  });
  await createTestUser(db, 'admin@example.org', 'admin');
  await createTestUser(db, 'membre@example.org', 'member', ['article5']);
  return { db, app };
}

const parties = (db: Db, year: number) =>
  readRegistry(db)
    .filter((s) => isPartyInYear(s, year))
    .map((s) => s.iso3);

/** Reports of `year`, validated, from the first `count` States Parties (alphabetical), besides those already there. */
function validatedReports(db: Db, year: number, count: number) {
  const existing = new Set(
    db
      .select()
      .from(reports)
      .where(eq(reports.year, year))
      .all()
      .map((r) => r.state),
  );
  const chosen = parties(db, year)
    .slice(0, count)
    .filter((s) => !existing.has(s));
  withAudit(db, CLI, (tx) => {
    if (chosen.length > 0) {
      tx.insert(reports)
        .values(chosen.map((state) => ({ year, state, receivedOn: `${year}-04-20`, usedReportingGuide: true })))
        .run();
    }
  });
  validateReports(
    db,
    [...chosen, ...existing].map((state) => ({ year, state })),
    null,
    `${year}-05-01T00:00:00Z`,
  );
}

const previewOf = async (agent: Agent, year: number) => agent.get(`/espace/annees/${year}/publication`);

/** The cells of a row of the preview's headline table, by its label. */
function headline(html: string, label: string): string[] {
  const row = new RegExp(`<tr><th scope="row">${label}</th><td>(.*?)</td><td>(.*?)</td></tr>`).exec(html);
  if (!row) throw new Error(`no row « ${label} »`);
  return [textOf(row[1]!), textOf(row[2]!)];
}

describe('publishing a year goes through a preview and an explicit confirmation', () => {
  test('the preview shows the figures before and after, the completeness and the warnings; publishing needs its confirmation', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    validateReports(
      db,
      [
        { year: 2026, state: 'COL' },
        { year: 2026, state: 'AFG' },
      ],
      null,
      '2026-05-01T00:00:00Z',
    );
    const n = parties(db, 2026).length;

    const preview = await previewOf(admin, 2026);
    expect(preview.status).toBe(200);
    expect(await htmlProblems(preview.text)).toEqual([]);
    expect(headline(preview.text, 'Rapports d’États parties publiés')).toEqual(['non publiée', formatShare(2, n)]);
    expect(headline(preview.text, 'États parties')).toEqual(['non publiée', String(n)]);
    const text = textOf(preview.text);
    expect(text).toContain('Année affichée par défaut aux visiteurs : 2025 aujourd’hui, 2025 après publication (inchangée)');
    expect(text).toContain(
      `Seuls ${formatShare(2, n)} des États parties auraient un rapport validé publié pour 2026 : moins que le seuil de ${FIFTY}.`,
    );
    expect(text).toContain(`${n - 2} États parties n’ont pas encore de rapport 2026 saisi.`);
    expect(text).toContain('Chiffres non saisis pour 2026 : 5.3, 5.4, 11.2, 12.2');
    expect(text).toContain(`Rapports validés d’États parties ${formatShare(2, n)}`);
    expect(fingerprintOf(preview.text)).not.toBe('');

    // A POST without the preview's fingerprint (a forged or scripted request) publishes nothing.
    const direct = await admin
      .post('/espace/annees/2026/publication')
      .type('form')
      .send({ _csrf: await admin.csrf(), reason: 'Pour voir' });
    expect(direct.status).toBe(400);
    expect(await htmlProblems(direct.text)).toEqual([]);
    expect(textOf(direct.text)).toContain('Rien n’a été publié : une année se publie depuis son aperçu');
    expect(isYearPublished(db, 2026)).toBe(false);

    const done = await confirmPublication(admin, 2026, { reason: 'Rapports reçus pour la réunion de juin' });
    expect(done.status).toBe(303);
    expect((await admin.get('/espace')).text).toContain('L’année 2026 est publiée');
    const entry = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entity, 'publication'), eq(auditEntries.year, 2026)))
      .get();
    expect(entry).toMatchObject({ actor: 'admin@example.org', origin: 'web', operation: 'insert' });
    const visitor = await request(app).get('/api/v1/indicators?year=2026').expect(200);
    expect(visitor.body.indicators.find((i: { code: string }) => i.code === '1.1')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  test('a confirmation of a preview whose data changed since is refused, with the updated preview', async () => {
    const { db, app } = await fixture({ publicationMinCoverage: 0 });
    const admin = await signedInAgent(app, 'admin@example.org');
    validateReports(
      db,
      [
        { year: 2026, state: 'COL' },
        { year: 2026, state: 'AFG' },
      ],
      null,
      '2026-05-01T00:00:00Z',
    );
    const preview = await previewOf(admin, 2026);
    const stale = fingerprintOf(preview.text);
    // A colleague corrects an answer meanwhile: the admin has not seen it.
    withAudit(
      db,
      CLI,
      (tx) =>
        tx
          .update(answers)
          .set({ answer: 'no' })
          .where(and(eq(answers.state, 'COL'), eq(answers.indicator, '1.1')))
          .run(),
      {
        reason: 'Correction',
      },
    );
    const refused = await admin
      .post('/espace/annees/2026/publication')
      .type('form')
      .send({ _csrf: csrfTokenOf(preview.text), fingerprint: stale });
    expect(refused.status).toBe(409);
    expect(await htmlProblems(refused.text)).toEqual([]);
    expect(textOf(refused.text)).toContain('Rien n’a été publié : les données de 2026 ont changé depuis l’aperçu que vous avez confirmé');
    expect(isYearPublished(db, 2026)).toBe(false);
    // A forged fingerprint is refused the same way.
    const forged = await admin
      .post('/espace/annees/2026/publication')
      .type('form')
      .send({ _csrf: csrfTokenOf(preview.text), fingerprint: 'x'.repeat(43) });
    expect(forged.status).toBe(409);
    // The page refused carries the fingerprint of the data as they are now: confirming it publishes.
    const fresh = fingerprintOf(refused.text);
    expect(fresh).not.toBe(stale);
    const again = await admin
      .post('/espace/annees/2026/publication')
      .type('form')
      .send({ _csrf: csrfTokenOf(refused.text), fingerprint: fresh });
    expect(again.status).toBe(303);
    expect(readReleaseHistory(db).get(2026)).toHaveLength(1);
  });

  test('a first publication below the coverage threshold needs a written reason, published in the release note', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    validateReports(
      db,
      [
        { year: 2026, state: 'COL' },
        { year: 2026, state: 'AFG' },
      ],
      null,
      '2026-05-01T00:00:00Z',
    );
    const n = parties(db, 2026).length;

    const preview = await previewOf(admin, 2026);
    expect(preview.text).toContain('Raison de publier 2026 dès maintenant (obligatoire, publique)');
    const refused = await confirmPublication(admin, 2026, { reason: '   ', note: 'Ma note' });
    expect(refused.status).toBe(400);
    expect(await htmlProblems(refused.text)).toEqual([]);
    expect(textOf(refused.text)).toContain(
      `Indiquez pourquoi publier 2026 maintenant : moins de ${FIFTY} des États parties y ont un rapport validé.`,
    );
    expect(refused.text).toContain('aria-invalid="true"');
    expect(refused.text).toContain('>Ma note</textarea>');
    expect(isYearPublished(db, 2026)).toBe(false);

    const reason = 'Le Comité de coordination a besoin des premiers rapports pour sa réunion de juin';
    expect((await confirmPublication(admin, 2026, { reason, note: 'Premiers rapports' })).status).toBe(303);
    const note = readReleaseHistory(db).get(2026)![0]!.note!;
    expect(note).toBe(
      `Publication anticipée : ${formatShare(2, n)} des États parties ont un rapport validé publié, sous le seuil de ${FIFTY}. Raison : ${reason} — Premiers rapports`,
    );
    // Shown to the public with the release, on the open-data page and on /transparence.
    expect(textOf((await request(app).get('/donnees/').expect(200)).text)).toContain(`Note : ${note}`);
    expect(textOf((await request(app).get('/transparence').expect(200)).text)).toContain(reason);

    // A revision of a year already published needs no reason.
    withAudit(db, CLI, (tx) => tx.insert(populationMemberships).values({ year: 2026, state: 'AFG', population: 'affected' }).run());
    const revision = await previewOf(admin, 2026);
    expect(revision.text).not.toContain('Raison de publier 2026');
    expect((await confirmPublication(admin, 2026)).status).toBe(303);
    expect(readReleaseHistory(db).get(2026)!.at(-1)).toMatchObject({ revision: 2, note: null });
  });

  test('a year complete enough needs no reason', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    const n = parties(db, 2026).length;
    validatedReports(db, 2026, Math.ceil(n / 2));
    const preview = await previewOf(admin, 2026);
    expect(preview.text).not.toContain('Raison de publier 2026');
    expect(textOf(preview.text)).not.toContain('moins que le seuil');
    expect((await confirmPublication(admin, 2026)).status).toBe(303);
    expect(readReleaseHistory(db).get(2026)![0]!.note).toBeNull();
  });

  test('visitors move to a new default year only once it is published and complete enough', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    const defaultYear = async () => (await request(app).get('/api/v1/indicators').expect(200)).body.year as number;
    const homeYear = async () => /<option value="(\d{4})" selected>/.exec((await request(app).get('/').expect(200)).text)?.[1];

    validatedReports(db, 2025, parties(db, 2025).length);
    expect((await confirmPublication(admin, 2025)).status).toBe(303);
    expect(await defaultYear()).toBe(2025);

    // 2026 with 2 reports: published, visible on demand, but not where visitors land.
    validateReports(
      db,
      [
        { year: 2026, state: 'COL' },
        { year: 2026, state: 'AFG' },
      ],
      null,
      '2026-05-01T00:00:00Z',
    );
    expect((await confirmPublication(admin, 2026, { reason: 'Premiers rapports' })).status).toBe(303);
    expect(await defaultYear()).toBe(2025);
    expect(await homeYear()).toBe('2025');
    expect((await request(app).get('/api/v1/indicators?year=2026').expect(200)).body.hasData).toBe(true);

    // Enough reports validated: the revision's preview says visitors will move, and they do once it is published.
    validatedReports(db, 2026, Math.ceil(parties(db, 2026).length / 2));
    const preview = await previewOf(admin, 2026);
    expect(textOf(preview.text)).toContain(
      'Année affichée par défaut aux visiteurs : 2025 aujourd’hui, 2026 après publication (les visiteurs seront amenés sur 2026)',
    );
    expect(await defaultYear()).toBe(2025);
    expect((await confirmPublication(admin, 2026)).status).toBe(303);
    expect(await defaultYear()).toBe(2026);
    expect(await homeYear()).toBe('2026');
  });

  test('is refused while a report is a draft, naming it', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    validateReports(db, [{ year: 2026, state: 'COL' }], null, '2026-05-01T00:00:00Z');
    const preview = await previewOf(admin, 2026);
    expect(preview.status).toBe(200);
    expect(await htmlProblems(preview.text)).toEqual([]);
    expect(textOf(preview.text)).toContain('1 rapport est encore en brouillon');
    expect(preview.text).toContain('<a href="/espace/saisie/2026/AFG">Afghanistan</a>');
    expect(fingerprintOf(preview.text)).toBe('');
    const refused = await admin
      .post('/espace/annees/2026/publication')
      .type('form')
      .send({ _csrf: await admin.csrf(), fingerprint: 'x' });
    expect(refused.status).toBe(409);
    expect(textOf(refused.text)).toContain('L’année 2026 ne peut pas être publiée : 1 rapport est encore en brouillon.');
    expect(isYearPublished(db, 2026)).toBe(false);
  });

  test('a year without a validated report has nothing to publish', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    expect(textOf((await previewOf(admin, 2027)).text)).toContain('L’année 2027 n’a aucun rapport validé : rien à publier.');
    const refused = await confirmPublication(admin, 2027);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('L’année 2027 n’a aucun rapport validé : rien à publier.');
    expect(isYearPublished(db, 2027)).toBe(false);
  });

  test('only an admin may see the preview and publish, with the form token', async () => {
    const { db, app } = await fixture();
    validateReports(
      db,
      [
        { year: 2026, state: 'COL' },
        { year: 2026, state: 'AFG' },
      ],
      null,
      '2026-05-01T00:00:00Z',
    );
    const member = await signedInAgent(app, 'membre@example.org');
    expect((await previewOf(member, 2026)).status).toBe(403);
    expect((await confirmPublication(member, 2026, { reason: 'x' })).status).toBe(403);
    const admin = await signedInAgent(app, 'admin@example.org');
    await admin
      .post('/espace/annees/2026/publication')
      .type('form')
      .send({ fingerprint: fingerprintOf((await previewOf(admin, 2026)).text) })
      .expect(403);
    await request(app).post('/espace/annees/2026/publication').type('form').send({}).expect(403);
    expect(isYearPublished(db, 2026)).toBe(false);
    // The link to the preview is shown to admins only.
    expect((await member.get('/espace')).text).not.toContain('Publier 2026');
    expect((await admin.get('/espace')).text).toContain('<a href="/espace/annees/2026/publication" class="button">Publier 2026</a>');
  });
});

describe('PUBLICATION_MIN_COVERAGE', () => {
  test('is a percentage, 50 by default; anything else stops the start with a French message', () => {
    expect(readConfig({}).publicationMinCoverage).toBe(50);
    expect(readConfig({ PUBLICATION_MIN_COVERAGE: '30' }).publicationMinCoverage).toBe(30);
    expect(readConfig({ PUBLICATION_MIN_COVERAGE: '0' }).publicationMinCoverage).toBe(0);
    for (const bad of ['120', '-5', 'moitié']) {
      expect(() => readConfig({ PUBLICATION_MIN_COVERAGE: bad })).toThrow(
        `PUBLICATION_MIN_COVERAGE doit être un pourcentage entre 0 et 100 (reçu : « ${bad} »).`,
      );
    }
  });
});
