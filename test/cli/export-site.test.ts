import fs from 'node:fs';
import path from 'node:path';
import { exportSite } from '../helpers/export-site';
import { useTempDir } from '../helpers/temp-dir';

// Two child processes, each compiling the server with tsx: slow on a busy machine.
jest.setTimeout(240_000);

// The export itself, followed link by link and opened in Chromium, is in test/browser/export-site.test.ts.
describe('npm run export:site', () => {
  let databasePath: string;
  const tmp = useTempDir('export-site-', { each: false });
  beforeAll(() => {
    databasePath = tmp.file('db.sqlite');
  });

  test('a folder that is not empty and holds no previous export is refused; a wrong command line prints the usage', async () => {
    const mine = tmp.file('mes-documents');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'lettre.txt'), 'ne pas perdre');
    const refused = await exportSite([mine], tmp.file('other.sqlite'));
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim()).toBe(
      `Export du site refusé : le dossier « ${mine} » n’est pas vide et ne contient pas un export précédent du site ` +
        '(pas d’index.html du tableau de bord). Indiquez un dossier vide ou qui n’existe pas encore. Rien n’a été écrit.',
    );
    expect(fs.readdirSync(mine)).toEqual(['lettre.txt']);
    expect(fs.existsSync(tmp.file('other.sqlite'))).toBe(false);

    const usage = await exportSite([], databasePath);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim()).toBe('Usage : npm run export:site -- DOSSIER');
  });
});
