import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { answers, figures, reports, states } from '../../db/schema';
import { runCommand } from '../helpers/cli';
import { useTempDir } from '../helpers/temp-dir';

/**
 * `npm run import` as a child process, on files as French spreadsheets save them (README, « The
 * exchange format »): an XLSX workbook, CSV files with a `sep=;` line or trailing blank header
 * columns, VRAI/FAUX and JJ/MM/AAAA; a Windows-1252 file refused with one message.
 */
function runImport(args: string[], databasePath: string) {
  const { status, stdout, stderr } = runCommand('import', args, { DATABASE_PATH: databasePath });
  return { status, stdout, stderr };
}

function read<T>(databasePath: string, query: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(databasePath);
  try {
    return query(db);
  } finally {
    db.$client.close();
  }
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const answersSheet = book.addWorksheet('answers');
  answersSheet.addRow(['year', 'state', 'indicator', 'answer', 'source', 'note']);
  const row = answersSheet.addRow([2025, 'AFG', 1.1, true, 'Rapport article 7', 0.45]);
  row.getCell(6).numFmt = '0%';
  const figuresSheet = book.addWorksheet('figures');
  figuresSheet.addRow(['year', 'indicator', 'value', 'denominator']);
  const figure = figuresSheet.addRow([2025, 5.4, 1 / 3, 40]);
  figure.getCell(3).numFmt = '0.00';
  // The blank sheet a spreadsheet leaves is no mistake.
  book.addWorksheet('Feuil1');
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('npm run import on spreadsheets as people save them', () => {
  let databasePath: string;
  const dir = useTempDir('spreadsheets-cli-');
  beforeEach(() => {
    databasePath = dir.file('db.sqlite');
  });

  test('an XLSX workbook and French CSV files are imported; free text as shown, values as stored', async () => {
    const book = dir.file('classeur.xlsx');
    fs.writeFileSync(book, await workbook());
    const reportsFile = dir.file('reports.csv');
    fs.writeFileSync(reportsFile, 'sep=;\r\nyear;state;received_on;used_reporting_guide;;\r\n2025;AFG;30/04/2025;FAUX;;\r\n');
    const result = runImport([book, reportsFile], databasePath);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${book}, feuille answers (réponses) : 1 ajoutée, 0 modifiée, 0 inchangée`,
      `${book}, feuille figures (chiffres) : 1 ajouté, 0 modifié, 0 inchangé`,
      `${reportsFile} (rapports) : 1 ajouté, 0 modifié, 0 inchangé`,
    ]);
    expect(
      read(databasePath, (db) => db.select({ answer: answers.answer, source: answers.source, note: answers.note }).from(answers).all()),
    ).toEqual([{ answer: 'yes', source: 'Rapport article 7', note: '45%' }]);
    expect(read(databasePath, (db) => db.select({ value: figures.value, denominator: figures.denominator }).from(figures).all())).toEqual([
      { value: 1 / 3, denominator: 40 },
    ]);
    expect(read(databasePath, (db) => db.select().from(reports).all())).toEqual([
      { year: 2025, state: 'AFG', receivedOn: '2025-04-30', usedReportingGuide: false },
    ]);
  }, 120_000);

  test('a States file in Windows-1252 beside a file naming its State: one message, exit 1, nothing written', () => {
    const statesFile = dir.file('states.csv');
    fs.writeFileSync(statesFile, Buffer.from('iso3;name_fr;name_en;party\nZZZ;État d’essai;Test State;non\n'.replace('’', "'"), 'latin1'));
    const answersFile = dir.file('answers.csv');
    fs.writeFileSync(answersFile, 'year;state;indicator;answer\n2025;ZZZ;1.1;oui\n');
    const result = runImport([statesFile, answersFile], databasePath);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${statesFile}:2: fichier: le fichier n’est pas encodé en UTF-8 (premier caractère illisible sur cette ligne) : enregistrez-le au format « CSV UTF-8 » (Excel) ou avec le jeu de caractères « Unicode (UTF-8) » (LibreOffice)`,
      'Import refusé : 1 problème, rien n’a été écrit.',
    ]);
    expect(read(databasePath, (db) => db.select().from(states).where(eq(states.iso3, 'ZZZ')).all())).toEqual([]);
    expect(read(databasePath, (db) => db.select().from(answers).all())).toEqual([]);
  }, 120_000);

  test('a workbook saved under a .csv name is named for what it is, not « not UTF-8 »', async () => {
    const misnamed = dir.file('answers.csv');
    fs.writeFileSync(misnamed, await workbook());
    const result = runImport([misnamed], databasePath);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${misnamed}:1: fichier: c’est un classeur (XLSX, ODS) ou une archive ZIP, pas un fichier CSV : un classeur doit porter l’extension .xlsx (ou enregistrez la feuille au format « CSV UTF-8 »)`,
      'Import refusé : 1 problème, rien n’a été écrit.',
    ]);
  }, 120_000);
});
