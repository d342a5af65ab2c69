import { META, writeMeta } from '../../../../db/queries/meta';
import { DEMO_DATA_REFUSAL, importFiles, type ImportFile, type UnreadableFile } from '../../../../server/domain/exchange/import';
import { seededDatabase } from '../../../helpers/context';
import { csvFile, dumpTables, validFixtures } from './support';

/**
 * Each refusal of docs/architecture.md#the-path-of-an-import: the call holds the five valid fixture
 * files plus one bad file, so the test also shows that the valid files of a refused call are not
 * written either.
 */
function expectRefused(bad: (ImportFile | UnreadableFile)[], expected: string[]) {
  const db = seededDatabase();
  const before = dumpTables(db);
  const result = importFiles(db, [...validFixtures(), ...bad]);
  expect(result).toEqual({ ok: false, errors: expected, totalErrors: expected.length });
  expect(dumpTables(db)).toEqual(before);
}

const answersFile = (...rows: string[]) => csvFile('bad-answers.csv', ['year,state,indicator,answer', ...rows]);
const populationsFile = (...rows: string[]) => csvFile('bad-populations.csv', ['year,state,population', ...rows]);
const reportsFile = (...rows: string[]) => csvFile('bad-reports.csv', ['year,state,received_on,used_reporting_guide', ...rows]);
const figuresFile = (...rows: string[]) => csvFile('bad-figures.csv', ['year,indicator,value,denominator', ...rows]);
const statesFile = (...rows: string[]) => csvFile('bad-states.csv', ['iso3,name_fr,name_en,party,party_from,party_until', ...rows]);

const ENTERED = 'affected, victims, article4, article4_late, article3, donor, extension_request, workplan_update';

describe('import refusals: every problem is reported as FILE:LINE: COLUMN: message and nothing is written', () => {
  test('unknown State, in answers, reports and populations', () => {
    expectRefused(
      [answersFile('2027,XYZ,1.1,yes'), reportsFile('2026,ABC,2026-04-01,yes'), populationsFile('2027,QQQ,affected')],
      [
        'bad-answers.csv:2: state: État inconnu « XYZ » (code ISO 3166 alpha-3 attendu)',
        'bad-reports.csv:2: state: État inconnu « ABC » (code ISO 3166 alpha-3 attendu)',
        'bad-populations.csv:2: state: État inconnu « QQQ » (code ISO 3166 alpha-3 attendu)',
      ],
    );
  });

  test('a State code that is not three letters', () => {
    expectRefused(
      [answersFile('2027,FR,1.1,yes')],
      ['bad-answers.csv:2: state: code « FR » invalide (code ISO 3166 alpha-3 attendu, par ex. FRA)'],
    );
  });

  test('unknown indicator, in answers and figures', () => {
    expectRefused(
      [answersFile('2027,AFG,99.9,yes'), figuresFile('2027,99.9,3,')],
      ['bad-answers.csv:2: indicator: indicateur inconnu « 99.9 »', 'bad-figures.csv:2: indicator: indicateur inconnu « 99.9 »'],
    );
  });

  test('unknown population', () => {
    expectRefused(
      [populationsFile('2027,AFG,refugees')],
      [`bad-populations.csv:2: population: population inconnue « refugees » (populations saisies : ${ENTERED})`],
    );
  });

  test.each([
    ['party', 'à partir du registre des États'],
    ['non_party', 'à partir du registre des États'],
    ['obligations', 'comme réunion d’autres populations'],
    ['yes', 'à partir des réponses « oui » à un indicateur'],
    ['yes(15.1)', 'à partir des réponses « oui » à un indicateur'],
  ])('a derived population (%s): it is computed', (population, how) => {
    expectRefused(
      [populationsFile(`2027,AFG,${population}`)],
      [
        `bad-populations.csv:2: population: la population « ${population} » est calculée ${how} : elle ne se saisit pas (populations saisies : ${ENTERED})`,
      ],
    );
  });

  test('an answer word that is not understood', () => {
    expectRefused(
      [answersFile('2027,AFG,1.1,peut-être')],
      ['bad-answers.csv:2: answer: réponse « peut-être » non comprise : oui, non ou vide attendu (ou yes, no, blank)'],
    );
  });

  test('impossible or malformed dates', () => {
    expectRefused(
      [
        reportsFile('2026,AFG,2026-02-30,yes', '2027,AFG,30-04-2027,yes', '2027,COL,04/30/2027,yes'),
        statesFile('CHN,Chine,China,yes,2025-13-01,'),
      ],
      [
        'bad-reports.csv:2: received_on: date impossible « 2026-02-30 » : ce jour n’existe pas',
        'bad-reports.csv:3: received_on: date invalide « 30-04-2027 » : le format AAAA-MM-JJ ou JJ/MM/AAAA est attendu (par exemple 2026-04-30 ou 30/04/2026)',
        // Day first, always: a month-first date is no day at all, never a guess.
        'bad-reports.csv:4: received_on: date impossible « 04/30/2027 » : ce jour n’existe pas',
        'bad-states.csv:2: party_from: date impossible « 2025-13-01 » : ce jour n’existe pas',
      ],
    );
  });

  test('a withdrawal that does not follow entry into force', () => {
    expectRefused(
      [statesFile('CHN,Chine,China,yes,2026-01-01,2025-06-01')],
      ['bad-states.csv:2: party_until: la date de retrait (2025-06-01) doit suivre la date d’entrée en vigueur (2026-01-01)'],
    );
  });

  test.each(['2024', '2030', '2025.5', 'deux mille', ''])('a year that is not an integer in 2025–2029 (« %s »)', (year) => {
    const message = year === '' ? 'année manquante' : `année invalide « ${year} » : un nombre entier de 2025 à 2029 est attendu`;
    expectRefused(
      [answersFile(`${year},AFG,1.1,yes`), figuresFile(`${year},5.3,1,`)],
      [`bad-answers.csv:2: year: ${message}`, `bad-figures.csv:2: year: ${message}`],
    );
  });

  test('a membership for a State not party that year', () => {
    expectRefused(
      [populationsFile('2025,CHN,affected')],
      [
        'bad-populations.csv:2: state: l’État « CHN » n’est pas partie à la Convention en 2025 (au 30 avril) : il ne peut appartenir à la population « affected »',
      ],
    );
  });

  test('party status is judged on the registry as this call leaves it', () => {
    // The valid states.csv sets Lithuania's withdrawal on 2026-12-27: party in 2026, not in 2027.
    expectRefused(
      [populationsFile('2027,LTU,donor')],
      [
        'bad-populations.csv:2: state: l’État « LTU » n’est pas partie à la Convention en 2027 (au 30 avril) : il ne peut appartenir à la population « donor »',
      ],
    );
  });

  test('a non-numeric figure value or denominator', () => {
    expectRefused(
      [figuresFile('2027,5.3,douze,', '2027,5.4,3,x')],
      ['bad-figures.csv:2: value: nombre invalide « douze »', 'bad-figures.csv:3: denominator: nombre invalide « x »'],
    );
  });

  test('a ratio without denominator, a negative denominator', () => {
    expectRefused(
      [figuresFile('2027,5.4,3,', '2028,5.4,3,-1')],
      [
        'bad-figures.csv:2: denominator: dénominateur manquant : l’indicateur 5.4 est un ratio',
        'bad-figures.csv:3: denominator: nombre négatif « -1 » : un nombre positif ou nul est attendu',
      ],
    );
  });

  test('a ratio without denominator column at all', () => {
    expectRefused(
      [csvFile('bad-figures.csv', ['year,indicator,value', '2027,5.4,3'])],
      ['bad-figures.csv:2: denominator: dénominateur manquant : l’indicateur 5.4 est un ratio'],
    );
  });

  test('a denominator given for a figure', () => {
    expectRefused(
      [figuresFile('2027,5.3,3,4')],
      ['bad-figures.csv:2: denominator: l’indicateur 5.3 est un chiffre, sans dénominateur : laissez cette colonne vide'],
    );
  });

  test('an answer for a figure or a ratio: use figures.csv', () => {
    expectRefused(
      [answersFile('2027,AFG,5.3,yes', '2027,AFG,5.4,yes')],
      [
        'bad-answers.csv:2: indicator: l’indicateur 5.3 est un chiffre : sa valeur se saisit dans figures.csv, pas comme réponse',
        'bad-answers.csv:3: indicator: l’indicateur 5.4 est un ratio : sa valeur se saisit dans figures.csv, pas comme réponse',
      ],
    );
  });

  test('an answer for 8.1 or 8.2: computed from reports.csv', () => {
    expectRefused(
      [answersFile('2027,AFG,8.1,yes', '2027,AFG,8.2,no')],
      [
        'bad-answers.csv:2: indicator: l’indicateur 8.1 est calculé à partir des rapports (reports.csv) : il ne se saisit pas comme réponse',
        'bad-answers.csv:3: indicator: l’indicateur 8.2 est calculé à partir des rapports (reports.csv) : il ne se saisit pas comme réponse',
      ],
    );
  });

  test('a figures row for a share or count indicator', () => {
    expectRefused(
      [figuresFile('2027,1.1,3,', '2027,11.1,3,', '2027,8.1,3,')],
      [
        'bad-figures.csv:2: indicator: l’indicateur 1.1 se calcule à partir des réponses des États (answers.csv) : il n’a pas de valeur dans figures.csv',
        'bad-figures.csv:3: indicator: l’indicateur 11.1 se calcule à partir des réponses des États (answers.csv) : il n’a pas de valeur dans figures.csv',
        'bad-figures.csv:4: indicator: l’indicateur 8.1 se calcule à partir des rapports (reports.csv) : il n’a pas de valeur dans figures.csv',
      ],
    );
  });

  test('a report without received_on', () => {
    expectRefused([reportsFile('2027,AFG,,yes')], ['bad-reports.csv:2: received_on: date de réception manquante']);
  });

  test('an invalid boolean for party or used_reporting_guide', () => {
    expectRefused(
      [statesFile('CHN,Chine,China,peut-être,,'), reportsFile('2026,AFG,2026-04-01,maybe')],
      [
        'bad-states.csv:2: party: valeur « peut-être » non comprise : oui/non, yes/no, vrai/faux, true/false ou 1/0 attendu',
        'bad-reports.csv:2: used_reporting_guide: valeur « maybe » non comprise : oui/non, yes/no, vrai/faux, true/false ou 1/0 attendu',
      ],
    );
  });

  test('missing State names', () => {
    expectRefused(
      [statesFile('CHN,,China,no,,', 'CUB,Cuba,,no,,')],
      ['bad-states.csv:2: name_fr: nom français manquant', 'bad-states.csv:3: name_en: nom anglais manquant'],
    );
  });

  test('duplicate keys, within a file and across the files of the call, naming the first occurrence', () => {
    expectRefused(
      [
        statesFile('CHN,Chine,China,no,,', 'chn,Chine,China,no,,', 'LTU,Lituanie,Lithuania,yes,,'),
        populationsFile('2025,AFG,affected'),
        reportsFile('2025,FRA,2025-05-15,no'),
        // The valid answers.csv holds a note on two lines: 2025,XKX,11.3 starts on line 5.
        answersFile('2025,XKX,11.3,no', '2025,AFG,1.1,yes'),
        figuresFile('2026,5.4,"7,5",40'),
      ],
      [
        'bad-states.csv:3: iso3: doublon : la clé « CHN » figure déjà à bad-states.csv:2',
        'bad-states.csv:4: iso3: doublon : la clé « LTU » figure déjà à states.csv:2',
        'bad-populations.csv:2: year,state,population: doublon : la clé « 2025, AFG, affected » figure déjà à populations.csv:2',
        'bad-reports.csv:2: year,state: doublon : la clé « 2025, FRA » figure déjà à reports.csv:3',
        'bad-answers.csv:2: year,state,indicator: doublon : la clé « 2025, XKX, 11.3 » figure déjà à answers.csv:5',
        'bad-answers.csv:3: year,state,indicator: doublon : la clé « 2025, AFG, 1.1 » figure déjà à answers.csv:2',
        'bad-figures.csv:2: year,indicator: doublon : la clé « 2026, 5.4 » figure déjà à figures.csv:4',
      ],
    );
  });

  test('a file that cannot be read stops the import there: the rows of the others are not judged without it', () => {
    expectRefused(
      [{ name: 'missing.csv', readError: 'fichier introuvable' }, answersFile('2027,XYZ,1.1,yes')],
      ['missing.csv:1: fichier: impossible de lire le fichier (fichier introuvable)'],
    );
  });

  test('a file that is not UTF-8: one message, on the line of the first character it cannot read', () => {
    expectRefused(
      [{ name: 'latin1.csv', content: Buffer.from('iso3,name_fr,name_en,party\nCIV,Côte d’Ivoire,Ivory Coast,yes\n', 'latin1') }],
      [
        'latin1.csv:2: fichier: le fichier n’est pas encodé en UTF-8 (premier caractère illisible sur cette ligne) : enregistrez-le au format « CSV UTF-8 » (Excel) ou avec le jeu de caractères « Unicode (UTF-8) » (LibreOffice)',
      ],
    );
  });

  test('an empty file', () => {
    expectRefused([{ name: 'empty.csv', content: '\n\n' }], ['empty.csv:1: fichier: fichier vide : une ligne d’en-tête est attendue']);
  });

  test('a quote never closed, placed on the record where it opens', () => {
    expectRefused(
      [answersFile('2027,AFG,1.1,yes', '2027,FRA,1.1,"yes', '2027,DEU,1.1,no')],
      ['bad-answers.csv:3: fichier: guillemet ouvert et jamais fermé à partir de cette ligne'],
    );
  });

  test('a record with more fields than the header (an unquoted decimal comma)', () => {
    expectRefused(
      [figuresFile('2027,5.4,7,5,40')],
      [
        'bad-figures.csv:2: ligne: 5 champs alors que l’en-tête en compte 4, séparateur « , » (une virgule décimale doit être entre guillemets : "12,5")',
      ],
    );
  });

  test('a header with a missing required column or an unknown column, at line 1', () => {
    expectRefused(
      [
        csvFile('a.csv', ['year,state,indicator', '2027,AFG,1.1']),
        csvFile('b.csv', ['year,state,population,comment', '2027,AFG,affected,x']),
        csvFile('c.csv', ['foo,bar', '1,2']),
        csvFile('d.csv', ['year,state,Year', '2027,AFG,2027']),
      ],
      [
        'a.csv:1: en-tête: en-tête non reconnu : colonne(s) manquante(s) : answer (en-tête de answers.csv : year,state,indicator,answer,source,note)',
        'b.csv:1: en-tête: en-tête non reconnu : colonne(s) inconnue(s) : comment (en-tête de populations.csv : year,state,population)',
        'c.csv:1: en-tête: en-tête non reconnu « foo,bar » (attendu l’un de : states.csv : iso3,name_fr,name_en,party,party_from,party_until ; populations.csv : year,state,population ; reports.csv : year,state,received_on,used_reporting_guide ; answers.csv : year,state,indicator,answer,source,note ; figures.csv : year,indicator,value,denominator)',
        'd.csv:1: en-tête: colonne « year » présente deux fois',
      ],
    );
  });

  test('all problems of all files are collected, in file and line order', () => {
    expectRefused(
      [answersFile('2027,XYZ,1.1,peut-être', '2027,AFG,1.1,yes', '2031,AFG,5.3,yes'), figuresFile('2027,5.4,3,')],
      [
        'bad-answers.csv:2: state: État inconnu « XYZ » (code ISO 3166 alpha-3 attendu)',
        'bad-answers.csv:2: answer: réponse « peut-être » non comprise : oui, non ou vide attendu (ou yes, no, blank)',
        'bad-answers.csv:4: year: année invalide « 2031 » : un nombre entier de 2025 à 2029 est attendu',
        'bad-answers.csv:4: indicator: l’indicateur 5.3 est un chiffre : sa valeur se saisit dans figures.csv, pas comme réponse',
        'bad-figures.csv:2: denominator: dénominateur manquant : l’indicateur 5.4 est un ratio',
      ],
    );
  });

  test('a database holding demonstration data: refused, pointing to npm run demo:clear', () => {
    const db = seededDatabase();
    writeMeta(db, META.demoData, 'loaded');
    const before = dumpTables(db);
    const result = importFiles(db, validFixtures());
    expect(result).toEqual({ ok: false, errors: [DEMO_DATA_REFUSAL], totalErrors: 1 });
    expect(DEMO_DATA_REFUSAL).toMatch(/données de démonstration/);
    expect(DEMO_DATA_REFUSAL).toMatch(/npm run demo:clear/);
    expect(dumpTables(db)).toEqual(before);
  });
});
