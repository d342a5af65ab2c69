import { t } from '../../../server/i18n/translate';
import { workbookOf } from '../../helpers/workbooks';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import type { Db } from '../../../db/client';
import { BASELINE_YEAR, TARGET_YEAR } from '../../../db/codes';
import { DATA_KINDS, EXCHANGE_KINDS } from '../../../server/domain/data-kinds';
import { setUserLocale } from '../../../db/queries/users';
import { withAudit } from '../../../db/queries/audit';
import { populationMemberships, users } from '../../../db/schema';
import type { Locale } from '../../../server/i18n/locale';
import { foreignPhrases } from '../../helpers/foreign-phrases';
import { htmlProblems, textOf } from '../../helpers/html';
import { testApp } from '../../helpers/context';
import { createTestUser, csrfTokenOf, TEST_PASSWORD, type Agent } from '../../helpers/session';

/**
 * The upload pages and the problems an import finds, in the member's language (issue 17,
 * docs/i18n.md#the-workspace): no phrase of another language's message file on the English and
 * Spanish pages, the problems worded in the member's language with their file, line and column,
 * and French as it was. The same value rules in the figures and registry forms.
 */

jest.setTimeout(120_000);

const ADMIN = 'admin@example.org';
const MEMBER = 'membre@example.org';

interface File {
  name: string;
  content: string | Buffer;
}

async function fixture() {
  const context = testApp();
  await createTestUser(context.db, ADMIN, 'admin');
  await createTestUser(context.db, MEMBER, 'member', ['victim-assistance']);
  return context;
}

/** Signs in, the account's language set to `locale`; its CSRF token read from the workspace in that language. */
async function signedIn(app: Express, db: Db, email: string, locale: Locale): Promise<Agent> {
  setUserLocale(db, db.select().from(users).where(eq(users.email, email)).get()!.id, locale);
  const agent = request.agent(app) as Agent;
  const form = await agent.get('/connexion').expect(200);
  await agent
    .post('/connexion')
    .type('form')
    .send({ _csrf: csrfTokenOf(form.text), email, password: TEST_PASSWORD, retour: '/espace' })
    .expect(303);
  const prefix = locale === 'fr' ? '' : `/${locale}`;
  agent.csrf = async () => csrfTokenOf((await agent.get(`${prefix}/espace`).expect(200)).text);
  return agent;
}

function upload(agent: Agent, locale: Locale, files: File[], csrf: string) {
  let req = agent.post(`${locale === 'fr' ? '' : `/${locale}`}/espace/import`).field('_csrf', csrf);
  for (const file of files) req = req.attach('fichiers', Buffer.from(file.content), file.name);
  return req;
}

/**
 * The journal's names of the exchange columns (« Guide pour l’établissement des rapports utilisé »),
 * which the preview's details share with the journal, belong to the journal's wording (docs/i18n.md):
 * not counted here.
 */
const COLUMN_LABELS = EXCHANGE_KINDS.flatMap((kind) => DATA_KINDS[kind].columns.map((column) => t('fr', column.labelKey)));

/** The page's text, after checking its language and that it holds no phrase of another language's file. */
function pageText(html: string, locale: Locale): string {
  expect(html).toContain(`<html lang="${locale}"`);
  const text = textOf(html);
  expect(foreignPhrases(text, locale).filter((phrase) => !COLUMN_LABELS.some((label) => label.includes(phrase)))).toEqual([]);
  return text;
}

const YEARS = { min: BASELINE_YEAR, max: TARGET_YEAR };

const BAD_ANSWERS: File = {
  name: 'answers.csv',
  content: ['year,state,indicator,answer,source,note', '20x5,AFG,1.1,yes,,', '2025,ZZZ,1.1,peut-être,,'].join('\n') + '\n',
};

describe('upload pages in English and Spanish', () => {
  test.each([
    ['en', 'Import files', 'See the preview', 'Kinds of files and columns', 'You are administrator'],
    ['es', 'Importar archivos', 'Ver la vista previa', 'Tipos de archivos y columnas', 'Usted es administrador'],
  ] as const)(
    '%s: the form page, its refusal of a set of files, and a preview with errors',
    async (locale, title, button, caption, rights) => {
      const { app, db } = await fixture();
      const admin = await signedIn(app, db, ADMIN, locale);

      const form = await admin.get(`/${locale}/espace/import`).expect(200);
      const formText = pageText(form.text, locale);
      expect(formText).toContain(title);
      expect(formText).toContain(button);
      expect(formText).toContain(caption);
      expect(formText).toContain(rights);
      expect(await htmlProblems(form.text)).toEqual([]);

      const csrf = csrfTokenOf(form.text);
      const none = await upload(admin, locale, [{ name: 'notes.txt', content: 'x' }], csrf).expect(400);
      const noneText = pageText(none.text, locale);
      expect(noneText).toContain(
        locale === 'en'
          ? '“notes.txt” is neither a .csv file nor an .xlsx workbook.'
          : '«notes.txt» no es ni un archivo .csv ni un libro .xlsx.',
      );

      const refused = await upload(admin, locale, [BAD_ANSWERS], csrf).expect(422);
      const text = pageText(refused.text, locale);
      if (locale === 'en') {
        expect(text).toContain('Import refused: 3 problems, nothing was written');
        expect(text).toContain(`answers.csv:2: year: invalid year “20x5”: a whole number from ${YEARS.min} to ${YEARS.max} is expected`);
        expect(text).toContain('answers.csv:3: state: unknown State “ZZZ” (ISO 3166 alpha-3 code expected)');
        expect(text).toContain('answers.csv:3: answer: answer “peut-être” not understood: yes, no or blank expected');
      } else {
        expect(text).toContain('Importación rechazada: 3 problemas, no se ha escrito nada');
        expect(text).toContain(`answers.csv:2: year: año no válido «20x5»: se espera un número entero de ${YEARS.min} a ${YEARS.max}`);
        expect(text).toContain('answers.csv:3: state: Estado desconocido «ZZZ»');
      }
      expect(await htmlProblems(refused.text)).toEqual([]);
    },
  );

  test('a workbook: its sheets and their cells are named in the member’s language', async () => {
    const { app, db } = await fixture();
    const admin = await signedIn(app, db, ADMIN, 'en');
    const content = await workbookOf({
      answers: [
        ['year', 'state', 'indicator', 'answer', 'source', 'note'],
        [2025, 'AFG', '1.1', 'yes', null, null, 'stray'],
      ],
      Notes: [['a note']],
    });
    const response = await upload(admin, 'en', [{ name: 'book.xlsx', content }], await admin.csrf()).expect(422);
    const text = pageText(response.text, 'en');
    expect(text).toContain('book.xlsx, sheet answers:2: line: cell filled in column G, outside the header’s columns (A to F)');
    expect(text).toContain('book.xlsx, sheet Notes:1: sheet: unknown sheet name “Notes”');
  });

  test('a member’s preview in Spanish: what their role does not allow, then a confirmation and its result', async () => {
    const { app, db } = await fixture();
    const member = await signedIn(app, db, MEMBER, 'es');
    const files: File[] = [
      { name: 'figures.csv', content: 'year,indicator,value,denominator\n2025,5.3,12,\n' },
      { name: 'reports.csv', content: 'year,state,received_on,used_reporting_guide\n2025,AFG,2025-04-01,yes\n' },
    ];
    const refused = await upload(member, 'es', files, await member.csrf()).expect(403);
    const text = pageText(refused.text, 'es');
    expect(text).toContain('Modificaciones que su función no permite');
    expect(text).toContain(
      'Cifra (figures.csv): 1 modificación rechazada, las cifras están reservadas a los administradores (Dependencia de Apoyo a la Aplicación).',
    );
    expect(text).toContain('informe en borrador');

    const allowed = await upload(member, 'es', [files[1]!], await member.csrf()).expect(200);
    const allowedText = pageText(allowed.text, 'es');
    expect(allowedText).toContain('reports.csv (informes): 1 añadido, 0 modificados, 0 sin cambios');
    expect(allowedText).toContain('Confirmar la importación (1 modificación)');
    const id = /action="\/es\/espace\/import\/([0-9a-f]{32})\/confirmation"/.exec(allowed.text)![1]!;
    const done = await member
      .post(`/es/espace/import/${id}/confirmation`)
      .type('form')
      .send({ _csrf: await member.csrf(), motif: '' })
      .expect(200);
    const doneText = pageText(done.text, 'es');
    expect(doneText).toContain('Importación realizada');
    expect(doneText).toContain('1 modificación guardada.');

    const gone = await member
      .post(`/es/espace/import/${id}/confirmation`)
      .type('form')
      .send({ _csrf: await member.csrf(), motif: '' })
      .expect(404);
    expect(textOf(gone.text)).toContain('Esta importación no existe o ha caducado');
  });

  test('French is as it was', async () => {
    const { app, db } = await fixture();
    const admin = await signedIn(app, db, ADMIN, 'fr');
    const form = await admin.get('/espace/import').expect(200);
    expect(textOf(form.text)).toContain('Fichiers à importer (CSV ou un classeur XLSX)');
    const refused = await upload(admin, 'fr', [BAD_ANSWERS], csrfTokenOf(form.text)).expect(422);
    const text = textOf(refused.text);
    expect(text).toContain('Import refusé : 3 problèmes, rien n’a été écrit');
    expect(text).toContain(`answers.csv:2: year: année invalide « 20x5 » : un nombre entier de ${YEARS.min} à ${YEARS.max} est attendu`);
    expect(text).toContain('answers.csv:3: answer: réponse « peut-être » non comprise : oui, non ou vide attendu (ou yes, no, blank)');
    expect(foreignPhrases(text, 'fr')).toEqual([]);
  });
});

describe('the value rules of the forms in the member’s language', () => {
  test('figures and registry: the import’s rule, worded in English', async () => {
    const { app, db } = await fixture();
    const admin = await signedIn(app, db, ADMIN, 'en');
    const figures = await admin.get('/en/espace/chiffres/2025').expect(200);
    const version = /name="version" value="(\d+)"/.exec(figures.text)![1]!;
    const refused = await admin
      .post('/en/espace/chiffres/2025')
      .type('form')
      .send({ _csrf: csrfTokenOf(figures.text), version, 'value:5.3': '-4', 'value:5.4': '3', reason: '' })
      .expect(400);
    const text = pageText(refused.text, 'en');
    expect(text).toContain('Indicator 5.3, value: negative number “-4”: zero or a positive number is expected.');
    expect(text).toContain('Indicator 5.4, denominator: a ratio needs a denominator; enter it, or clear the numerator too.');

    const state = await admin.get('/en/espace/registre/AFG').expect(200);
    const stateVersion = /name="version" value="(\d+)"/.exec(state.text)![1]!;
    const bad = await admin
      .post('/en/espace/registre/AFG')
      .type('form')
      .send({ _csrf: csrfTokenOf(state.text), version: stateVersion, party: 'yes', party_from: '31/02/2003', party_until: '', reason: '' })
      .expect(400);
    expect(pageText(bad.text, 'en')).toContain('Date of entry into force: impossible date “31/02/2003”: this day does not exist.');

    // A withdrawal that would leave Colombia in populations of years it is no longer party in.
    withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
      tx.insert(populationMemberships).values({ year: 2028, state: 'COL', population: 'affected' }).run();
    });
    const colombia = await admin.get('/en/espace/registre/COL').expect(200);
    const orphan = await admin
      .post('/en/espace/registre/COL')
      .type('form')
      .send({
        _csrf: csrfTokenOf(colombia.text),
        version: /name="version" value="(\d+)"/.exec(colombia.text)![1]!,
        party: 'yes',
        party_from: '',
        party_until: '2027-01-01',
        reason: '',
      })
      .expect(400);
    expect(pageText(orphan.text, 'en')).toContain(
      'Date the withdrawal took effect: with these values, Colombia would not be party on 30 April 2028, although this State belongs to populations that year (2028: ',
    );
  });
});
