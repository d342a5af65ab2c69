import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/client';
import { META, writeMeta } from '../../db/queries/meta';
import { answers } from '../../db/schema';
import { runCommand } from '../helpers/cli';
import { useTempDir } from '../helpers/temp-dir';

const VALID = 'test/fixtures/exchange/valid';

/** Runs a CLI as `npm run import` would (its compiled tool), from the repository root, on a database of its own. */
function run(script: 'import' | 'export', args: string[], databasePath: string) {
  const { status, stdout, stderr } = runCommand(script, args, { DATABASE_PATH: databasePath });
  return { status, stdout, stderr };
}

function countAnswers(databasePath: string): number {
  const db = openDatabase(databasePath);
  try {
    return db.select().from(answers).all().length;
  } finally {
    db.$client.close();
  }
}

describe('npm run import / npm run export, as child processes', () => {
  let databasePath: string;
  const dir = useTempDir('exchange-cli-');
  beforeEach(() => {
    databasePath = dir.file('db.sqlite');
  });

  test('a successful import prints the summary per file and exits 0; a second run changes nothing', () => {
    const files = ['states.csv', 'answers.csv', 'figures.csv'].map((f) => `${VALID}/${f}`);
    const first = run('import', ['--publish', ...files], databasePath);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([
      `${VALID}/states.csv (États) : 1 ajouté, 1 modifié, 1 inchangé`,
      `${VALID}/answers.csv (réponses) : 4 ajoutées, 0 modifiée, 0 inchangée`,
      `${VALID}/figures.csv (chiffres) : 3 ajoutés, 0 modifié, 0 inchangé`,
      'Années publiées : 2025, 2026.',
    ]);
    expect(countAnswers(databasePath)).toBe(4);

    const again = run('import', ['--dry-run', ...files], databasePath);
    expect(again.status).toBe(0);
    expect(again.stdout.trim().split('\n')).toEqual([
      `${VALID}/states.csv (États) : 0 ajouté, 0 modifié, 3 inchangés`,
      `${VALID}/answers.csv (réponses) : 0 ajoutée, 0 modifiée, 4 inchangées`,
      `${VALID}/figures.csv (chiffres) : 0 ajouté, 0 modifié, 3 inchangés`,
      'Simulation : rien n’a été écrit.',
    ]);
  }, 60_000);

  test('a file of 100 000 bad rows: the first problems are printed, then how many more, and the total', () => {
    const bad = dir.file('answers.csv');
    fs.writeFileSync(bad, ['year,state,indicator,answer', ...Array.from({ length: 100_000 }, () => 'x,y,z,w')].join('\n') + '\n');
    const result = run('import', [bad], databasePath);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    // Four problems per row (year, state, indicator, answer), listed in line order.
    expect(lines[0]).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: year: `));
    expect(lines[999]).toMatch(/:251: answer: /);
    expect(lines.slice(-2)).toEqual([
      '… et 399000 autres problèmes, non affichés : corrigez d’abord ceux-ci.',
      'Import refusé : 400000 problèmes, rien n’a été écrit.',
    ]);
    expect(lines).toHaveLength(1002);
    expect(countAnswers(databasePath)).toBe(0);
  }, 180_000);

  test('a refused import prints FILE:LINE: COLUMN: message on stderr, exits 1 and writes nothing', () => {
    const bad = dir.file('bad.csv');
    fs.writeFileSync(bad, 'year;state;indicator;answer\r\n2027;XYZ;1.1;oui\r\n2027;AFG;1.1;peut-être\r\n');
    const missing = dir.file('missing.csv');
    const result = run('import', [`${VALID}/states.csv`, `${VALID}/answers.csv`, bad], databasePath);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `${bad}:2: state: État inconnu « XYZ » (code ISO 3166 alpha-3 attendu)`,
      `${bad}:3: answer: réponse « peut-être » non comprise : oui, non ou vide attendu (ou yes, no, blank)`,
      'Import refusé : 2 problèmes, rien n’a été écrit.',
    ]);
    expect(countAnswers(databasePath)).toBe(0);

    // A file that cannot be read stops the import there: the others' rows are not judged without it.
    const withMissing = run('import', [`${VALID}/states.csv`, `${VALID}/answers.csv`, bad, missing], databasePath);
    expect(withMissing.status).toBe(1);
    expect(withMissing.stderr.trim().split('\n')).toEqual([
      `${missing}:1: fichier: impossible de lire le fichier (fichier introuvable)`,
      'Import refusé : 1 problème, rien n’a été écrit.',
    ]);
    expect(countAnswers(databasePath)).toBe(0);
  }, 120_000);

  test('an import into a database holding demonstration data is refused', () => {
    const db = openDatabase(databasePath);
    writeMeta(db, META.demoData, 'loaded');
    db.$client.close();
    const result = run('import', [`${VALID}/states.csv`, `${VALID}/answers.csv`], databasePath);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/données de démonstration.*npm run demo:clear/);
    expect(countAnswers(databasePath)).toBe(0);
  }, 60_000);

  test('a wrong command line prints the usage and exits 2', () => {
    const none = run('import', [], databasePath);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/Usage : npm run import -- \[--dry-run\] \[--publish\]/);
    const unknown = run('import', ['--force', 'a.csv'], databasePath);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Option inconnue « --force »/);
  }, 60_000);

  test('export writes the five files into a new folder and exits 0', () => {
    expect(run('import', [`${VALID}/states.csv`, `${VALID}/answers.csv`], databasePath).status).toBe(0);
    const out = dir.file('out', 'nested');
    const result = run('export', [out], databasePath);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/answers\.csv : 4 lignes/);
    expect(fs.readdirSync(out).sort()).toEqual(['answers.csv', 'figures.csv', 'populations.csv', 'reports.csv', 'states.csv']);
    expect(fs.readFileSync(path.join(out, 'answers.csv'), 'utf8').split('\n')[0]).toBe('year,state,indicator,answer,source,note');
    expect(run('export', [], databasePath).status).toBe(2);
  }, 60_000);
});
