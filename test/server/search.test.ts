import request from 'supertest';
import type { Express } from 'express';
import { matchExpression } from '../../server/domain/search';
import { testApp } from '../helpers/context';
import { htmlProblems, textOf } from '../helpers/html';
import { demoDatabase } from '../helpers/pages';

jest.setTimeout(60_000);

/** The results of a search, in order: what each is, its title and its link. */
async function results(app: Express, q: string) {
  const res = await request(app).get('/recherche').query({ q }).expect(200);
  const items = [...res.text.matchAll(/<li class="search-result">([\s\S]*?)<\/li>/g)].map((m) => ({
    kind: /search-result__kind">([^<]*)</.exec(m[1]!)![1],
    href: /href="([^"]*)"/.exec(m[1]!)![1],
    title: textOf(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(m[1]!)![1]!),
  }));
  return { html: res.text, items };
}

describe('search', () => {
  let app: Express;
  beforeAll(() => {
    ({ app } = testApp(demoDatabase()));
  });

  test('an accent-less word prefix finds the words with accents, ranked, each saying what it is', async () => {
    const { html, items } = await results(app, 'demin');
    expect(await htmlProblems(html)).toEqual([]);
    expect(items.length).toBeGreaterThan(3);
    // « démin » is in the text of these: every result holds a word beginning with it.
    for (const item of items) expect(['Indicateur', 'Action', 'Section', 'Comité', 'État']).toContain(item.kind);
    expect(html).toMatch(/<mark>[Dd]émin/);
    expect(textOf(html)).toContain(`${items.length} résultat`);
  });

  test('a State’s name in lower case finds the State first', async () => {
    const { items } = await results(app, 'angola');
    expect(items[0]).toEqual({ kind: 'État', href: '/states/AGO', title: 'Angola' });
    // The page linked answers.
    await request(app).get(items[0]!.href!).expect(200);
  });

  test('an indicator’s code finds that indicator first', async () => {
    const { items } = await results(app, '30.4');
    expect(items[0]).toEqual({ kind: 'Indicateur', href: '/indicators/30.4', title: 'Indicateur 30.4' });
    const action = await results(app, 'Action 12');
    expect(action.items[0]).toMatchObject({ kind: 'Action', href: '/actions/12' });
  });

  test('several words must all match, in any order', async () => {
    const one = await results(app, 'victimes');
    const two = await results(app, 'victimes assistance');
    expect(two.items.length).toBeGreaterThan(0);
    expect(two.items.length).toBeLessThanOrEqual(one.items.length);
  });

  test('an empty query gives no result and no error', async () => {
    for (const q of ['', '   ', '!!!']) {
      const { html, items } = await results(app, q);
      expect(items).toEqual([]);
      expect(html).toContain('id="recherche-page-q"');
    }
  });

  test('FTS syntax in a query is answered 200 with no result, never a 500', async () => {
    for (const q of [
      '"',
      'déminage"',
      '*',
      'NEAR(a b)',
      'title:angola OR',
      '(((',
      'a AND',
      '^angola',
      '-x',
      "l'action",
      '{code}: 1',
      '\u0000',
      'é'.repeat(1000),
    ]) {
      const res = await request(app).get('/recherche').query({ q }).expect(200);
      expect(res.text).toContain('<h1>Recherche</h1>');
    }
    // Repeated parameters take the first.
    await request(app).get('/recherche?q=angola&q=x').expect(200);
    const quoted = await results(app, '"angola"');
    expect(quoted.items[0]?.href).toBe('/states/AGO');
    expect((await results(app, 'zzzzqqq')).html).toContain('Aucun résultat pour « zzzzqqq »');
  });

  test('every page has the search box, usable without JavaScript (a GET form)', async () => {
    const home = (await request(app).get('/').expect(200)).text;
    expect(home).toMatch(/<form class="site-search" role="search" aria-label="[^"]+" method="get" action="\/recherche">/);
    expect(home).toContain('<label for="site-search-q"');
  });
});

describe('the MATCH expression', () => {
  test('keeps only letters and digits, quoted, each word a prefix', () => {
    expect(matchExpression('Démin')).toBe('"Démin"*');
    expect(matchExpression('30.4 "x" OR y*')).toBe('"30 4"* AND "x"* AND "OR"* AND "y"*');
    expect(matchExpression(' ( ) * ')).toBeNull();
  });
});
