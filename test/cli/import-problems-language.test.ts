import fs from 'node:fs';
import { BASELINE_YEAR, TARGET_YEAR } from '../../db/codes';
import { foreignPhrases } from '../helpers/foreign-phrases';
import { runImport } from '../../server/cli/import';
import { runCommand, runInProcess } from '../helpers/cli';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The problems `npm run import` finds in a file are worded in the language of LANG, with their file,
 * line and column (docs/i18n.md#the-command-line), as the workspace's upload words them in the
 * member's; French without LANG, as before.
 */

// Child processes on a busy machine.
jest.setTimeout(120_000);

describe('npm run import: the problems of a file in the language of LANG', () => {
  const dir = useTempDir('import-problems-language-');

  test('a bad value, an unknown State, a bad header and a missing file: English, Spanish, French', async () => {
    const databasePath = dir.file('db.sqlite');
    const answers = dir.file('answers.csv');
    fs.writeFileSync(answers, 'year,state,indicator,answer,source,note\n20x5,AFG,1.1,yes,,\n2025,ZZZ,1.1,peut-être,,\n');
    const figures = dir.file('figures.csv');
    fs.writeFileSync(figures, 'year,indicator,value,denominator\n2025,5.3,-4,\n2025,5.4,3,0\n');
    const header = dir.file('other.csv');
    fs.writeFileSync(header, 'year,state,indicator,answr,source,note\n2025,AFG,1.1,yes,,\n');
    const absent = dir.file('absent.csv');

    // The values first: a file refused as a whole stops the import before any row is judged. A real
    // start, in the language of the process's LANG; the other wordings by the tool's function, in process.
    const english = runCommand('import', [answers, figures], { DATABASE_PATH: databasePath, LANG: 'en_US.UTF-8' });
    expect(english.status).toBe(1);
    expect(english.stdout).toBe('');
    expect(english.stderr.trim().split('\n')).toEqual([
      `${answers}:2: year: invalid year “20x5”: a whole number from ${BASELINE_YEAR} to ${TARGET_YEAR} is expected`,
      `${answers}:3: state: unknown State “ZZZ” (ISO 3166 alpha-3 code expected)`,
      `${answers}:3: answer: answer “peut-être” not understood: yes, no or blank expected (or oui, non, vide)`,
      `${figures}:2: value: negative number “-4”: zero or a positive number is expected`,
      `${figures}:3: denominator: it cannot be 0 (the percentage would be a division by zero)`,
      'Import refused: 5 problems, nothing was written.',
    ]);
    expect(foreignPhrases(english.stderr, 'en')).toEqual([]);

    const refused = await runInProcess(runImport, [header, absent], { DATABASE_PATH: databasePath, LANG: 'en_US.UTF-8' });
    expect(refused.stderr.trim().split('\n')).toEqual([
      `${header}:1: header: header not recognised: missing column(s): answer; unknown column(s): answr (header of answers.csv: year,state,indicator,answer,source,note)`,
      `${absent}:1: file: cannot read the file (file not found)`,
      'Import refused: 2 problems, nothing was written.',
    ]);

    const spanish = await runInProcess(runImport, [figures], { DATABASE_PATH: databasePath, LC_ALL: 'es_ES.UTF-8' });
    expect(spanish.stderr.trim().split('\n')).toEqual([
      `${figures}:2: value: número negativo «-4»: se espera un número positivo o cero`,
      `${figures}:3: denominator: no puede ser 0 (el porcentaje sería una división por cero)`,
      'Importación rechazada: 2 problemas, no se ha escrito nada.',
    ]);
    expect(foreignPhrases(spanish.stderr, 'es')).toEqual([]);

    const french = await runInProcess(runImport, [answers, header], { DATABASE_PATH: databasePath });
    expect(french.stderr.trim().split('\n')).toEqual([
      `${header}:1: en-tête: en-tête non reconnu : colonne(s) manquante(s) : answer ; colonne(s) inconnue(s) : answr (en-tête de answers.csv : year,state,indicator,answer,source,note)`,
      'Import refusé : 1 problème, rien n’a été écrit.',
    ]);
    const frenchValues = await runInProcess(runImport, [answers], { DATABASE_PATH: databasePath });
    expect(frenchValues.stderr.trim().split('\n')[0]).toBe(
      `${answers}:2: year: année invalide « 20x5 » : un nombre entier de ${BASELINE_YEAR} à ${TARGET_YEAR} est attendu`,
    );
  });
});
