import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCommand } from '../helpers/cli';
import { FORMULA, HOSTILE_INPUT as INPUT, sharedSite } from '../helpers/shared-site';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The files the command line writes (`npm run export`, `npm run export:site`) neutralise
 * spreadsheet formulas, and the exchange files still go round: exported, imported into an empty
 * database and exported again, they are the same bytes (README.md#formulas-in-csv-files). The static
 * site is the run's one export (test/helpers/shared-site.ts), of the demonstration data with the
 * same hand-made cells imported on top.
 */

// The run's static export (test/helpers/shared-site.ts) takes minutes on a busy machine.
jest.setTimeout(900_000);

function run(script: 'import' | 'export', args: string[], databasePath: string) {
  const { status, stdout, stderr } = runCommand(
    script,
    args,
    { DATABASE_PATH: databasePath, DEMO_DATA: 'off', PORT: '' },
    { timeout: 300_000 },
  );
  return { status, stdout, stderr };
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;

const cellsOf = (csv: string) => parse(csv, { bom: true, relax_column_count: true });
const formulaCells = (csv: string) =>
  cellsOf(csv)
    .flat()
    .filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));

const EXCHANGE = ['states.csv', 'populations.csv', 'reports.csv', 'answers.csv', 'figures.csv'];

describe('CSV files written by the command line', () => {
  const tmp = useTempDir('csv-formulas-', { each: false });
  beforeAll(() => {
    fs.mkdirSync(tmp.file('input'));
    for (const [name, content] of Object.entries(INPUT)) fs.writeFileSync(tmp.file('input', name), content);
    const imported = run('import', ['--publish', ...Object.keys(INPUT).map((n) => tmp.file('input', n))], tmp.file('a.sqlite'));
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
  });

  test('npm run export: text is neutralised, numbers are not, and export → import → export gives the same files', () => {
    const first = tmp.file('export-a');
    expect(run('export', [first], tmp.file('a.sqlite')).status).toBe(0);
    const files = Object.fromEntries(EXCHANGE.map((n) => [n, fs.readFileSync(path.join(first, n), 'utf8')]));
    for (const content of Object.values(files)) expect(formulaCells(content)).toEqual([]);
    expect(files['states.csv']).toContain(`\nAFG,"'\rAfghanistan",Afghanistan,yes,,\n`);
    expect(files['states.csv']).toContain(`\nKHM,'@Cambodge,Cambodia,yes,,\n`);
    expect(files['answers.csv']).toContain(
      'year,state,indicator,answer,source,note\n' +
        `2025,AFG,10.1,yes,"'${FORMULA.replace(/"/g, '""')}",'-5 mines détruites\n` +
        `2025,COL,10.1,yes,''=une apostrophe tapée,'sans formule\n` +
        `2025,KHM,10.1,no,'+33 1 23 45,"'\tnote tabulée"\n`,
    );
    expect(files['figures.csv']).toBe('year,indicator,value,denominator\n2025,5.3,12,\n2026,5.3,4.5,\n');

    const importedBack = run(
      'import',
      EXCHANGE.map((n) => path.join(first, n)),
      tmp.file('b.sqlite'),
    );
    expect(importedBack.stderr).toBe('');
    expect(importedBack.status).toBe(0);
    const second = tmp.file('export-b');
    expect(run('export', [second], tmp.file('b.sqlite')).status).toBe(0);
    for (const name of EXCHANGE) expect(fs.readFileSync(path.join(second, name), 'utf8')).toBe(files[name]);
  });

  test('npm run export:site: every CSV of the static copy is neutralised; a fall stays a negative number', async () => {
    const { dir: site, imported, exported } = await sharedSite();
    expect(imported.ok).toBe(true);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const csvFiles = (fs.readdirSync(site, { recursive: true }) as string[]).filter((f) => f.endsWith('.csv'));
    expect(csvFiles.length).toBeGreaterThan(10);
    for (const name of csvFiles) expect([name, formulaCells(fs.readFileSync(path.join(site, name), 'utf8'))]).toEqual([name, []]);

    const answersFile = csvFiles.find((f) => f.endsWith('reponses.csv'))!;
    const notes = cellsOf(fs.readFileSync(path.join(site, answersFile), 'utf8')).flat();
    expect(notes).toEqual(
      expect.arrayContaining([`'${FORMULA}`, "'-5 mines détruites", "'\tnote tabulée", "'\rAfghanistan", "''=une apostrophe tapée"]),
    );
    const indicators = cellsOf(
      fs.readFileSync(
        path.join(
          site,
          csvFiles.find((f) => f.endsWith('indicateurs.csv'))!,
        ),
        'utf8',
      ),
    );
    const header = indicators[0]!;
    const fall = indicators.find((r) => r[header.indexOf('indicator')] === '5.3' && r[header.indexOf('year')] === '2026')!;
    expect(fall[header.indexOf('delta')]).toBe('-7.5');
  });
});
