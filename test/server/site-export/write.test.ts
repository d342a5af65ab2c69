import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StaticFile } from '../../../server/site-export/crawl';
import { EXPORT_MARK, targetProblem, writeStaticSite } from '../../../server/site-export/write';

const file = (p: string, body: string): StaticFile => ({ path: p, url: `/${p}`, kind: 'page', body: Buffer.from(body) });

const listing = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort();

describe('writing the static copy', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'site-write-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a missing, an empty folder or a previous export may be written; anything else is refused', () => {
    expect(targetProblem(path.join(tmp, 'nouveau', 'dossier'))).toBeNull();
    fs.mkdirSync(path.join(tmp, 'vide'));
    expect(targetProblem(path.join(tmp, 'vide'))).toBeNull();

    const mine = path.join(tmp, 'mes-documents');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'lettre.txt'), 'ne pas perdre');
    expect(targetProblem(mine)).toBe(
      `le dossier « ${mine} » n’est pas vide et ne contient pas un export précédent du site (pas d’index.html du tableau de bord). ` +
        'Indiquez un dossier vide ou qui n’existe pas encore.',
    );
    fs.writeFileSync(path.join(mine, 'index.html'), '<title>Mon site</title>');
    expect(targetProblem(mine)).toMatch(/n’est pas vide/);

    const aFile = path.join(tmp, 'fichier');
    fs.writeFileSync(aFile, '');
    expect(targetProblem(aFile)).toBe(`« ${aFile} » existe et n’est pas un dossier.`);

    const previous = path.join(tmp, 'site');
    writeStaticSite(previous, [file('index.html', `<title>Accueil — Tableau de bord du ${EXPORT_MARK}</title>`)]);
    expect(targetProblem(previous)).toBeNull();
  });

  test('the files are written in their folders; a new export replaces the previous one whole', () => {
    const dir = path.join(tmp, 'out', 'site');
    writeStaticSite(dir, [file('index.html', EXPORT_MARK), file('a/b/index.html', 'b'), file('gone.csv', 'x')]);
    expect(listing(dir)).toEqual(['a/b/index.html', 'gone.csv', 'index.html']);
    expect(fs.readFileSync(path.join(dir, 'a', 'b', 'index.html'), 'utf8')).toBe('b');

    writeStaticSite(dir, [file('index.html', `${EXPORT_MARK} 2`), file('c/index.html', 'c')]);
    expect(listing(dir)).toEqual(['c/index.html', 'index.html']);
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe(`${EXPORT_MARK} 2`);
    // Nothing is left beside it.
    expect(fs.readdirSync(path.join(tmp, 'out'))).toEqual(['site']);
  });
});
