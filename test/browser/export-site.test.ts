import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Browser } from 'playwright-core';
import catalogue from '../../seed/data/catalogue.json';
import { axeViolations, launchBrowser, serve, watchForErrors } from '../helpers/browser';
import { htmlProblems } from '../helpers/html';
import { sharedSite, type CommandResult } from '../helpers/shared-site';

// Three languages of about 1 100 pages each, exported then followed link by link, on a busy machine.
jest.setTimeout(900_000);

/** Where the static server puts the copy: links must work below any folder, never from the host's root. */
const MOUNT = '/miroir/site/';

/** The links of a page or style sheet, read independently of the exporter's own parser. */
function linksOf(body: string, css: boolean): string[] {
  const pattern = css ? /url\(\s*["']?([^"')]+)["']?\s*\)/g : /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  return [...body.matchAll(pattern)].map((m) => (m[1] ?? m[2] ?? '').replace(/&amp;/g, '&'));
}

interface Visit {
  status: number;
  type: string;
  body: string;
}

describe('npm run export:site', () => {
  let out: string;
  let result: CommandResult;
  let mirror: { url: string; close: () => Promise<void> };
  /** Every file reached from the home page by following links, by path below MOUNT. */
  const visited = new Map<string, Visit>();
  const problems: string[] = [];

  beforeAll(async () => {
    // The run's one export (test/helpers/shared-site.ts): the demonstration data, and a few hostile
    // cells that test/cli/csv-formulas.test.ts looks for in its CSV files.
    const site = await sharedSite();
    out = site.dir;
    result = site.exported;
    if (result.status !== 0) return;

    const app = express();
    app.use(MOUNT, express.static(out, { redirect: false, index: false }));
    mirror = await serve(app);

    // Follows every link from the home page, as a visitor would.
    const origin = new URL(mirror.url).origin;
    const queue = [`${MOUNT}index.html`];
    const fragments: { page: string; target: string; id: string }[] = [];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const batch = queue.splice(0, 16);
      await Promise.all(
        batch.map(async (pathname) => {
          const response = await fetch(origin + pathname, { redirect: 'manual' });
          const body = await response.text();
          const type = response.headers.get('content-type') ?? '';
          visited.set(pathname.slice(MOUNT.length), { status: response.status, type, body });
          if (response.status !== 200) return;
          const css = type.startsWith('text/css');
          if (!css && !type.startsWith('text/html')) return;
          for (const link of linksOf(body, css)) {
            if (/^(#|mailto:|https?:\/\/)/.test(link)) continue;
            if (link.startsWith('/')) problems.push(`${pathname} : lien depuis la racine ${link}`);
            const target = new URL(link, origin + pathname);
            if (target.origin !== origin || !target.pathname.startsWith(MOUNT)) {
              problems.push(`${pathname} : lien hors du dossier ${link}`);
              continue;
            }
            if (target.search) problems.push(`${pathname} : lien avec une requête ${link}`);
            if (target.hash) fragments.push({ page: pathname, target: target.pathname, id: decodeURIComponent(target.hash.slice(1)) });
            if (!seen.has(target.pathname)) {
              seen.add(target.pathname);
              queue.push(target.pathname);
            }
          }
        }),
      );
    }
    for (const [file, visit] of visited) if (visit.status !== 200) problems.push(`${file} : ${visit.status}`);
    for (const { page, target, id } of fragments) {
      const body = visited.get(target.slice(MOUNT.length))?.body ?? '';
      if (!body.includes(`id="${id}"`)) problems.push(`${page} : ancre absente ${target}#${id}`);
    }
  });

  afterAll(async () => {
    await mirror?.close();
  });

  const pages = () => [...visited].filter(([file]) => file.endsWith('.html'));

  test('writes the public site and prints a French summary', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    const summary = lines.slice(lines.findIndex((l) => l.startsWith('Site statique exporté')));
    expect(summary[0]).toMatch(new RegExp(`^Site statique exporté dans « ${out} » en [0-9]+(,[0-9])? s :$`));
    expect(summary[1]).toMatch(
      /^- [0-9\u00a0]+ pages : [0-9\u00a0]+ en français, [0-9\u00a0]+ en anglais \(en\/\), [0-9\u00a0]+ en espagnol \(es\/\) ;$/,
    );
    expect(summary[2]).toMatch(/^- [0-9\u00a0]+ fichiers de données \(CSV, JSON, XLSX, ZIP\) ;$/);
    expect(summary[3]).toMatch(/^- [0-9] ressources \(styles, scripts, images\) ;$/);
    expect(summary[4]).toMatch(/^- [0-9\u00a0,]+ Mo au total\.$/);
    // The numbers are those of the files written.
    const written = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(out, f)).isFile());
    const [pageCount, french, english, spanish] = summary[1]!.match(/[0-9][0-9\u00a0]*/g)!.map((n) => Number(n.replace(/\D/g, '')));
    const pagesWritten = written.map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('index.html'));
    expect(pagesWritten).toHaveLength(pageCount!);
    // One site per language, each the same pages: French at the root, English in en/, Spanish in es/.
    expect(pagesWritten.filter((f) => f.startsWith('en/'))).toHaveLength(english!);
    expect(pagesWritten.filter((f) => f.startsWith('es/'))).toHaveLength(spanish!);
    expect(english).toBe(french);
    expect(spanish).toBe(french);
    expect(pagesWritten.filter((f) => f.startsWith('en/')).map((f) => f.slice(3))).toEqual(
      pagesWritten.filter((f) => !/^(en|es)\//.test(f)),
    );
  });

  test('served from a sub-folder by a plain static server, every link from the home page works', () => {
    expect(problems).toEqual([]);
    // Every file written is reachable from the home page.
    const written = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(out, f)).isFile());
    expect([...visited.keys()].sort()).toEqual(written.map((f) => f.split(path.sep).join('/')).sort());
  });

  test('the copy holds every indicator for each published year, the data files and the styles and scripts', () => {
    const codes = catalogue.actions.flatMap((a) => a.indicators.map((i) => i.code));
    expect(codes).toHaveLength(106);
    for (const year of ['', 'year-2025/', 'year-2026/']) {
      for (const code of codes) expect(visited.get(`indicators/${code}/${year}index.html`)?.status).toBe(200);
      expect(visited.has(`${year}index.html`)).toBe(true);
    }
    expect(visited.has('year-2027/index.html')).toBe(false);
    const csv = visited.get('indicators/1.1/donnees.csv')!;
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toMatch(/^indicator,year,value,/);
    expect(visited.get('donnees/index.html')?.status).toBe(200);
    expect(visited.get('donnees/indicateurs.csv')?.type).toMatch(/^text\/csv/);
    // The workbook and the archive of everything are linked from /donnees/, hence copied too.
    expect(visited.get('donnees/indicateurs.xlsx')?.status).toBe(200);
    expect(visited.get('donnees/tout.zip')?.status).toBe(200);
    expect(visited.get('static/css/site.css')?.type).toMatch(/^text\/css/);
    expect(visited.get('static/vendor/chart.js/chart.umd.min.js')?.status).toBe(200);
    expect(JSON.parse(visited.get('api/v1/catalogue.json')!.body)).toHaveProperty('actions');
  });

  test('no page keeps a link from the root, a form or a sign-in link; every page links back to the home page', () => {
    const home = /^(en\/|es\/)?(comite-[^/]+\/)?(year-[0-9]{4}\/)?index\.html$/;
    const withoutHomeLink: string[] = [];
    for (const [file, { body }] of pages()) {
      expect(body).not.toMatch(/\s(href|src)=["']?\//);
      expect(body).not.toMatch(/<form[\s>]/);
      expect(body).not.toContain('Connexion (comités)');
      // Stops at the first link home (the header's, near the top): every link of 3 400 pages is a lot to resolve.
      const target = (link: string) => path.posix.normalize(path.posix.join(path.posix.dirname(file), link.split('#')[0]!));
      if (!linksOf(body, false).some((link) => home.test(target(link)))) withoutHomeLink.push(file);
    }
    expect(withoutHomeLink).toEqual([]);
  });

  test('the year and committee choices are links to years with data, the current one marked', async () => {
    const home = visited.get('comite-article5/year-2025/index.html')!.body;
    const years = /<ul class="year-selector__list">([\s\S]*?)<\/ul>/.exec(home)![1]!;
    expect(linksOf(years, false)).toEqual(['index.html', '../year-2026/index.html']);
    expect(years).toContain('<a href="index.html" aria-current="page">2025 (référence)</a>');
    const committees = /<ul class="committee-filter__list">([\s\S]*?)<\/ul>/.exec(home)![1]!;
    expect(linksOf(committees, false)).toHaveLength(7);
    expect(committees).toMatch(/<a href="index\.html" aria-current="page">Comité sur l’application de l’article 5<\/a>/);
    for (const file of [
      'index.html',
      'comite-article5/year-2025/index.html',
      'indicators/1.1/year-2025/index.html',
      'states/AFG/index.html',
    ]) {
      expect({ file, problems: await htmlProblems(visited.get(file)!.body) }).toEqual({ file, problems: [] });
    }
  });

  test('each language’s pages say their language, and their switcher and hreflang alternates lead to the same page in the others', () => {
    const languages = { fr: '', en: 'en/', es: 'es/' };
    for (const page of ['index.html', 'indicators/1.1/year-2025/index.html', 'states/AFG/index.html', 'donnees/index.html']) {
      for (const [locale, folder] of Object.entries(languages)) {
        const file = `${folder}${page}`;
        const body = visited.get(file)?.body ?? '';
        expect([file, /<html lang="([a-z]+)"/.exec(body)?.[1]]).toEqual([file, locale]);
        const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(body)![0];
        const alternates = [...body.matchAll(/<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">/g)];
        for (const [other, otherFolder] of Object.entries(languages)) {
          const link = new RegExp(`<a href="([^"]+)" lang="${other}" hreflang="${other}"`).exec(switcher)?.[1];
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), link ?? '?'));
          expect([file, other, target]).toEqual([file, other, `${otherFolder}${page}`]);
          const alternate = alternates.find((a) => a[1] === other)?.[2] ?? '?';
          expect([file, other, path.posix.normalize(path.posix.join(path.posix.dirname(file), alternate))]).toEqual([
            file,
            other,
            `${otherFolder}${page}`,
          ]);
        }
      }
    }
    const english = visited.get('en/index.html')!.body;
    expect(english).toContain('<a href="../index.html" lang="fr" hreflang="fr">');
    expect(english).toContain('<a href="../es/index.html" lang="es" hreflang="es">');
  });

  describe('in Chromium, from the static server', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    test('an indicator page of 2025 draws its chart, and the pages have no accessibility problem', async () => {
      const page = await browser.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${mirror.url}${MOUNT}indicators/1.1/year-2025/index.html`);
      await page.waitForFunction(() => document.querySelector('canvas[data-chart]')?.getAttribute('data-chart-drawn') === 'true');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${mirror.url}${MOUNT}index.html`);
      expect(await axeViolations(page)).toEqual([]);
      // Following the year link, as a visitor would.
      await page.getByRole('link', { name: '2025 (référence)' }).click();
      expect(new URL(page.url()).pathname).toBe(`${MOUNT}year-2025/index.html`);
      expect(await page.locator('.year-selector__note').innerText()).toMatch(/^Valeurs 2025/);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
