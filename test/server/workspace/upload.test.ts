import { workbookOf } from '../../helpers/workbooks';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { lastAuditId, withAudit } from '../../../db/queries/audit';
import { validateReports } from '../../../db/queries/review';
import { answers, auditEntries, pendingUploads, populationMemberships, reports, users } from '../../../db/schema';
import { DEMO_DATA_REFUSAL, importFiles } from '../../../server/domain/exchange/import';
import { clearDemoData } from '../../../seed/demo-load';
import { readEngineData } from '../../../server/domain/stored-data';
import { EngineSnapshot } from '../../../server/domain/engine/engine';
import { UPLOAD_LIMITS } from '../../../server/domain/workspace/upload';
import { testApp } from '../../helpers/context';
import { htmlProblems, textOf } from '../../helpers/html';
import { demoDatabase } from '../../helpers/pages';
import { createTestUser, signedInAgent, type Agent } from '../../helpers/session';

const ADMIN = 'admin@example.org';
const MEMBER = 'membre@example.org';
const OBSERVER = 'observateur@example.org';

interface File {
  name: string;
  content: string | Buffer;
}

const csv = (name: string, lines: string[]): File => ({ name, content: lines.join('\n') + '\n' });

const ANSWERS_HEADER = 'year,state,indicator,answer,source,note';
const REPORTS_HEADER = 'year,state,received_on,used_reporting_guide';

async function fixture(db?: Db) {
  const context = testApp(db);
  await createTestUser(context.db, ADMIN, 'admin');
  await createTestUser(context.db, MEMBER, 'member', ['victim-assistance']);
  await createTestUser(context.db, OBSERVER, 'observer');
  return context;
}

/** Posts files to the upload form as a browser would (multipart), with the session's CSRF token unless told otherwise. */
async function upload(agent: Agent, files: File[], token?: string | null) {
  const csrf = token === undefined ? await agent.csrf() : token;
  let req = agent.post('/espace/import');
  if (csrf !== null) req = req.field('_csrf', csrf);
  for (const file of files) req = req.attach('fichiers', Buffer.from(file.content), file.name);
  return req;
}

/** The pending upload's id, from the confirmation form of a preview. */
function confirmationId(html: string): string {
  const match = /action="\/espace\/import\/([0-9a-f]{32})\/confirmation"/.exec(html);
  if (!match) throw new Error(`no confirmation form in:\n${textOf(html).slice(0, 2000)}`);
  return match[1]!;
}

async function confirm(agent: Agent, id: string, motif = '') {
  return agent
    .post(`/espace/import/${id}/confirmation`)
    .type('form')
    .send({ _csrf: await agent.csrf(), motif });
}

const userId = (db: Db, email: string) => db.select().from(users).where(eq(users.email, email)).get()!.id;
const pendingCount = (db: Db) => db.select().from(pendingUploads).all().length;

async function expectValidHtml(html: string) {
  expect(await htmlProblems(html)).toEqual([]);
}

describe('upload in the browser: preview, then confirmation', () => {
  test('CSV files: the preview lists the changes without writing; confirmation writes them, audited as an upload with the reason', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    const form = await admin.get('/espace/import').expect(200);
    await expectValidHtml(form.text);
    expect(form.text).toContain('enctype="multipart/form-data"');
    expect(textOf(form.text)).toContain('answers.csv answers year,state,indicator,answer,source,note');

    const mark = lastAuditId(db);
    const preview = await upload(admin, [
      csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,yes']),
      csv('answers.csv', [ANSWERS_HEADER, '2025,AFG,1.1,yes,"Rapport article 7, p. 4",', '2025,AFG,30.1,no,,']),
    ]);
    expect(preview.status).toBe(200);
    await expectValidHtml(preview.text);
    const text = textOf(preview.text);
    expect(text).toContain('reports.csv (rapports) : 1 ajouté, 0 modifié, 0 inchangé');
    expect(text).toContain('answers.csv (réponses) : 2 ajoutées, 0 modifiée, 0 inchangée');
    expect(text).toContain('Modifications (3)');
    expect(text).toContain(
      'Afghanistan — réponse à l’indicateur 1.1 (2025) ajout rapport brouillon réponse : Oui source : Rapport article 7, p. 4',
    );
    expect(text).toContain(
      'Afghanistan — rapport (2025) ajout rapport brouillon reçu le : 28 avril 2025 Guide pour l’établissement des rapports utilisé : oui',
    );
    // Nothing written yet, audit trail included.
    expect(db.select().from(answers).all()).toEqual([]);
    expect(lastAuditId(db)).toBe(mark);
    expect(pendingCount(db)).toBe(1);

    const done = await confirm(admin, confirmationId(preview.text), 'Rapport reçu par courriel');
    expect(done.status).toBe(200);
    await expectValidHtml(done.text);
    expect(textOf(done.text)).toContain('3 modifications enregistrées');
    expect(done.text).toContain('href="/espace/journal"');
    expect(db.select().from(answers).all()).toHaveLength(2);
    expect(db.select().from(reports).all()).toEqual([{ year: 2025, state: 'AFG', receivedOn: '2025-04-28', usedReportingGuide: true }]);
    const entries = db
      .select()
      .from(auditEntries)
      .all()
      .filter((e) => e.id > mark);
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        origin: 'upload',
        actor: ADMIN,
        userId: userId(db, ADMIN),
        reason: 'Rapport reçu par courriel',
        operation: 'insert',
      });
    }
    expect(pendingCount(db)).toBe(0);
    // The upload is gone: a second confirmation finds nothing.
    const again = await confirm(admin, confirmationId(preview.text));
    expect(again.status).toBe(404);
    expect(again.text).toContain('Cet import n’existe pas ou a expiré');
  });

  test('a file with errors: every problem is listed with its file and line, and nothing is written or kept', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    const mark = lastAuditId(db);
    const response = await upload(admin, [
      csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,yes']),
      csv('answers.csv', [ANSWERS_HEADER, '2025,ZZZ,1.1,yes,,', '2025,AFG,1.1,peut-être,,']),
    ]);
    expect(response.status).toBe(422);
    await expectValidHtml(response.text);
    const text = textOf(response.text);
    expect(text).toContain('Import refusé : 2 problèmes, rien n’a été écrit');
    expect(text).toContain('answers.csv:2: state: État inconnu « ZZZ »');
    expect(text).toMatch(/answers\.csv:3: answer: [^ ]/);
    expect(response.text).not.toContain('/confirmation"');
    expect(db.select().from(reports).all()).toEqual([]);
    expect(lastAuditId(db)).toBe(mark);
    expect(pendingCount(db)).toBe(0);
  });

  test('an XLSX workbook with sheets answers and reports is previewed and imported like the CSV files', async () => {
    const rows = {
      reports: [
        ['year', 'state', 'received_on', 'used_reporting_guide'],
        [2025, 'AFG', new Date(Date.UTC(2025, 3, 28)), true],
      ],
      answers: [
        ['year', 'state', 'indicator', 'answer', 'source', 'note'],
        [2025, 'AFG', '1.1', 'yes', 'Rapport article 7, p. 4', null],
        [2025, 'AFG', '30.1', 'no', null, null],
      ],
    };
    const viaXlsx = await fixture();
    const admin = await signedInAgent(viaXlsx.app, ADMIN);
    const preview = await upload(admin, [{ name: 'classeur.xlsx', content: await workbookOf(rows) }]);
    expect(preview.status).toBe(200);
    await expectValidHtml(preview.text);
    const text = textOf(preview.text);
    expect(text).toContain('classeur.xlsx, feuille reports (rapports) : 1 ajouté');
    expect(text).toContain('classeur.xlsx, feuille answers (réponses) : 2 ajoutées');
    expect((await confirm(admin, confirmationId(preview.text))).status).toBe(200);

    const viaCsv = await fixture();
    const other = await signedInAgent(viaCsv.app, ADMIN);
    const csvPreview = await upload(other, [
      csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,yes']),
      csv('answers.csv', [ANSWERS_HEADER, '2025,AFG,1.1,yes,"Rapport article 7, p. 4",', '2025,AFG,30.1,no,,']),
    ]);
    expect((await confirm(other, confirmationId(csvPreview.text))).status).toBe(200);

    for (const table of [reports, answers]) {
      const written = viaXlsx.db.select().from(table).all();
      expect(written.length).toBeGreaterThan(0);
      expect(written).toEqual(viaCsv.db.select().from(table).all());
    }
    const entry = viaXlsx.db.select().from(auditEntries).where(eq(auditEntries.entity, 'answer')).get();
    expect(entry).toMatchObject({ origin: 'upload', actor: ADMIN });
  });

  test('a sheet with a wrong name is an error naming the sheet', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    const content = await workbookOf({
      réponses: [
        ['year', 'state', 'indicator', 'answer'],
        [2025, 'AFG', '1.1', 'yes'],
      ],
    });
    const response = await upload(admin, [{ name: 'classeur.xlsx', content }]);
    expect(response.status).toBe(422);
    await expectValidHtml(response.text);
    expect(textOf(response.text)).toContain('classeur.xlsx, feuille réponses:1: feuille: nom de feuille inconnu « réponses »');
    expect(pendingCount(db)).toBe(0);
  });

  test('the set of files is checked first: none, another format, CSV with a workbook, two workbooks', async () => {
    const { app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    const book = await workbookOf({ answers: [['year']] });
    const cases: [File[], string][] = [
      [[], 'Choisissez au moins un fichier à importer'],
      [[{ name: 'notes.txt', content: 'bonjour' }], '« notes.txt » n’est ni un fichier .csv ni un classeur .xlsx'],
      [[{ name: 'ancien.xls', content: 'x' }], 'enregistrez-le au format « Classeur Excel (.xlsx) »'],
      [
        [{ name: 'a.xlsx', content: book }, csv('answers.csv', [ANSWERS_HEADER])],
        'Envoyez soit des fichiers CSV, soit un classeur XLSX, pas les deux ensemble',
      ],
      [
        [
          { name: 'a.xlsx', content: book },
          { name: 'b.xlsx', content: book },
        ],
        'Un seul classeur XLSX par envoi',
      ],
    ];
    for (const [files, message] of cases) {
      const response = await upload(admin, files);
      expect(response.status).toBe(400);
      expect(textOf(response.text)).toContain(message);
      expect(response.text).toContain('aria-invalid="true"');
      expect(response.text).toContain('aria-describedby="fichiers-aide fichiers-erreur"');
      expect(response.text).toContain('<a href="#fichiers">');
      await expectValidHtml(response.text);
    }
  });

  test('a file larger than the limit is refused with 413 and a French message naming it; so are too many files', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    const big = Buffer.alloc(UPLOAD_LIMITS.fileBytes + 1, 'a');
    const response = await upload(admin, [{ name: 'énorme.csv', content: big }]);
    expect(response.status).toBe(413);
    await expectValidHtml(response.text);
    expect(textOf(response.text)).toContain('Le fichier « énorme.csv » dépasse la limite de 5 Mo par fichier : rien n’a été importé.');

    const many = Array.from({ length: UPLOAD_LIMITS.files + 1 }, (_, i) => csv(`f${i}.csv`, [ANSWERS_HEADER]));
    const tooMany = await upload(admin, many);
    expect(tooMany.status).toBe(413);
    expect(textOf(tooMany.text)).toContain('Au plus 6 fichiers par envoi');
    expect(pendingCount(db)).toBe(0);
  });

  test('without a valid CSRF token the upload is refused (403) and nothing is stored', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    const files = [csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,yes'])];
    for (const token of [null, 'faux-jeton']) {
      const response = await upload(admin, files, token);
      expect(response.status).toBe(403);
      expect(textOf(response.text)).toContain('Ce formulaire a expiré ou ne provient pas de ce site');
    }
    expect(pendingCount(db)).toBe(0);
    expect(db.select().from(reports).all()).toEqual([]);
  });

  test('a member may import reports and answers of their mechanisms’ actions only: anything else is listed and cannot be confirmed', async () => {
    const { db, app } = await fixture();
    const member = await signedInAgent(app, MEMBER);
    const form = await member.get('/espace/import');
    expect(textOf(form.text)).toContain('les réponses aux indicateurs des actions 5, 30 à 39');

    const populations = await upload(member, [csv('populations.csv', ['year,state,population', '2025,AFG,victims'])]);
    expect(populations.status).toBe(403);
    await expectValidHtml(populations.text);
    expect(textOf(populations.text)).toContain(
      'Population (populations.csv) : 1 modification refusée, les populations sont réservées aux administrateurs',
    );
    expect(populations.text).not.toContain('/confirmation"');

    const outside = await upload(member, [
      csv('answers.csv', [ANSWERS_HEADER, '2025,AFG,1.1,yes,,', '2025,AFG,1.2,no,,', '2025,AFG,30.1,yes,,']),
    ]);
    expect(outside.status).toBe(403);
    expect(textOf(outside.text)).toContain(
      'Réponses aux indicateurs 1.1, 1.2 (answers.csv) : 2 modifications refusées, l’action 1 ne relève d’aucun de vos comités.',
    );
    expect(outside.text).not.toContain('/confirmation"');
    expect(pendingCount(db)).toBe(0);

    const allowed = await upload(member, [
      csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,yes']),
      csv('answers.csv', [ANSWERS_HEADER, '2025,AFG,30.1,yes,,']),
    ]);
    expect(allowed.status).toBe(200);
    expect((await confirm(member, confirmationId(allowed.text))).status).toBe(200);
    expect(db.select().from(answers).all()).toMatchObject([{ state: 'AFG', indicator: '30.1', answer: 'yes' }]);
    expect(db.select().from(populationMemberships).all()).toEqual([]);
  });

  test('an observer reads the explanation but may not upload (403); a visitor is asked to sign in', async () => {
    const { db, app } = await fixture();
    const observer = await signedInAgent(app, OBSERVER);
    const page = await observer.get('/espace/import').expect(200);
    await expectValidHtml(page.text);
    expect(page.text).not.toContain('enctype="multipart/form-data"');
    expect(textOf(page.text)).toContain('L’import est réservé aux administrateurs et aux membres des comités');
    const response = await upload(observer, [csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,yes'])]);
    expect(response.status).toBe(403);
    expect(textOf(response.text)).toContain('Votre rôle ne permet pas d’importer des fichiers.');
    expect(pendingCount(db)).toBe(0);

    expect((await request(app).get('/espace/import')).status).toBe(303);
  });

  test('only the uploader may confirm or cancel an upload', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    await createTestUser(db, 'admin2@example.org', 'admin');
    const otherAdmin = await signedInAgent(app, 'admin2@example.org');
    const preview = await upload(admin, [csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,yes'])]);
    const id = confirmationId(preview.text);

    const refused = await confirm(otherAdmin, id, 'je confirme');
    expect(refused.status).toBe(403);
    expect(textOf(refused.text)).toContain('Cet import a été préparé par un autre utilisateur');
    const cancel = await otherAdmin
      .post(`/espace/import/${id}/annulation`)
      .type('form')
      .send({ _csrf: await otherAdmin.csrf() });
    expect(cancel.status).toBe(403);
    expect(db.select().from(reports).all()).toEqual([]);
    expect(pendingCount(db)).toBe(1);

    expect((await confirm(admin, id)).status).toBe(200);
    expect(db.select().from(reports).all()).toHaveLength(1);
  });

  test('the uploader may cancel; an unknown or expired upload is a 404', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    const files = [csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,yes'])];

    const first = confirmationId((await upload(admin, files)).text);
    const cancel = await admin
      .post(`/espace/import/${first}/annulation`)
      .type('form')
      .send({ _csrf: await admin.csrf() });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.location).toBe('/espace/import?annule=1');
    expect(textOf((await admin.get(cancel.headers.location ?? '')).text)).toContain('Import annulé : rien n’a été enregistré.');
    expect(pendingCount(db)).toBe(0);

    const second = confirmationId((await upload(admin, files)).text);
    db.update(pendingUploads)
      .set({ createdAt: new Date(Date.now() - UPLOAD_LIMITS.pendingMs - 1000).toISOString() })
      .run();
    const expired = await confirm(admin, second);
    expect(expired.status).toBe(404);
    await expectValidHtml(expired.text);
    expect(textOf(expired.text)).toContain('Cet import n’existe pas ou a expiré (un aperçu peut être confirmé pendant une heure)');
    expect((await confirm(admin, 'pas-un-identifiant')).status).toBe(404);
    expect(db.select().from(reports).all()).toEqual([]);
  });

  test('a preview made stale by another change is shown again, updated, instead of being applied', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, ADMIN);
    const preview = await upload(admin, [csv('answers.csv', [ANSWERS_HEADER, '2025,AFG,1.1,yes,,'])]);
    const id = confirmationId(preview.text);

    // Meanwhile, someone else enters the same answer as « no ».
    withAudit(db, { userId: null, label: 'collègue@example.org', origin: 'web' }, (tx) => {
      tx.insert(answers).values({ year: 2025, state: 'AFG', indicator: '1.1', answer: 'no' }).run();
    });

    const stale = await confirm(admin, id, 'Correction');
    expect(stale.status).toBe(409);
    await expectValidHtml(stale.text);
    const text = textOf(stale.text);
    expect(text).toMatch(/Les données ont changé depuis votre aperçu \(par collègue@example\.org le .+\) : rien n’a été importé\./);
    expect(text).toContain('Afghanistan — réponse à l’indicateur 1.1 (2025) modification rapport brouillon réponse : Non → Oui');
    // What the user typed stays; the same upload can be confirmed deliberately.
    expect(stale.text).toContain('>Correction</textarea>');
    expect(confirmationId(stale.text)).toBe(id);
    expect(db.select().from(answers).get()?.answer).toBe('no');

    expect((await confirm(admin, id, 'Correction')).status).toBe(200);
    expect(db.select().from(answers).get()?.answer).toBe('yes');
  });

  test('a change to a validated report needs a reason: refused without one, the preview kept', async () => {
    const { db, app } = await fixture();
    withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
      tx.insert(reports).values({ year: 2025, state: 'AFG', receivedOn: '2025-04-28', usedReportingGuide: true }).run();
      validateReports(tx, [{ year: 2025, state: 'AFG' }], null, '2025-06-01T00:00:00.000Z');
    });
    const admin = await signedInAgent(app, ADMIN);
    const preview = await upload(admin, [csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-30,yes'])]);
    expect(preview.status).toBe(200);
    const text = textOf(preview.text);
    expect(text).toContain('un motif est obligatoire');
    expect(text).toContain('rapport 2025 de AFG (validé)');
    expect(text).toContain('reçu le : 28 avril 2025 → 30 avril 2025');
    const id = confirmationId(preview.text);

    const refused = await confirm(admin, id, '   ');
    expect(refused.status).toBe(422);
    await expectValidHtml(refused.text);
    expect(refused.text).toContain('aria-invalid="true"');
    expect(refused.text).toContain('aria-describedby="motif-aide motif-erreur"');
    expect(refused.text).toContain('<a href="#motif">');
    expect(textOf(refused.text)).toContain('Indiquez le motif de la modification');
    expect(db.select().from(reports).get()?.receivedOn).toBe('2025-04-28');
    expect(confirmationId(refused.text)).toBe(id);

    expect((await confirm(admin, id, 'Date corrigée par la mission')).status).toBe(200);
    expect(db.select().from(reports).get()?.receivedOn).toBe('2025-04-30');
    const entry = db.select().from(auditEntries).where(eq(auditEntries.entity, 'report')).all().at(-1);
    expect(entry).toMatchObject({ operation: 'update', origin: 'upload', reason: 'Date corrigée par la mission' });
  });

  test('the demonstration database takes uploads, marked as demonstration changes, and demo:clear still clears them', async () => {
    const { db, app } = await fixture(demoDatabase());
    const admin = await signedInAgent(app, ADMIN);
    const form = await admin.get('/espace/import').expect(200);
    await expectValidHtml(form.text);
    expect(textOf(form.text)).toContain('Base de démonstration : vous pouvez essayer l’import de bout en bout.');
    expect(textOf(form.text)).not.toContain('npm run');

    const before = db.select().from(reports).all();
    const engine = new EngineSnapshot(readEngineData(db));
    const late = [...engine.year(2026).populations.get('party')].find((s) => !before.some((r) => r.year === 2026 && r.state === s))!;
    const response = await upload(admin, [csv('reports.csv', [REPORTS_HEADER, `2026,${late},2026-05-20,yes`])]);
    expect(response.status).toBe(200);
    await expectValidHtml(response.text);
    expect(textOf(response.text)).not.toContain(DEMO_DATA_REFUSAL);
    expect(textOf(response.text)).toContain('Base de démonstration');
    const done = await confirm(admin, confirmationId(response.text));
    expect(done.status).toBe(200);
    await expectValidHtml(done.text);
    expect(textOf(done.text)).toContain('Base de démonstration');
    expect(db.select().from(reports).all()).toHaveLength(before.length + 1);
    const entry = db.select().from(auditEntries).where(eq(auditEntries.entity, 'report')).all().at(-1);
    expect(entry).toMatchObject({ operation: 'insert', origin: 'demo-upload', actor: ADMIN, year: 2026, state: late });
    const journal = await admin.get('/espace/journal').expect(200);
    expect(textOf(journal.text)).toContain('import dans le navigateur sur les données de démonstration');

    // The command line still refuses to mix real rows with the demonstration data.
    expect(importFiles(db, [{ name: 'reports.csv', content: `${REPORTS_HEADER}\n2025,${late},2025-04-28,yes\n` }])).toEqual({
      ok: false,
      errors: [DEMO_DATA_REFUSAL],
      totalErrors: 1,
    });
    // demo:clear deletes the uploaded rows with the rest of the demonstration data.
    clearDemoData(db);
    expect(db.select().from(reports).all()).toEqual([]);
    expect(db.select().from(auditEntries).all()).toEqual([]);
    const after = await admin.get('/espace/import').expect(200);
    expect(textOf(after.text)).not.toContain('Base de démonstration');
  });

  test('rows already stored as they are: nothing to change, nothing to confirm', async () => {
    const { db, app } = await fixture();
    withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
      tx.insert(reports).values({ year: 2025, state: 'AFG', receivedOn: '2025-04-28', usedReportingGuide: true }).run();
    });
    const admin = await signedInAgent(app, ADMIN);
    const response = await upload(admin, [csv('reports.csv', [REPORTS_HEADER, '2025,AFG,2025-04-28,oui'])]);
    expect(response.status).toBe(200);
    await expectValidHtml(response.text);
    expect(textOf(response.text)).toContain('Rien à changer');
    expect(response.text).not.toContain('/confirmation"');
    expect(pendingCount(db)).toBe(0);
  });
});
