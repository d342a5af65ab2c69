import { and, eq } from 'drizzle-orm';
import { answers, figures, populationMemberships, releases, reports, states } from '../../../../db/schema';
import { formatImportSummary, importFiles, type ImportResult } from '../../../../server/domain/exchange/import';
import { loadSeed } from '../../../../seed/load';
import { seededDatabase } from '../../../helpers/context';
import { csvFile, dumpTables, validFixtures } from './support';

const NOW = new Date('2026-05-02T10:00:00.000Z');

function summaryOf(result: ImportResult): string[] {
  if (!result.ok) throw new Error(`import refusé :\n${result.errors.join('\n')}`);
  return formatImportSummary(result.summary);
}

describe('importing the exchange files', () => {
  test('the five valid files are written, with a French summary per file', () => {
    const db = seededDatabase();
    expect(summaryOf(importFiles(db, validFixtures(), { now: NOW }))).toEqual([
      'states.csv (États) : 1 ajouté, 1 modifié, 1 inchangé',
      'populations.csv (populations) : 4 ajoutées, 0 modifiée, 0 inchangée',
      'reports.csv (rapports) : 3 ajoutés, 0 modifié, 0 inchangé',
      'answers.csv (réponses) : 4 ajoutées, 0 modifiée, 0 inchangée',
      'figures.csv (chiffres) : 3 ajoutés, 0 modifié, 0 inchangé',
    ]);
    expect(db.select().from(populationMemberships).all()).toHaveLength(4);
    expect(db.select().from(reports).where(eq(reports.state, 'XKX')).get()).toEqual({
      year: 2025,
      state: 'XKX',
      receivedOn: '2025-06-01',
      usedReportingGuide: false,
    });
    expect(db.select().from(answers).where(eq(answers.state, 'FRA')).get()).toEqual({
      year: 2025,
      state: 'FRA',
      indicator: '15.1',
      answer: 'no',
      source: null,
      note: 'Deux lignes\nde note, avec « guillemets » et "doubles"',
    });
    expect(
      db
        .select()
        .from(answers)
        .where(and(eq(answers.state, 'AFG'), eq(answers.year, 2026)))
        .get()?.answer,
    ).toBe('blank');
    expect(db.select().from(figures).all()).toEqual(
      expect.arrayContaining([
        { year: 2025, indicator: '5.3', value: 12, denominator: null },
        { year: 2026, indicator: '5.4', value: 7.5, denominator: 40 },
      ]),
    );
    // Publication only when asked.
    expect(db.select().from(releases).all()).toEqual([]);
  });

  test('States the import adds or changes are marked edited, so the seed no longer overrides them', () => {
    const db = seededDatabase();
    importFiles(db, validFixtures(['states.csv']), { now: NOW });
    const byCode = (iso3: string) => db.select().from(states).where(eq(states.iso3, iso3)).get();
    expect(byCode('LTU')).toMatchObject({ partyUntil: '2026-12-27', editedAt: NOW.toISOString() });
    expect(byCode('XKX')).toMatchObject({ nameFr: 'Kosovo', party: false, editedAt: NOW.toISOString() });
    // FRA was the same as the seed: left unmarked.
    expect(byCode('FRA')?.editedAt).toBeNull();
    loadSeed(db);
    expect(byCode('LTU')?.partyUntil).toBe('2026-12-27');
  });

  test('absent party dates and absent source/note columns keep what is stored', () => {
    const db = seededDatabase();
    importFiles(db, validFixtures(), { now: NOW });
    const result = importFiles(db, [
      csvFile('states.csv', ['iso3,name_fr,name_en,party', 'LTU,Lituanie,Lithuania,yes']),
      csvFile('answers.csv', ['year,state,indicator,answer', '2025,AFG,1.1,no']),
    ]);
    expect(summaryOf(result)).toEqual([
      'states.csv (États) : 0 ajouté, 0 modifié, 1 inchangé',
      'answers.csv (réponses) : 0 ajoutée, 1 modifiée, 0 inchangée',
    ]);
    expect(db.select().from(states).where(eq(states.iso3, 'LTU')).get()?.partyUntil).toBe('2026-12-27');
    expect(db.select().from(answers).where(eq(answers.state, 'AFG')).all()[0]).toMatchObject({
      answer: 'no',
      source: 'Rapport article 7, p. 4',
    });
  });

  test('« today » is the day in Geneva, not the server’s: at 23:30 UTC on 30 November it is already 1 December there', () => {
    const lateEvening = new Date('2026-11-30T23:30:00.000Z');
    const received = (day: string) => [csvFile('reports.csv', ['year,state,received_on,used_reporting_guide', `2026,AFG,${day},yes`])];
    const accepted = importFiles(seededDatabase(), received('2026-12-01'), { now: lateEvening });
    expect(summaryOf(accepted)).toEqual(['reports.csv (rapports) : 1 ajouté, 0 modifié, 0 inchangé']);
    const refused = importFiles(seededDatabase(), received('2026-12-02'), { now: lateEvening });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.errors).toEqual([
      'reports.csv:2: received_on: date dans le futur « 2026-12-02 » : nous sommes le 2026-12-01',
    ]);
  });

  test('importing the same files twice changes nothing the second time', () => {
    const db = seededDatabase();
    importFiles(db, validFixtures(), { now: NOW });
    const after = dumpTables(db);
    const changesBefore = db.$client.prepare('SELECT total_changes() AS n').get() as { n: number };
    const result = importFiles(db, validFixtures(), { now: new Date('2027-01-01T00:00:00Z') });
    expect(summaryOf(result)).toEqual([
      'states.csv (États) : 0 ajouté, 0 modifié, 3 inchangés',
      'populations.csv (populations) : 0 ajoutée, 0 modifiée, 4 inchangées',
      'reports.csv (rapports) : 0 ajouté, 0 modifié, 3 inchangés',
      'answers.csv (réponses) : 0 ajoutée, 0 modifiée, 4 inchangées',
      'figures.csv (chiffres) : 0 ajouté, 0 modifié, 3 inchangés',
    ]);
    const changesAfter = db.$client.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(changesAfter.n).toBe(changesBefore.n);
    expect(dumpTables(db)).toEqual(after);
  });

  test('--dry-run counts as a real import would, then writes nothing', () => {
    const db = seededDatabase();
    const before = dumpTables(db);
    const result = importFiles(db, validFixtures(), { dryRun: true, publish: true, now: NOW });
    const lines = summaryOf(result);
    expect(lines[0]).toBe('states.csv (États) : 1 ajouté, 1 modifié, 1 inchangé');
    expect(lines.at(-2)).toBe('Années publiées : 2025, 2026.');
    expect(lines.at(-1)).toBe('Simulation : rien n’a été écrit.');
    expect(dumpTables(db)).toEqual(before);
  });

  test('--publish releases every year present in the rows; a year that changed gets a new revision', () => {
    const db = seededDatabase();
    const revisions = () => db.select({ year: releases.year, revision: releases.revision }).from(releases).orderBy(releases.id).all();
    expect(summaryOf(importFiles(db, validFixtures(), { publish: true, now: NOW })).at(-1)).toBe('Années publiées : 2025, 2026.');
    expect(revisions()).toEqual([
      { year: 2025, revision: 1 },
      { year: 2026, revision: 1 },
    ]);
    expect(summaryOf(importFiles(db, validFixtures(), { publish: true, now: NOW })).at(-1)).toBe(
      'Années publiées : 2025 (inchangée depuis la révision 1), 2026 (inchangée depuis la révision 1).',
    );
    const corrected = csvFile('answers.csv', ['year,state,indicator,answer,source,note', '2026,AFG,1.1,yes,Rapport corrigé,']);
    expect(summaryOf(importFiles(db, [corrected], { publish: true, now: NOW })).at(-1)).toBe('Année publiée : 2026 (révision 2).');
    expect(revisions().at(-1)).toEqual({ year: 2026, revision: 2 });
  });

  test('--publish with only a states file publishes nothing', () => {
    const db = seededDatabase();
    const result = importFiles(db, validFixtures(['states.csv']), { publish: true, now: NOW });
    expect(summaryOf(result).at(-1)).toBe('Publication : aucune année dans les lignes importées, rien à publier.');
    expect(db.select().from(releases).all()).toEqual([]);
  });

  test('a State made party by a states file of the same call may join a population from that year', () => {
    const db = seededDatabase();
    const result = importFiles(db, [
      csvFile('populations.csv', ['year,state,population', '2026,CHN,donor']),
      csvFile('states.csv', ['iso3,name_fr,name_en,party,party_from,party_until', 'CHN,Chine,China,yes,2026-01-01,']),
    ]);
    expect(result.ok).toBe(true);
    expect(db.select().from(populationMemberships).all()).toEqual([{ year: 2026, state: 'CHN', population: 'donor' }]);
  });

  test('spreadsheet dialects: semicolons, BOM, CRLF, decimal comma, quoted separators, quotes and line breaks, shuffled upper-case header', () => {
    const db = seededDatabase();
    const bom = '\ufeff';
    const files = [
      csvFile(
        'réponses.csv',
        [
          `${bom}NOTE ; Answer;YEAR;State;Indicator;Source`,
          '"Ligne 1\r\nligne 2; avec ""guillemets""";Oui;2025;afg;1.1;"Rapport; p. 3"',
          '',
          ';NON;2025;FRA;15.1;',
          ';  Vide ;2025;DEU;15.1;',
          ';TRUE;2025;UKR;15.1;',
        ],
        '\r\n',
      ),
      csvFile('chiffres.csv', [`${bom}VALUE;Year;Denominator;INDICATOR`, '12,5;2025;;5.3', '3;2025;40,5;5,4'], '\r\n'),
      csvFile('rapports.csv', ['Used_Reporting_Guide,YEAR,State,Received_On', '1,2025,AFG,2025-04-30', 'False,2025,FRA,2025-05-01']),
      csvFile('comma.csv', ['year,indicator,value,denominator', '2026,5.3,"1 234,5",']),
    ];
    expect(summaryOf(importFiles(db, files))).toEqual([
      'réponses.csv (réponses) : 4 ajoutées, 0 modifiée, 0 inchangée',
      'chiffres.csv (chiffres) : 2 ajoutés, 0 modifié, 0 inchangé',
      'rapports.csv (rapports) : 2 ajoutés, 0 modifié, 0 inchangé',
      'comma.csv (chiffres) : 1 ajouté, 0 modifié, 0 inchangé',
    ]);
    const answer = (state: string) => db.select().from(answers).where(eq(answers.state, state)).get();
    expect(answer('AFG')).toEqual({
      year: 2025,
      state: 'AFG',
      indicator: '1.1',
      answer: 'yes',
      source: 'Rapport; p. 3',
      note: 'Ligne 1\nligne 2; avec "guillemets"',
    });
    expect(answer('FRA')?.answer).toBe('no');
    expect(answer('DEU')?.answer).toBe('blank');
    expect(answer('UKR')?.answer).toBe('yes');
    expect(db.select().from(figures).all()).toEqual([
      { year: 2025, indicator: '5.3', value: 12.5, denominator: null },
      { year: 2025, indicator: '5.4', value: 3, denominator: 40.5 },
      { year: 2026, indicator: '5.3', value: 1234.5, denominator: null },
    ]);
    expect(db.select().from(reports).all()).toEqual([
      { year: 2025, state: 'AFG', receivedOn: '2025-04-30', usedReportingGuide: true },
      { year: 2025, state: 'FRA', receivedOn: '2025-05-01', usedReportingGuide: false },
    ]);
  });

  test('line numbers count the physical lines of the file, after quoted fields holding line breaks', () => {
    const db = seededDatabase();
    const result = importFiles(db, [
      csvFile(
        'answers.csv',
        [
          'year;state;indicator;answer;source;note',
          '2025;AFG;1.1;oui;;"une note',
          'sur trois',
          'lignes"',
          '',
          '2025;XYZ;1.1;oui;"source',
          'sur deux lignes";',
          '2025;FRA;1.1;peut-être;;',
        ],
        '\r\n',
      ),
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        'answers.csv:6: state: État inconnu « XYZ » (code ISO 3166 alpha-3 attendu)',
        'answers.csv:8: answer: réponse « peut-être » non comprise : oui, non ou vide attendu (ou yes, no, blank)',
      ],
      totalErrors: 2,
    });
  });
});
