import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { withAudit } from '../../../db/queries/audit';
import { answers, figures, reports, states } from '../../../db/schema';
import { importFiles } from '../../../server/domain/exchange/import';
import { testApp } from '../../helpers/context';
import { htmlProblems, textOf } from '../../helpers/html';
import { createTestUser, signedInAgent, type Agent } from '../../helpers/session';

/**
 * Spreadsheets as the people who keep these data save them (README, « The exchange format »): from
 * LibreOffice Calc or Excel in a French locale, uploaded in the browser over HTTP to a real SQLite
 * database. What is harmless is accepted and stored as its value; a file refused for its encoding
 * gets one message naming the cause, with no follow-on errors.
 */

const ADMIN = 'admin@example.org';

interface File {
  name: string;
  content: Buffer;
}

/** Text as Windows-1252 bytes: Latin-1 for « é », « ô », and 0x92 for the typographic apostrophe. */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].flatMap((c) => (c === '’' ? [0x92] : [...Buffer.from(c, 'latin1')])));
}

const utf8 = (lines: string[], end = '\n') => Buffer.from(lines.join(end) + end, 'utf8');

async function fixture() {
  const context = testApp();
  await createTestUser(context.db, ADMIN, 'admin');
  return { ...context, admin: await signedInAgent(context.app, ADMIN) };
}

/** Posts the files as a browser would; a preview answers 200, a refused import 422. */
async function upload(agent: Agent, files: File[], status = 200) {
  let req = agent.post('/espace/import').field('_csrf', await agent.csrf());
  for (const file of files) req = req.attach('fichiers', file.content, file.name);
  const response = await req;
  expect(response.status).toBe(status);
  expect(await htmlProblems(response.text)).toEqual([]);
  return response;
}

async function confirm(agent: Agent, html: string) {
  const id = /action="\/espace\/import\/([0-9a-f]{32})\/confirmation"/.exec(html)?.[1];
  if (!id) throw new Error(`no confirmation form in:\n${textOf(html).slice(0, 2000)}`);
  const done = await agent
    .post(`/espace/import/${id}/confirmation`)
    .type('form')
    .send({ _csrf: await agent.csrf(), motif: '' });
  expect(done.status).toBe(200);
  return done;
}

/** A workbook as a French spreadsheet saves it: cells typed as numbers, dates and booleans, with display formats. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const reportsSheet = book.addWorksheet('reports');
  reportsSheet.addRow(['year', 'state', 'received_on', 'used_reporting_guide']);
  const received = reportsSheet.addRow([2025, 'AFG', new Date(Date.UTC(2025, 3, 30)), false]);
  received.getCell(3).numFmt = 'DD/MM/YYYY';

  const answersSheet = book.addWorksheet('answers');
  answersSheet.addRow(['year', 'state', 'indicator', 'answer', 'source', 'note']);
  // A percentage, a date and a boolean typed in the free-text columns: read as the cells show them.
  const first = answersSheet.addRow([2025, 'AFG', 1.1, true, new Date(Date.UTC(2025, 3, 30)), 0.45]);
  first.getCell(5).numFmt = 'DD/MM/YYYY';
  first.getCell(6).numFmt = '0%';
  const second = answersSheet.addRow([2025, 'AFG', 30.1, 'FAUX', 1234.5, true]);
  second.getCell(5).numFmt = '#,##0.00';

  const figuresSheet = book.addWorksheet('figures');
  figuresSheet.addRow(['year', 'indicator', 'value', 'denominator']);
  // A figure shown with one decimal keeps every digit it holds.
  const figure = figuresSheet.addRow([2025, 5.3, 12.3456, null]);
  figure.getCell(3).numFmt = '0.0';
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('upload in the browser: spreadsheets as people save them', () => {
  test('CSV from LibreOffice (trailing blank header columns, VRAI/FAUX, JJ/MM/AAAA) and from Excel (a sep=; line, BOM, CRLF): previewed and stored as their values', async () => {
    const { db, admin } = await fixture();
    const libreOffice = utf8([
      'year;state;received_on;used_reporting_guide;;;',
      '2025;AFG;30/04/2025;VRAI;;;',
      '2025;COL;2025-03-15;FAUX;;;',
      ';;;;;;',
    ]);
    const excel = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8(['sep=;', 'year;state;indicator;answer;source;note', '2025;AFG;1.1;Vrai;Rapport article 7;', '2025;COL;1.1;faux;;'], '\r\n'),
    ]);
    const preview = await upload(admin, [
      { name: 'reports.csv', content: libreOffice },
      { name: 'answers.csv', content: excel },
    ]);
    const text = textOf(preview.text);
    expect(text).toContain('reports.csv (rapports) : 2 ajoutés, 0 modifié, 0 inchangé');
    expect(text).toContain('answers.csv (réponses) : 2 ajoutées, 0 modifiée, 0 inchangée');
    expect(text).toContain(
      'Afghanistan — rapport (2025) ajout rapport brouillon reçu le : 30 avril 2025 Guide pour l’établissement des rapports utilisé : oui',
    );

    await confirm(admin, preview.text);
    expect(db.select().from(reports).orderBy(reports.state).all()).toEqual([
      { year: 2025, state: 'AFG', receivedOn: '2025-04-30', usedReportingGuide: true },
      { year: 2025, state: 'COL', receivedOn: '2025-03-15', usedReportingGuide: false },
    ]);
    expect(db.select({ state: answers.state, answer: answers.answer }).from(answers).orderBy(answers.state).all()).toEqual([
      { state: 'AFG', answer: 'yes' },
      { state: 'COL', answer: 'no' },
    ]);
  }, 60_000);

  test('an XLSX workbook: free text as the cells show it, values as they are stored', async () => {
    const { db, admin } = await fixture();
    const preview = await upload(admin, [{ name: 'classeur.xlsx', content: await workbook() }]);
    const text = textOf(preview.text);
    expect(text).toContain('classeur.xlsx, feuille answers (réponses) : 2 ajoutées, 0 modifiée, 0 inchangée');
    expect(text).toContain('note : 45%');
    // Every digit in the preview, not the one decimal the cell shows.
    expect(text).toContain('Chiffre 5.3 (2025) ajout — valeur : 12,3456');

    await confirm(admin, preview.text);
    expect(db.select().from(reports).all()).toEqual([{ year: 2025, state: 'AFG', receivedOn: '2025-04-30', usedReportingGuide: false }]);
    expect(
      db
        .select({ indicator: answers.indicator, answer: answers.answer, source: answers.source, note: answers.note })
        .from(answers)
        .orderBy(answers.indicator)
        .all(),
    ).toEqual([
      { indicator: '1.1', answer: 'yes', source: '30/04/2025', note: '45%' },
      // Thousands grouped with a no-break space, as French formatting shows them.
      { indicator: '30.1', answer: 'no', source: '1\u00a0234,50', note: 'VRAI' },
    ]);
    expect(
      db
        .select({ value: figures.value })
        .from(figures)
        .where(and(eq(figures.year, 2025), eq(figures.indicator, '5.3')))
        .get(),
    ).toEqual({
      value: 12.3456,
    });
  }, 60_000);

  test('the preview shows a corrected figure at full precision: « 0,33 → 0,34 », not « 0,3 → 0,3 »', async () => {
    const { db, admin } = await fixture();
    const first = withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) =>
      importFiles(tx, [{ name: 'figures.csv', content: 'year,indicator,value,denominator\n2025,5.3,0.33,\n' }]),
    );
    expect(first.ok).toBe(true);
    const preview = await upload(admin, [
      { name: 'figures.csv', content: utf8(['sep=;', 'year;indicator;value;denominator', '2025;5.3;0,34;']) },
    ]);
    expect(textOf(preview.text)).toContain('Chiffre 5.3 (2025) modification — valeur : 0,33 → 0,34');
  }, 60_000);

  test('a States file in Windows-1252: one message naming the encoding and its line, no « État inconnu » after it', async () => {
    const { db, admin } = await fixture();
    const before = db.select().from(states).all().length;
    const preview = await upload(
      admin,
      [
        { name: 'states.csv', content: windows1252('iso3;name_fr;name_en;party\r\nZZZ;État d’essai;Test State;non\r\n') },
        { name: 'answers.csv', content: utf8(['year;state;indicator;answer', '2025;ZZZ;1.1;oui']) },
      ],
      422,
    );
    const text = textOf(preview.text);
    expect(text).toContain('Import refusé : 1 problème, rien n’a été écrit');
    expect(text).toContain(
      'states.csv:2: fichier: le fichier n’est pas encodé en UTF-8 (premier caractère illisible sur cette ligne) : enregistrez-le au format « CSV UTF-8 » (Excel) ou avec le jeu de caractères « Unicode (UTF-8) » (LibreOffice)',
    );
    expect(text).not.toContain('inconnu');
    expect(db.select().from(states).all()).toHaveLength(before);
  }, 60_000);

  test('what stays refused names its cause: another separator on the sep= line, a column without a name, a workbook named .csv', async () => {
    const { admin } = await fixture();
    const preview = await upload(
      admin,
      [
        { name: 'pipe.csv', content: utf8(['sep=|', 'year|state|population']) },
        { name: 'gap.csv', content: utf8(['year;;state;population', '2025;;AFG;affected']) },
        { name: 'classeur.csv', content: await workbook() },
      ],
      422,
    );
    const text = textOf(preview.text);
    expect(text).toContain('Import refusé : 3 problèmes, rien n’a été écrit');
    expect(text).toContain(
      'pipe.csv:1: fichier: séparateur « | » non pris en charge : point-virgule ou virgule attendu (ligne « sep=; » ou « sep=, »)',
    );
    expect(text).toContain('gap.csv:1: en-tête: la colonne n° 2 de l’en-tête n’a pas de nom : nommez-la ou supprimez-la');
    expect(text).toContain(
      'classeur.csv:1: fichier: c’est un classeur (XLSX, ODS) ou une archive ZIP, pas un fichier CSV : un classeur doit porter l’extension .xlsx (ou enregistrez la feuille au format « CSV UTF-8 »)',
    );
  }, 60_000);
});
