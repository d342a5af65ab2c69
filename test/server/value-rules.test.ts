import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { reports, states } from '../../db/schema';
import { importFiles } from '../../server/domain/exchange/import';
import { todayInGeneva } from '../../server/domain/geneva';
import { seededDatabase } from '../helpers/context';
import { textOf } from '../helpers/html';
import { dumpTables } from './domain/exchange/support';
import { appWithStaff, signedInAgent, type Agent } from '../helpers/session';
import { runImport } from '../../server/cli/import';
import { runInProcess } from '../helpers/cli';

/**
 * Keys differ from case to case, so that the command line can take every case in one call without
 * a duplicate key; the value, hence the message, is what each case is about.
 *
 * One rule per value (docs/architecture.md#one-rule-per-value): the same bad value, through each
 * door — an import by the domain function, `npm run import` as a child process, and the workspace
 * form that edits it, over HTTP — gets the same verdict and the same French message, placed at
 * `file:line: column` by the import and beside the field by the form.
 */

// « Today » is the day in Geneva (docs/method.md#the-30-april-rule), whatever the machine's zone and
// hour; import.test.ts pins that day at 23:30 UTC.
const TODAY = todayInGeneva(new Date());
const LONG_SOURCE = 's'.repeat(501);
const LONG_NOTE = 'n'.repeat(2001);

interface Door {
  form: 'figures' | 'report' | 'registry';
  fields: Record<string, string>;
  label: string;
}

interface Case {
  what: string;
  /** The exchange file: header, then the bad row (line 2). */
  header: string;
  row: string;
  column: string;
  door: Door;
  message: string;
}

const FIGURES = 'year,indicator,value,denominator';
const REPORTS = 'year,state,received_on,used_reporting_guide';
const ANSWERS = 'year,state,indicator,answer,source,note';
const STATES = 'iso3,name_fr,name_en,party,party_from,party_until';

const CASES: Case[] = [
  {
    what: 'a figure that is not a number',
    header: FIGURES,
    row: '2026,5.3,douze,',
    column: 'value',
    door: { form: 'figures', fields: { 'value:5.3': 'douze' }, label: 'Indicateur 5.3, valeur' },
    message: 'nombre invalide « douze »',
  },
  {
    what: 'a negative figure',
    header: FIGURES,
    row: '2027,5.3,-3,',
    column: 'value',
    door: { form: 'figures', fields: { 'value:5.3': '-3' }, label: 'Indicateur 5.3, valeur' },
    message: 'nombre négatif « -3 » : un nombre positif ou nul est attendu',
  },
  {
    what: 'a figure beyond any count of the plan',
    header: FIGURES,
    row: '2026,11.2,2e12,',
    column: 'value',
    door: { form: 'figures', fields: { 'value:11.2': '2e12' }, label: 'Indicateur 11.2, valeur' },
    message: 'nombre trop grand « 2e12 » : 1 000 000 000 000 au plus',
  },
  {
    what: 'a ratio whose denominator is zero',
    header: FIGURES,
    row: '2026,5.4,3,0',
    column: 'denominator',
    door: { form: 'figures', fields: { 'value:5.4': '3', 'denominator:5.4': '0' }, label: 'Indicateur 5.4, dénominateur' },
    message: 'il ne peut pas être 0 (le pourcentage serait une division par zéro)',
  },
  {
    what: 'a report received in 2099',
    header: REPORTS,
    row: '2026,COL,2099-01-01,yes',
    column: 'received_on',
    door: { form: 'report', fields: { received_on: '2099-01-01', used_reporting_guide: 'yes' }, label: 'Date de réception' },
    message: `date dans le futur « 2099-01-01 » : nous sommes le ${TODAY}`,
  },
  {
    what: 'a report received before its reporting year began',
    header: REPORTS,
    row: '2026,PER,2025-12-31,yes',
    column: 'received_on',
    door: { form: 'report', fields: { received_on: '2025-12-31', used_reporting_guide: 'yes' }, label: 'Date de réception' },
    message: 'date antérieure à l’année de rapport « 2025-12-31 » : un rapport pour 2026 est reçu à partir du 2026-01-01',
  },
  {
    what: 'a day that does not exist',
    header: REPORTS,
    row: '2026,AFG,2026-02-30,yes',
    column: 'received_on',
    door: { form: 'report', fields: { received_on: '2026-02-30', used_reporting_guide: 'yes' }, label: 'Date de réception' },
    message: 'date impossible « 2026-02-30 » : ce jour n’existe pas',
  },
  {
    what: 'a source longer than the form takes',
    header: ANSWERS,
    row: `2026,COL,10.1,yes,${LONG_SOURCE},`,
    column: 'source',
    door: { form: 'report', fields: { 'answer:10.1': 'yes', 'source:10.1': LONG_SOURCE }, label: 'Indicateur 10.1, source' },
    message: '500 caractères au plus (vous en avez saisi 501)',
  },
  {
    what: 'a note longer than the form takes',
    header: ANSWERS,
    row: `2026,PER,10.1,yes,,${LONG_NOTE}`,
    column: 'note',
    door: { form: 'report', fields: { 'answer:10.1': 'yes', 'note:10.1': LONG_NOTE }, label: 'Indicateur 10.1, note' },
    message: '2000 caractères au plus (vous en avez saisi 2001)',
  },
  {
    what: 'a registry date that is not a date',
    header: STATES,
    row: 'COL,Colombie,Colombia,yes,30.04.2026,',
    column: 'party_from',
    door: { form: 'registry', fields: { party: 'yes', party_from: '30.04.2026', party_until: '' }, label: 'Date d’entrée en vigueur' },
    message: 'date invalide « 30.04.2026 » : le format AAAA-MM-JJ ou JJ/MM/AAAA est attendu (par exemple 2026-04-30 ou 30/04/2026)',
  },
  {
    what: 'a date written month first',
    header: REPORTS,
    row: '2026,DEU,04/30/2026,yes',
    column: 'received_on',
    door: { form: 'report', fields: { received_on: '04/30/2026', used_reporting_guide: 'yes' }, label: 'Date de réception' },
    message: 'date impossible « 04/30/2026 » : ce jour n’existe pas',
  },
  {
    what: 'a withdrawal before entry into force',
    header: STATES,
    row: 'PER,Pérou,Peru,yes,2027-03-01,2026-12-31',
    column: 'party_until',
    door: {
      form: 'registry',
      fields: { party: 'yes', party_from: '2027-03-01', party_until: '2026-12-31' },
      label: 'Date de prise d’effet du retrait',
    },
    message: 'la date de retrait (2026-12-31) doit suivre la date d’entrée en vigueur (2027-03-01)',
  },
];

const fileName = (i: number) => `case-${i + 1}.csv`;
const fileContent = (c: Case) => `${c.header}\n${c.row}\n`;

const FORM_PATHS = { figures: '/espace/chiffres/2026', report: '/espace/saisie/2026/COL', registry: '/espace/registre/COL' };

/** The hidden fields of the form (CSRF token, version), as a browser would send them back. */
async function hiddenFields(agent: Agent, url: string): Promise<Record<string, string>> {
  const page = await agent.get(url).expect(200);
  const fields: Record<string, string> = {};
  for (const [tag] of page.text.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (name) fields[name] = /\svalue="([^"]*)"/.exec(tag)?.[1] ?? '';
  }
  return fields;
}

describe('one rule per value: the import, the command line and the forms give the same verdict and message', () => {
  describe.each(CASES.map((c, i) => [c.what, c, i] as const))('%s', (_, c, i) => {
    test('the import refuses it at file:line: column, and writes nothing', () => {
      const db = seededDatabase();
      const before = dumpTables(db);
      const result = importFiles(db, [{ name: fileName(i), content: fileContent(c) }]);
      expect(result).toEqual({ ok: false, errors: [`${fileName(i)}:2: ${c.column}: ${c.message}`], totalErrors: 1 });
      expect(dumpTables(db)).toEqual(before);
    }, 60_000);

    test('the form refuses it beside the field, with the same message', async () => {
      const { app } = await appWithStaff();
      const admin = await signedInAgent(app, 'admin@example.org');
      const url = FORM_PATHS[c.door.form];
      const response = await admin
        .post(url)
        .type('form')
        .send({ ...(await hiddenFields(admin, url)), reason: 'Vérification', ...c.door.fields });
      expect(response.status).toBe(400);
      expect(textOf(response.text)).toContain(`${c.door.label} : ${c.message}.`);
    }, 60_000);
  });

  // The tool's function, in process: what is checked is its wording of each case; npm run import's
  // refusals start it for real in test/cli/exchange.test.ts.
  test('npm run import says the same of every case, and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-rules-'));
    try {
      const files = CASES.map((c, i) => {
        const file = path.join(dir, fileName(i));
        fs.writeFileSync(file, fileContent(c));
        return file;
      });
      const result = await runInProcess(runImport, files, { DATABASE_PATH: path.join(dir, 'db.sqlite') });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        ...CASES.map((c, i) => `${files[i]}:2: ${c.column}: ${c.message}`),
        `Import refusé : ${CASES.length} problèmes, rien n’a été écrit.`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/**
 * The other side of the rule: what a French spreadsheet writes and is harmless — a date as
 * JJ/MM/AAAA, VRAI/FAUX — is accepted by every door where it can be typed, and stored as the one
 * value it means (README, « The exchange format »).
 */
describe('one rule per value: JJ/MM/AAAA dates and VRAI/FAUX are accepted alike, and stored as their value', () => {
  const REPORT = { header: REPORTS, row: '2025,AFG,30/04/2025,VRAI' };
  const STATE = { header: STATES, row: 'COL,Colombie,Colombia,vrai,6/9/2000,' };
  const storedReport = (db: ReturnType<typeof seededDatabase>) => db.select().from(reports).where(eq(reports.state, 'AFG')).get();
  const storedState = (db: ReturnType<typeof seededDatabase>) =>
    db
      .select({ party: states.party, partyFrom: states.partyFrom, partyUntil: states.partyUntil })
      .from(states)
      .where(eq(states.iso3, 'COL'))
      .get();

  test('the import', () => {
    const db = seededDatabase();
    const result = importFiles(db, [
      { name: 'reports.csv', content: `${REPORT.header}\n${REPORT.row}\n` },
      { name: 'states.csv', content: `${STATE.header}\n${STATE.row}\n` },
    ]);
    expect(result.ok).toBe(true);
    expect(storedReport(db)).toEqual({ year: 2025, state: 'AFG', receivedOn: '2025-04-30', usedReportingGuide: true });
    expect(storedState(db)).toEqual({ party: true, partyFrom: '2000-09-06', partyUntil: null });
  }, 60_000);

  test('the forms: the date typed as JJ/MM/AAAA is saved as the same ISO date', async () => {
    const { app, db } = await appWithStaff();
    const admin = await signedInAgent(app, 'admin@example.org');
    const report = '/espace/saisie/2025/AFG';
    const saved = await admin
      .post(report)
      .type('form')
      .send({ ...(await hiddenFields(admin, report)), reason: 'Vérification', received_on: '30/04/2025', used_reporting_guide: 'yes' });
    expect(saved.status).toBe(303);
    expect(storedReport(db)).toEqual({ year: 2025, state: 'AFG', receivedOn: '2025-04-30', usedReportingGuide: true });

    const registry = FORM_PATHS.registry;
    const savedState = await admin
      .post(registry)
      .type('form')
      .send({ ...(await hiddenFields(admin, registry)), reason: 'Vérification', party: 'yes', party_from: '6/9/2000', party_until: '' });
    expect(savedState.status).toBe(303);
    expect(storedState(db)).toEqual({ party: true, partyFrom: '2000-09-06', partyUntil: null });
  }, 60_000);
});
