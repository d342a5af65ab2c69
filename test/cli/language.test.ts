import fs from 'node:fs';
import { runExport } from '../../server/cli/export';
import { runImport } from '../../server/cli/import';
import { localeFromEnv } from '../../server/i18n/cli-locale';
import { runCommand, runInProcess } from '../helpers/cli';
import { useTempDir } from '../helpers/temp-dir';

const VALID = 'test/fixtures/exchange/valid';

// Child processes on a busy machine.
jest.setTimeout(120_000);

describe('the command line speaks the language of LANG (docs/i18n.md#the-command-line)', () => {
  test('LC_ALL before LC_MESSAGES before LANG; the language part only; French for anything else', () => {
    expect(localeFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(localeFromEnv({ LANG: 'es' })).toBe('es');
    expect(localeFromEnv({ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'es_MX.UTF-8' })).toBe('es');
    expect(localeFromEnv({ LANG: 'es_ES.UTF-8', LC_MESSAGES: 'es_ES', LC_ALL: 'en_US' })).toBe('en');
    expect(localeFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: '' })).toBe('en');
    expect(localeFromEnv({})).toBe('fr');
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBe('fr');
    expect(localeFromEnv({ LANG: 'POSIX' })).toBe('fr');
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('fr');
    expect(localeFromEnv({ LANG: 'eng' })).toBe('fr');
  });

  // Each tool started once as a child process, in the language of its LANG; the other wordings of
  // import and export by their functions, in process (npm run import and export start for real in
  // exchange.test.ts, for each of these behaviours, in French).
  describe('as child processes, and in process', () => {
    const dir = useTempDir('cli-language-');

    test('usage and refusals: English with LANG=en_US.UTF-8, Spanish with es_ES, French without LANG', async () => {
      const databasePath = dir.file('db.sqlite');
      const usage = (lang: string | undefined) =>
        runInProcess(runExport, [], { DATABASE_PATH: databasePath, ...(lang ? { LANG: lang } : {}) });
      expect(runCommand('export', [], { DATABASE_PATH: databasePath, LANG: 'en_US.UTF-8' })).toMatchObject({
        status: 2,
        stderr: 'Usage: npm run export -- FOLDER\n',
      });
      expect(await usage('en_US.UTF-8')).toMatchObject({ status: 2, stderr: 'Usage: npm run export -- FOLDER\n' });
      expect(await usage('es_ES.UTF-8')).toMatchObject({ status: 2, stderr: 'Uso: npm run export -- CARPETA\n' });
      expect(await usage(undefined)).toMatchObject({ status: 2, stderr: 'Usage : npm run export -- DOSSIER\n' });

      const user = runCommand('user', ['remove'], { DATABASE_PATH: databasePath, LANG: 'en_US.UTF-8' });
      expect(user.status).toBe(2);
      expect(user.stderr.split('\n').slice(0, 2)).toEqual(['Unknown command “remove”.', 'Usage:']);

      const missing = dir.file('absent.sqlite');
      const demo = runCommand('demo-clear', [], { DATABASE_PATH: missing, LANG: 'en_US.UTF-8' });
      expect(demo).toMatchObject({ status: 1, stderr: `No database at ${missing}: nothing was deleted.\n` });
      const demoFr = runCommand('demo-clear', [], { DATABASE_PATH: missing });
      expect(demoFr.stderr).toBe(`Aucune base de données à ${missing} : rien n’a été supprimé.\n`);

      const backup = runCommand('backup', [], { DATABASE_PATH: databasePath, LC_ALL: 'es_ES.UTF-8' });
      expect(backup.status).toBe(2);
      expect(backup.stderr).toMatch(/^Uso: npm run backup -- ARCHIVO/);

      const site = runCommand('export-site', [], { DATABASE_PATH: databasePath, LANG: 'en_US.UTF-8', PORT: '', DEMO_DATA: '' });
      expect(site).toMatchObject({ status: 2, stderr: 'Usage: npm run export:site -- FOLDER\n' });
    });

    test('the import and the export: the same counts worded in English, and in French by default', async () => {
      const databasePath = dir.file('db.sqlite');
      const files = ['states.csv', 'answers.csv', 'figures.csv'].map((f) => `${VALID}/${f}`);
      // npm run import started for real (LANG of the process), the rest by the tools' functions.
      const imported = runCommand('import', ['--publish', ...files], { DATABASE_PATH: databasePath, LANG: 'en_US.UTF-8' });
      expect(imported.stderr).toBe('');
      expect(imported.status).toBe(0);
      expect(imported.stdout.trim().split('\n')).toEqual([
        `${VALID}/states.csv (States): 1 added, 1 changed, 1 unchanged`,
        `${VALID}/answers.csv (answers): 4 added, 0 changed, 0 unchanged`,
        `${VALID}/figures.csv (figures): 3 added, 0 changed, 0 unchanged`,
        'Years published: 2025, 2026.',
      ]);
      const again = await runInProcess(runImport, ['--dry-run', ...files], { DATABASE_PATH: databasePath, LANG: 'es_ES.UTF-8' });
      expect(again.stdout.trim().split('\n')).toEqual([
        `${VALID}/states.csv (Estados): 0 añadidos, 0 modificados, 3 sin cambios`,
        `${VALID}/answers.csv (respuestas): 0 añadidas, 0 modificadas, 4 sin cambios`,
        `${VALID}/figures.csv (cifras): 0 añadidos, 0 modificados, 3 sin cambios`,
        'Simulación: no se ha escrito nada.',
      ]);

      const unknown = await runInProcess(runImport, ['--fast', ...files], { DATABASE_PATH: databasePath, LANG: 'en_US.UTF-8' });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr.split('\n')[0]).toBe('Unknown option “--fast”.');

      const english = await runInProcess(runExport, [dir.file('en')], { DATABASE_PATH: databasePath, LANG: 'en_US.UTF-8' });
      const french = await runInProcess(runExport, [dir.file('fr')], { DATABASE_PATH: databasePath });
      expect(english.status).toBe(0);
      expect(french.status).toBe(0);
      const rows = (out: string) =>
        out
          .trim()
          .split('\n')
          .map((l) => l.replace(/\D+/g, ' ').trim());
      expect(rows(english.stdout)).toEqual(rows(french.stdout));
      expect(english.stdout).toMatch(/answers\.csv: 4 rows$/m);
      expect(french.stdout).toMatch(/answers\.csv : 4 lignes$/m);
      // The exchange format is a machine format: the same files whatever the language.
      for (const name of fs.readdirSync(dir.file('fr'))) {
        expect(fs.readFileSync(dir.file('en', name), 'utf8')).toBe(fs.readFileSync(dir.file('fr', name), 'utf8'));
      }
    });
  });
});
