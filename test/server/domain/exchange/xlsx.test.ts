import ExcelJS from 'exceljs';
import { answers, reports } from '../../../../db/schema';
import { formatImportSummary, importFiles, type ReadTable } from '../../../../server/domain/exchange/import';
import { MAX_ROWS_PER_SHEET, readWorkbook, ZIP_LIMITS } from '../../../../server/domain/exchange/xlsx';
import { seededDatabase } from '../../../helpers/context';
import { lyingWorkbook } from '../../../helpers/zip-bomb';
import { csvFile } from './support';
import type { ReadTable as Read, UnreadableFile } from '../../../../server/domain/exchange/import';
import { saidText } from '../../../../server/i18n/problem-text';

/** What a workbook could not be read for, as the import says it in French. */
const worded = (read: (Read | UnreadableFile)[]) =>
  read.map((r) => ('readError' in r ? { ...r, readError: typeof r.readError === 'string' ? r.readError : saidText(r.readError) } : r));

/** A workbook built as a spreadsheet user would: sheets of rows of cells. */
async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row, i) => {
      if (row.length > 0) sheet.getRow(i + 1).values = row;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const tableOf = (read: Awaited<ReturnType<typeof readWorkbook>>, name: string): ReadTable => {
  const found = read.find((r) => r.name === name);
  if (!found || !('table' in found)) throw new Error(`no sheet ${name} in ${JSON.stringify(read)}`);
  return found;
};

describe('reading an XLSX workbook as exchange tables', () => {
  test('each sheet becomes the table readCsv would make, with the sheet’s row numbers and cells as text', async () => {
    const content = await workbook({
      reports: [
        ['year', 'state', 'received_on', 'used_reporting_guide'],
        [2025, 'AFG', new Date(Date.UTC(2025, 3, 28)), true],
        [],
        [2025, { richText: [{ text: 'CO' }, { text: 'L' }] }, '2025-05-02', false],
      ],
      answers: [
        ['year', 'state', 'indicator', 'answer', 'source', 'note'],
        [
          { formula: '2024+1', result: 2025 },
          'AFG',
          '1.1',
          'yes',
          { text: 'Rapport article 7', hyperlink: 'https://example.org/r' },
          '  note  ',
        ],
        [2025, 'COL', 1.2, 'no', null, null],
      ],
    });
    const read = await readWorkbook('classeur.xlsx', content);
    expect(read.map((r) => r.name)).toEqual(['classeur.xlsx, feuille reports', 'classeur.xlsx, feuille answers']);

    const reportsSheet = tableOf(read, 'classeur.xlsx, feuille reports');
    expect(reportsSheet.problems).toEqual([]);
    expect(reportsSheet.table?.file).toBe('classeur.xlsx, feuille reports');
    expect(reportsSheet.table?.header).toEqual({ line: 1, values: ['year', 'state', 'received_on', 'used_reporting_guide'] });
    // The empty row 3 is skipped; row 4 keeps its number.
    expect(reportsSheet.table?.records).toEqual([
      { line: 2, values: ['2025', 'AFG', '2025-04-28', 'yes'] },
      { line: 4, values: ['2025', 'COL', '2025-05-02', 'no'] },
    ]);

    const answersSheet = tableOf(read, 'classeur.xlsx, feuille answers');
    expect(answersSheet.table?.records).toEqual([
      { line: 2, values: ['2025', 'AFG', '1.1', 'yes', 'Rapport article 7', 'note'] },
      { line: 3, values: ['2025', 'COL', '1.2', 'no', '', ''] },
    ]);
  });

  test('importFiles takes the sheets like CSV files and writes the same rows', async () => {
    const content = await workbook({
      reports: [
        ['year', 'state', 'received_on', 'used_reporting_guide'],
        [2025, 'AFG', new Date(Date.UTC(2025, 3, 28)), 'oui'],
      ],
      answers: [
        ['year', 'state', 'indicator', 'answer', 'source', 'note'],
        [2025, 'AFG', '1.1', 'yes', 'Rapport article 7', null],
      ],
    });
    const fromXlsx = seededDatabase();
    const result = importFiles(fromXlsx, await readWorkbook('classeur.xlsx', content));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(formatImportSummary(result.summary)).toEqual([
      'classeur.xlsx, feuille reports (rapports) : 1 ajouté, 0 modifié, 0 inchangé',
      'classeur.xlsx, feuille answers (réponses) : 1 ajoutée, 0 modifiée, 0 inchangée',
    ]);

    const fromCsv = seededDatabase();
    importFiles(fromCsv, [
      csvFile('reports.csv', ['year,state,received_on,used_reporting_guide', '2025,AFG,2025-04-28,oui']),
      csvFile('answers.csv', ['year,state,indicator,answer,source,note', '2025,AFG,1.1,yes,Rapport article 7,']),
    ]);
    for (const table of [reports, answers]) {
      expect(fromXlsx.select().from(table).all()).toEqual(fromCsv.select().from(table).all());
    }
    expect(fromXlsx.select().from(answers).all()).toHaveLength(1);
  });

  test('problems name the workbook, the sheet, the row and the column', async () => {
    const content = await workbook({
      answers: [
        ['year', 'state', 'indicator', 'answer', 'source', 'note'],
        [2025, 'AFG', '1.1', 'peut-être'],
        [2025, 'AFG', '1.2', { formula: 'NA()', result: { error: '#N/A' } }],
        [2025, 'COL', '1.1', 'yes', null, null, 'en trop'],
      ],
    });
    const result = importFiles(seededDatabase(), await readWorkbook('classeur.xlsx', content));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(/^classeur\.xlsx, feuille answers:2: answer: /),
      // The cell in error is not read as a blank answer: one problem, its own.
      'classeur.xlsx, feuille answers:3: answer: cellule en erreur (#N/A) : corrigez la formule ou saisissez la valeur',
      'classeur.xlsx, feuille answers:4: ligne: cellule remplie en colonne G, hors des colonnes de l’en-tête (A à F)',
    ]);
  });

  test('a non-empty sheet whose name is not a kind is a problem naming it; an empty one is ignored', async () => {
    const content = await workbook({
      réponses: [
        ['year', 'state', 'indicator', 'answer'],
        [2025, 'AFG', '1.1', 'yes'],
      ],
      Feuil1: [],
    });
    const read = await readWorkbook('classeur.xlsx', content);
    const result = importFiles(seededDatabase(), read);
    expect(result).toEqual({
      ok: false,
      errors: [
        'classeur.xlsx, feuille réponses:1: feuille: nom de feuille inconnu « réponses » : nommez chaque feuille d’après ce qu’elle contient (states, populations, reports, answers, figures)',
      ],
      totalErrors: 1,
    });
  });

  test('a sheet named after one kind holding another kind’s header is refused', async () => {
    const content = await workbook({
      answers: [
        ['year', 'state', 'received_on', 'used_reporting_guide'],
        [2025, 'AFG', '2025-04-28', 'yes'],
      ],
    });
    const result = importFiles(seededDatabase(), await readWorkbook('classeur.xlsx', content));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringContaining('classeur.xlsx, feuille answers:1: en-tête: la feuille « answers » a l’en-tête de reports.csv'),
    ]);
  });

  test('a sheet of more rows than the limit is refused from its XML, before exceljs reads it', async () => {
    const rows: ExcelJS.CellValue[][] = [['year', 'indicator', 'value', 'denominator']];
    for (let i = 0; i <= MAX_ROWS_PER_SHEET; i++) rows.push([2025, '5.3', i]);
    const read = await readWorkbook('gros.xlsx', await workbook({ figures: rows }));
    expect(worded(read)).toEqual([
      {
        name: 'gros.xlsx',
        readError: expect.stringMatching(
          /^une feuille du classeur \(« xl\/worksheets\/sheet1\.xml »\) compte 50\s002 lignes : au plus 50\s000 lignes/,
        ),
      },
    ]);
  }, 120_000);

  test('a file that is not a workbook and an empty workbook are unreadable', async () => {
    expect(worded(await readWorkbook('faux.xlsx', Buffer.from('year,state\n2025,AFG\n')))).toEqual([
      { name: 'faux.xlsx', readError: expect.stringContaining('ce n’est pas un classeur XLSX') },
    ]);
    expect(worded(await readWorkbook('vide.xlsx', await workbook({ Feuil1: [] })))).toEqual([
      { name: 'vide.xlsx', readError: expect.stringContaining('aucune feuille de données') },
    ]);
  });

  test('a workbook declaring 100 bytes per part but inflating to 1 Gio is stopped at the cap, with little memory', async () => {
    const bomb = await lyingWorkbook(1024);
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const read = worded(await readWorkbook('bombe.xlsx', bomb));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(read).toEqual([
      {
        name: 'bombe.xlsx',
        readError: `une partie du classeur (« xl/worksheets/sheet1.xml ») dépasse ${ZIP_LIMITS.entryBytes / 1024 / 1024} Mo une fois décompressée : découpez-le en plusieurs classeurs`,
      },
    ]);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  test('parts that each stay under their cap but exceed the total together are refused', async () => {
    // Three parts of 24 Mio: each under the cap per part, together over the total.
    const content = await lyingWorkbook(24, 3);
    expect(worded(await readWorkbook('lourd.xlsx', content))).toEqual([
      {
        name: 'lourd.xlsx',
        readError: `le classeur dépasse ${ZIP_LIMITS.totalBytes / 1024 / 1024} Mo une fois décompressé : découpez-le en plusieurs classeurs`,
      },
    ]);
  }, 30_000);
});
