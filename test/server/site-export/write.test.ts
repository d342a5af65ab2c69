import fs from 'node:fs';
import path from 'node:path';
import type { StaticFile } from '../../../server/site-export/crawl';
import { EXPORT_MARK, targetProblem, writeStaticSite } from '../../../server/site-export/write';
import { useTempDir } from '../../helpers/temp-dir';

const file = (p: string, body: string): StaticFile => ({ path: p, url: `/${p}`, kind: 'page', body: Buffer.from(body) });

const listing = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort();

describe('writing the static copy', () => {
  const tmp = useTempDir('site-write-');

  test('a missing, an empty folder or a previous export may be written; anything else is refused', () => {
    expect(targetProblem(tmp.file('nouveau', 'dossier'))).toBeNull();
    fs.mkdirSync(tmp.file('vide'));
    expect(targetProblem(tmp.file('vide'))).toBeNull();

    const mine = tmp.file('mes-documents');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'lettre.txt'), 'ne pas perdre');
    expect(targetProblem(mine)).toBe(
      `le dossier « ${mine} » n’est pas vide et ne contient pas un export précédent du site (pas d’index.html du tableau de bord). ` +
        'Indiquez un dossier vide ou qui n’existe pas encore.',
    );
    fs.writeFileSync(path.join(mine, 'index.html'), '<title>Mon site</title>');
    expect(targetProblem(mine)).toMatch(/n’est pas vide/);

    const aFile = tmp.file('fichier');
    fs.writeFileSync(aFile, '');
    expect(targetProblem(aFile)).toBe(`« ${aFile} » existe et n’est pas un dossier.`);

    const previous = tmp.file('site');
    writeStaticSite(previous, [file('index.html', `<title>Accueil — Tableau de bord du ${EXPORT_MARK}</title>`)]);
    expect(targetProblem(previous)).toBeNull();
  });

  test('the files are written in their folders; a new export replaces the previous one whole', () => {
    const dir = tmp.file('out', 'site');
    writeStaticSite(dir, [file('index.html', EXPORT_MARK), file('a/b/index.html', 'b'), file('gone.csv', 'x')]);
    expect(listing(dir)).toEqual(['a/b/index.html', 'gone.csv', 'index.html']);
    expect(fs.readFileSync(path.join(dir, 'a', 'b', 'index.html'), 'utf8')).toBe('b');

    writeStaticSite(dir, [file('index.html', `${EXPORT_MARK} 2`), file('c/index.html', 'c')]);
    expect(listing(dir)).toEqual(['c/index.html', 'index.html']);
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe(`${EXPORT_MARK} 2`);
    // Nothing is left beside it.
    expect(fs.readdirSync(tmp.file('out'))).toEqual(['site']);
  });
});
