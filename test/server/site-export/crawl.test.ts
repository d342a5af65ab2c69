import http from 'node:http';
import express from 'express';
import request from 'supertest';
import { crawlSite, type StaticSite } from '../../../server/site-export/crawl';
import { siteFetcher } from '../../../server/site-export/serve';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="fr"><head><title>t</title><link rel="stylesheet" href="/static/s.css"></head><body>${body}</body></html>`;

const crawl = (app: express.Express, excluded: string[] = []): Promise<StaticSite> => crawlSite({ fetch: siteFetcher(app), excluded });

const text = (site: StaticSite, path: string) => {
  const file = site.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} absent : ${site.files.map((f) => f.path).join(', ')}`);
  return file.body.toString('utf8');
};

describe('crawling a site into static files', () => {
  test('every internal link is followed once and rewritten to a relative path to its file', async () => {
    const app = express();
    const seen: string[] = [];
    app.use((req, _res, next) => {
      seen.push(req.originalUrl);
      next();
    });
    app.get('/', (req, res) => {
      res
        .type('html')
        .send(
          page(
            '<a href="#top">haut</a> <a href="/a">a</a> <a href="/a?year=2025&amp;comite=x#s2">a 2025</a> <a href="/a?comite=x&amp;year=2025">même</a>' +
              ' <a href="/data.csv" download>csv</a> <a href="/api/v1/catalogue">json</a> <a href="mailto:x@example.org">m</a>' +
              ' <a href="https://example.org/a">ailleurs</a>',
          ),
        );
    });
    app.get('/a', (req, res) => {
      const year = typeof req.query.year === 'string' ? req.query.year : 'défaut';
      res.type('html').send(page(`<p>${year}</p><a href="/">accueil</a> <a href="b">relatif</a> <img alt="" src="/static/i.svg">`));
    });
    app.get('/b', (_req, res) => {
      res.type('html').send(page('<a href="./a?year=2025&amp;comite=x">retour</a>'));
    });
    app.get('/data.csv', (_req, res) => {
      res.type('text/csv').send('a,b\n1,2\n');
    });
    app.get('/api/v1/catalogue', (_req, res) => {
      res.json({ href: '/a' });
    });
    app.get('/static/s.css', (_req, res) => {
      res.type('css').send('body{background:url(/static/i.svg)}');
    });
    app.get('/static/i.svg', (_req, res) => {
      res.type('image/svg+xml').send('<svg xmlns="http://www.w3.org/2000/svg"/>');
    });

    const site = await crawl(app);
    expect(site.problems).toEqual([]);
    expect(site.files.map((f) => [f.path, f.url, f.kind])).toEqual([
      ['a/comite-x/year-2025/index.html', '/a?comite=x&year=2025', 'page'],
      ['a/index.html', '/a', 'page'],
      ['api/v1/catalogue.json', '/api/v1/catalogue', 'data'],
      ['b/index.html', '/b', 'page'],
      ['data.csv', '/data.csv', 'data'],
      ['index.html', '/', 'page'],
      ['static/i.svg', '/static/i.svg', 'asset'],
      ['static/s.css', '/static/s.css', 'asset'],
    ]);
    expect(seen.filter((u) => u.startsWith('/a?'))).toHaveLength(1);
    expect(seen).toHaveLength(8);

    const home = text(site, 'index.html');
    expect(home).toContain('<link rel="stylesheet" href="static/s.css">');
    expect(home).toContain('<a href="#top">haut</a>');
    expect(home).toContain('<a href="a/index.html">a</a>');
    expect(home).toContain('<a href="a/comite-x/year-2025/index.html#s2">a 2025</a>');
    expect(home).toContain('<a href="a/comite-x/year-2025/index.html">même</a>');
    expect(home).toContain('<a href="data.csv" download>csv</a>');
    expect(home).toContain('<a href="api/v1/catalogue.json">json</a>');
    expect(home).toContain('<a href="mailto:x@example.org">m</a> <a href="https://example.org/a">ailleurs</a>');
    const filtered = text(site, 'a/comite-x/year-2025/index.html');
    expect(filtered).toContain('<p>2025</p><a href="../../../index.html">accueil</a> <a href="../../../b/index.html">relatif</a>');
    expect(filtered).toContain('src="../../../static/i.svg"');
    expect(text(site, 'b/index.html')).toContain('<a href="../a/comite-x/year-2025/index.html">retour</a>');
    expect(text(site, 'static/s.css')).toBe('body{background:url("i.svg")}');
    // Data files are copied as they are.
    expect(text(site, 'api/v1/catalogue.json')).toBe('{"href":"/a"}');
  });

  test('a broken link, a redirect, a link to a server-only page and a form are problems naming the linking page', async () => {
    const app = express();
    app.get('/', (_req, res) => {
      res
        .type('html')
        .send(page('<a href="/absente">x</a> <a href="/connexion">connexion</a> <a href="/ailleurs">y</a> <a href="/f">f</a>'));
    });
    app.get('/f', (_req, res) => {
      res
        .type('html')
        .send(page('<form method="get" action="/"><button>ok</button></form><a href="/absente">x</a> <a href="/espace/saisie">z</a>'));
    });
    app.get('/ailleurs', (_req, res) => res.redirect('/'));
    app.get('/static/s.css', (_req, res) => {
      res.type('css').send('');
    });
    const site = await crawl(app, ['/connexion', '/espace']);
    expect(site.problems).toEqual([
      '« /absente » : réponse 404 au lieu de 200 (lien dans « / », « /f »).',
      '« /connexion » : page réservée au serveur (connexion, espace de travail), absente d’une copie statique (lien dans « / »).',
      '« /ailleurs » : réponse 302 au lieu de 200 (lien dans « / »).',
      '« /espace/saisie » : page réservée au serveur (connexion, espace de travail), absente d’une copie statique (lien dans « /f »).',
      '« /f » contient un formulaire, qu’un hébergement statique ne peut pas traiter.',
    ]);
  });

  test('two URLs that would share a file are a problem', async () => {
    const app = express();
    app.get('/', (_req, res) => {
      res.type('html').send(page('<a href="/states/AFG">a</a> <a href="/states/afg">b</a>'));
    });
    app.get(['/states/AFG', '/states/afg'], (_req, res) => {
      res.type('html').send(page(''));
    });
    app.get('/static/s.css', (_req, res) => {
      res.type('css').send('');
    });
    const site = await crawl(app);
    expect(site.problems).toEqual(['« /states/AFG » et « /states/afg » seraient écrits dans le même fichier « states/afg/index.html ».']);
  });
  test('after a crawl, the other apps of the process still answer real requests', async () => {
    const crawled = express();
    crawled.get('/', (_req, res) => {
      res.type('html').send(page('<p>accueil</p>'));
    });
    crawled.get('/static/s.css', (_req, res) => {
      res.type('css').send('body{margin:0}');
    });
    expect((await crawl(crawled)).problems).toEqual([]);
    const other = express();
    other.get('/', (_req, res) => {
      res.type('text').send('bonjour');
    });
    // Through a socket: the requests node:http makes, not light-my-request's.
    expect((await request(other).get('/').timeout(10_000).expect(200)).text).toBe('bonjour');
    // Express's own prototypes, which every app shares, are left as they were.
    expect(Object.getPrototypeOf(express.request)).toBe(http.IncomingMessage.prototype);
    expect(Object.getPrototypeOf(express.response)).toBe(http.ServerResponse.prototype);
  });
});
