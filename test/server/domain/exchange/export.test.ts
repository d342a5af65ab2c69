import fs from 'node:fs';
import path from 'node:path';
import { exportFiles, exportToDirectory } from '../../../../server/domain/exchange/export';
import { importFiles } from '../../../../server/domain/exchange/import';
import { seededDatabase } from '../../../helpers/context';
import { csvFile, dumpTables, validFixtures } from './support';
import { useTempDir } from '../../../helpers/temp-dir';

const NOW = new Date('2026-05-02T10:00:00.000Z');

describe('exporting the exchange files', () => {
  const dir = useTempDir('export-');

  test('five files with the headers of the exchange format, comma-separated, LF, no BOM, sorted, quoted where needed', () => {
    const db = seededDatabase();
    const imported = importFiles(db, validFixtures(), { now: NOW });
    expect(imported.ok).toBe(true);
    const files = Object.fromEntries(exportFiles(db).map((f) => [f.name, f.content]));
    expect(Object.keys(files)).toEqual(['states.csv', 'populations.csv', 'reports.csv', 'answers.csv', 'figures.csv']);
    for (const content of Object.values(files)) {
      expect(content.startsWith('\ufeff')).toBe(false);
      expect(content).not.toMatch(/\r/);
      expect(content.endsWith('\n')).toBe(true);
    }
    expect(files['states.csv']?.split('\n').slice(0, 3)).toEqual([
      'iso3,name_fr,name_en,party,party_from,party_until',
      'AFG,Afghanistan,Afghanistan,yes,,',
      'AGO,Angola,Angola,yes,,',
    ]);
    expect(files['states.csv']).toMatch(/\nLTU,Lituanie,Lithuania,yes,,2026-12-27\n/);
    expect(files['states.csv']).toMatch(/\nSAU,Arabie Saoudite,Saudi Arabia,no,,\n/);
    expect(files['populations.csv']).toBe('year,state,population\n2025,AFG,affected\n2025,AFG,victims\n2025,FRA,donor\n2026,LTU,donor\n');
    expect(files['reports.csv']).toBe(
      'year,state,received_on,used_reporting_guide\n2025,AFG,2025-04-28,yes\n2025,FRA,2025-05-15,no\n2025,XKX,2025-06-01,no\n',
    );
    expect(files['answers.csv']).toBe(
      'year,state,indicator,answer,source,note\n' +
        '2025,AFG,1.1,yes,"Rapport article 7, p. 4",\n' +
        '2025,FRA,15.1,no,,"Deux lignes\nde note, avec « guillemets » et ""doubles"""\n' +
        '2025,XKX,11.3,yes,Rapport volontaire,\n' +
        '2026,AFG,1.1,,,\n',
    );
    expect(files['figures.csv']).toBe('year,indicator,value,denominator\n2025,5.3,12,\n2025,5.4,3,40\n2026,5.4,7.5,40\n');
  });

  test('indicator codes sort numerically (9 before 11.1, 11.1 before 11.3)', () => {
    const db = seededDatabase();
    const result = importFiles(db, [
      csvFile('a.csv', ['year,state,indicator,answer', '2025,AFG,11.3,yes', '2025,AFG,9,yes', '2025,AFG,11.1,no', '2025,AFG,2,no']),
    ]);
    expect(result.ok).toBe(true);
    const content = exportFiles(db).find((f) => f.name === 'answers.csv')?.content ?? '';
    expect(
      content
        .split('\n')
        .slice(1, -1)
        .map((l) => l.split(',')[2]),
    ).toEqual(['2', '9', '11.1', '11.3']);
  });

  test('exportToDirectory creates the folder and writes the five files', () => {
    const db = seededDatabase();
    const target = dir.file('a', 'b');
    const written = exportToDirectory(db, target);
    expect(written.map((w) => path.basename(w.path))).toEqual([
      'states.csv',
      'populations.csv',
      'reports.csv',
      'answers.csv',
      'figures.csv',
    ]);
    expect(written[0]?.rows).toBe(197);
    expect(fs.readFileSync(path.join(target, 'figures.csv'), 'utf8')).toBe('year,indicator,value,denominator\n');
  });

  test('round trip: import into A, export, import the export into a fresh B: every row is the same', () => {
    const a = seededDatabase();
    const dialect = csvFile(
      'extra.csv',
      ['year;state;indicator;answer;source;note', '2026;FRA;15.1;oui;"a; b";"x ""y""\r\nz"', '2026;DEU;1.1;;  ;'],
      '\r\n',
    );
    const first = importFiles(a, [...validFixtures(), dialect], { now: NOW });
    expect(first.ok).toBe(true);
    exportToDirectory(a, dir.path);

    const b = seededDatabase();
    const exported = ['states.csv', 'populations.csv', 'reports.csv', 'answers.csv', 'figures.csv'].map((name) => ({
      name,
      content: fs.readFileSync(dir.file(name)),
    }));
    const second = importFiles(b, exported, { now: NOW });
    expect(second.ok).toBe(true);
    // Publications are not part of the exchange files; neither import published.
    expect(dumpTables(b)).toEqual(dumpTables(a));

    // And the export of B is byte-identical to the export of A.
    expect(exportFiles(b)).toEqual(exportFiles(a));
  });
});
