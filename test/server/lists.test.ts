import request from 'supertest';
import { testApp } from '../helpers/context';
import { fragment, hrefsOf, htmlProblems, textOf } from '../helpers/html';
import { demoDatabase, type ApiIndicator } from '../helpers/pages';
import { MESSAGES } from '../../server/i18n/translate';
import { GRADE_WORDS } from '../helpers/grade-words';

jest.setTimeout(120_000);

/** /states filtered and sorted, and a committee's indicators worst first (issue 18, « lists people can work with »). */

interface ApiState {
  iso3: string;
  name: string;
  party: boolean;
  populations: string[];
  report: { receivedOn: string; onTime: boolean } | null;
  flags: unknown[];
}

interface ApiCatalogue {
  actions: { number: number; indicators: { code: string; direction: 'up' | 'down' | 'neutral' }[] }[];
  mechanisms: { id: string; lead: number[]; contributing: number[] }[];
}

const { app } = testApp(demoDatabase());

async function api<T>(path: string): Promise<T> {
  return (await request(app).get(path).expect(200)).body as T;
}

/** The States of the list's table, in the order shown (ISO3 codes). */
async function listed(query: string): Promise<string[]> {
  const html = (await request(app).get(`/states${query}`).expect(200)).text;
  return [...fragment(html, '<tbody>', '</tbody>').matchAll(/<tr><th scope="row"><a href="\/states\/([A-Z]{3})/g)].map((m) => m[1]!);
}

let states: ApiState[];
beforeAll(async () => {
  states = (await api<{ states: ApiState[] }>('/api/v1/states?year=2026')).states;
});
const codes = (keep: (s: ApiState) => boolean) => states.filter(keep).map((s) => s.iso3);

describe('the list of States (/states): filters', () => {
  test('without a filter, every State of the registry by French name, in a valid page', async () => {
    const html = (await request(app).get('/states').expect(200)).text;
    expect(await htmlProblems(html)).toEqual([]);
    expect(await listed('')).toEqual(states.map((s) => s.iso3));
    expect(states.length).toBeGreaterThan(190);
  });

  test.each([
    ['partie=oui', (s: ApiState) => s.party],
    ['partie=non', (s: ApiState) => !s.party],
    ['rapport=recu', (s: ApiState) => s.report !== null],
    ['rapport=a-temps', (s: ApiState) => s.report?.onTime === true],
    ['rapport=en-retard', (s: ApiState) => s.report?.onTime === false],
    ['rapport=manquant', (s: ApiState) => s.report === null],
    ['rapport=en-retard-ou-manquant', (s: ApiState) => !s.report?.onTime],
    ['alerte=oui', (s: ApiState) => s.flags.length > 0],
    ['population=affected', (s: ApiState) => s.populations.includes('affected')],
    ['population=article4_late', (s: ApiState) => s.populations.includes('article4_late')],
    ['partie=oui&rapport=manquant', (s: ApiState) => s.party && s.report === null],
    ['partie=oui&alerte=oui&population=affected', (s: ApiState) => s.party && s.flags.length > 0 && s.populations.includes('affected')],
  ])('?%s keeps exactly the States the API describes so', async (query, keep) => {
    const expected = codes(keep);
    // Each filter narrows the list, and not to nothing: the demonstration data has States on both sides.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(states.length);
    expect(await listed(`?${query}&year=2026`)).toEqual(expected);
  });

  test('the caption counts the States kept, the form shows the filters chosen, and choosing a year keeps them', async () => {
    const html = (await request(app).get('/states?partie=oui&rapport=manquant').expect(200)).text;
    const kept = codes((s) => s.party && s.report === null).length;
    expect(textOf(fragment(html, '<caption', '</caption>'))).toContain(
      `États choisis par les filtres en 2026 : ${kept} sur ${states.length}`,
    );
    expect(html).toContain('<option value="manquant" selected>');
    const yearForm = fragment(html, '<form class="year-selector"', '</form>');
    expect(yearForm).toContain('<input type="hidden" name="partie" value="oui">');
    expect(yearForm).toContain('<input type="hidden" name="rapport" value="manquant">');
  });

  test('the overview’s tiles lead to the lists they count', async () => {
    const home = (await request(app).get('/?year=2026').expect(200)).text;
    const tile = (id: string) => fragment(home, `<li class="tile" id="${id}">`, '</li>');
    const parties = codes((s) => s.party).length;
    const received = codes((s) => s.party && s.report !== null).length;
    expect(textOf(tile('tuile-rapports'))).toContain(`${received} / ${parties}`);
    const missing = hrefsOf(tile('tuile-rapports')).find((href) => href.startsWith('/states'))!;
    expect(await listed(missing.replace('/states', ''))).toHaveLength(parties - received);
    const warned = hrefsOf(tile('tuile-alertes')).find((href) => href.startsWith('/states'))!;
    const withFlags = codes((s) => s.flags.length > 0);
    expect(textOf(tile('tuile-alertes'))).toContain(String(withFlags.length));
    expect(await listed(warned.replace('/states', ''))).toEqual(withFlags);
  });

  test.each([
    ['partie=peut-etre', '« partie »'],
    ['rapport=perdu', '« rapport »'],
    ['alerte=1', '« alerte »'],
    ['population=martiens', '« population »'],
    ['tri=couleur', '« couleur »'],
    ['ordre=hasard', '« hasard »'],
  ])('?%s is a 400 whose French message names the field', async (query, field) => {
    const res = await request(app).get(`/states?${query}`).expect(400);
    expect(res.text).toMatch(/<html lang="fr">/);
    expect(textOf(res.text)).toContain(field);
    expect(textOf(res.text)).toMatch(/Filtre invalide|Tri invalide/);
  });
});

describe('the list of States (/states): sorting', () => {
  const byName = (a: ApiState, b: ApiState) => a.name.localeCompare(b.name, 'fr');

  test('by alerts: most first, then by name; the other way with ordre=croissant', async () => {
    const expected = [...states].sort((a, b) => b.flags.length - a.flags.length || byName(a, b)).map((s) => s.iso3);
    expect(await listed('?tri=alertes')).toEqual(expected);
    const ascending = [...states].sort((a, b) => a.flags.length - b.flags.length || byName(a, b)).map((s) => s.iso3);
    expect(await listed('?tri=alertes&ordre=croissant')).toEqual(ascending);
  });

  test('by report: no report first, then by date received; combined with a filter', async () => {
    const date = (s: ApiState) => s.report?.receivedOn ?? '';
    const expected = states
      .filter((s) => s.party)
      .sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0) || byName(a, b))
      .map((s) => s.iso3);
    expect(await listed('?partie=oui&tri=rapport')).toEqual(expected);
  });

  test('the column headers are links that sort, the current one marked for screen readers', async () => {
    const html = (await request(app).get('/states?tri=alertes&partie=oui').expect(200)).text;
    const head = fragment(html, '<thead>', '</thead>');
    expect(head).toContain('aria-sort="descending"');
    expect(hrefsOf(head)).toContain('/states?partie=oui&tri=alertes&ordre=croissant');
    expect(hrefsOf(head)).toContain('/states?partie=oui&tri=rapport');
  });
});

describe('a committee’s indicators worst first (/committees/ID?tri=progres)', () => {
  const RANK = ['moving-away', 'limited-progress', 'acceleration-needed', 'on-track', 'target-reached', 'not-comparable', 'no-target'];

  test.each(['article5', 'victim-assistance', 'president'])(
    '%s: every indicator of its actions once, by grade from « s’éloigne de la cible » to « cible atteinte », the largest fall first',
    async (id) => {
      const catalogue = await api<ApiCatalogue>('/api/v1/catalogue');
      const indicators = (await api<{ indicators: ApiIndicator[] }>('/api/v1/indicators?year=2026')).indicators;
      const mechanism = catalogue.mechanisms.find((m) => m.id === id)!;
      const followed = new Set([...mechanism.lead, ...mechanism.contributing]);
      const own = catalogue.actions.filter((a) => followed.has(a.number)).flatMap((a) => a.indicators);
      const html = (await request(app).get(`/committees/${id}?tri=progres`).expect(200)).text;
      const list = fragment(html, '<ul class="indicators indicators--ranked">', '</ul>');
      const shown = [...list.matchAll(/<li class="indicator" id="indicateur-([^"]+)">/g)].map((m) => m[1]!);
      expect([...shown].sort()).toEqual(own.map((i) => i.code).sort());

      const api2026 = new Map(indicators.map((i) => [i.code, i]));
      const direction = new Map(own.map((i) => [i.code, i.direction]));
      const progress = (code: string) => (api2026.get(code)!.delta ?? 0) * (direction.get(code) === 'down' ? -1 : 1);
      const ranks = shown.map((code) => RANK.indexOf(api2026.get(code)!.progress));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // The demonstration data has some fall and some progress: the order means something.
      expect(ranks[0]).toBeLessThan(ranks.at(-1)!);
      for (let i = 1; i < shown.length; i++) {
        if (ranks[i] === ranks[i - 1]) expect(progress(shown[i]!)).toBeGreaterThanOrEqual(progress(shown[i - 1]!) - 1e-9);
      }
      expect(ranks.every((r) => r >= 0)).toBe(true);
      // Each row says its grade in words (what the order follows), beside its value and status.
      for (const code of [shown[0]!, shown.at(-1)!]) {
        const row = textOf(fragment(list, `<li class="indicator" id="indicateur-${code}">`, '</li>'));
        expect(row).toContain(GRADE_WORDS[api2026.get(code)!.progress]);
      }
    },
  );

  test('the default order is the plan’s, by action; the order links say which is current', async () => {
    const html = (await request(app).get('/committees/article5').expect(200)).text;
    expect(html).not.toContain('indicators--ranked');
    const order = fragment(html, '<nav class="list-order"', '</nav>');
    expect(order).toContain('<a href="/committees/article5#indicateurs-du-comite" aria-current="page">Par action</a>');
    expect(hrefsOf(order)).toContain('/committees/article5?tri=progres#indicateurs-du-comite');
  });

  test('an unknown order is a French 400 naming it', async () => {
    const res = await request(app).get('/committees/article5?tri=pire').expect(400);
    expect(textOf(res.text)).toContain('Le tri « pire » n’existe pas');
  });
});

describe.each(['en', 'es'] as const)('the tiles, the filters and the order in %s (docs/i18n.md)', (locale) => {
  const french = MESSAGES.fr;
  const own = MESSAGES[locale];
  /** A message of the file `messages` at `path` (« statesPage.filter »). */
  const message = (messages: Record<string, unknown>, path: string) =>
    path.split('.').reduce<unknown>((m, key) => (m as Record<string, unknown>)[key], messages) as string;
  /** The French words glance added, which a page in another language must not show. */
  const FRENCH_WORDS = [
    'headlineTiles.reportsLabel',
    'headlineTiles.onTimeLabel',
    'headlineTiles.warningsLabel',
    'headlineTiles.reportsLink',
    'statesPage.filtersTitle',
    'statesPage.filterWarning',
    'statesPage.reportMissing',
    'statesPage.reportLateOrMissing',
    'statesPage.nonParties',
    'committee.byAction',
    'committee.worstFirst',
  ];

  test('the overview’s tiles are in the language, with the same counts and links as in French', async () => {
    const home = (await request(app).get(`/${locale}/?year=2026`).expect(200)).text;
    const tile = (id: string) => textOf(fragment(home, `<li class="tile" id="${id}">`, '</li>'));
    const parties = codes((s) => s.party).length;
    const received = codes((s) => s.party && s.report !== null).length;
    expect(tile('tuile-rapports')).toContain(message(own, 'headlineTiles.reportsLabel'));
    expect(tile('tuile-rapports')).toContain(`${received} / ${parties}`);
    expect(tile('tuile-alertes')).toContain(message(own, 'headlineTiles.warningsLabel'));
    const missing = hrefsOf(fragment(home, '<li class="tile" id="tuile-rapports">', '</li>')).find((h) =>
      h.startsWith(`/${locale}/states`),
    )!;
    expect(missing).toBeDefined();
    const text = textOf(home);
    for (const key of FRENCH_WORDS) expect({ key, shown: text.includes(message(french, key)) }).toEqual({ key, shown: false });
  });

  test('/states: the filters, their choices and the sort links in the language; the same States kept as in French', async () => {
    const query = '?year=2026&partie=oui&rapport=en-retard-ou-manquant';
    const page = (await request(app).get(`/${locale}/states${query}`).expect(200)).text;
    const form = fragment(page, '<form method="get"', '</form>');
    for (const key of [
      'statesPage.filtersTitle',
      'statesPage.filterWarning',
      'statesPage.parties',
      'statesPage.reportLateOrMissing',
      'statesPage.filter',
    ]) {
      expect(textOf(form)).toContain(message(own, key));
    }
    expect(form).toContain(`action="/${locale}/states"`);
    const head = fragment(page, '<thead>', '</thead>');
    expect(textOf(head)).toContain(message(own, 'statesPage.flags'));
    expect(hrefsOf(head).every((h) => h.startsWith(`/${locale}/states?`))).toBe(true);
    const text = textOf(page);
    for (const key of FRENCH_WORDS) expect({ key, shown: text.includes(message(french, key)) }).toEqual({ key, shown: false });
    const rows = (html: string) =>
      [...fragment(html, '<tbody>', '</tbody>').matchAll(/<tr><th scope="row"><a href="[^"]*\/states\/([A-Z]{3})/g)]
        .map((m) => m[1]!)
        .sort();
    const inFrench = (await request(app).get(`/states${query}`).expect(200)).text;
    expect(rows(page)).toEqual(rows(inFrench));
    expect(rows(page).length).toBe(codes((s) => s.party && !s.report?.onTime).length);
  });

  test('a bad filter or order is a 400 in the language, naming the field', async () => {
    const filter = await request(app).get(`/${locale}/states?rapport=perdu`).expect(400);
    expect(textOf(filter.text)).toContain(message(own, 'lists.invalidFilterTitle'));
    expect(textOf(filter.text)).toContain('rapport');
    expect(textOf(filter.text)).not.toContain(message(french, 'lists.invalidFilterTitle'));
    const order = await request(app).get(`/${locale}/committees/article5?tri=hasard`).expect(400);
    expect(textOf(order.text)).toContain(message(own, 'lists.invalidSortTitle'));
    expect(textOf(order.text)).toContain('hasard');
  });

  test('a committee’s order links are in the language and keep it', async () => {
    const html = (await request(app).get(`/${locale}/committees/article5?tri=progres`).expect(200)).text;
    const order = fragment(html, '<nav class="list-order"', '</nav>');
    expect(textOf(order)).toContain(message(own, 'committee.byAction'));
    expect(textOf(order)).toContain(message(own, 'committee.worstFirst'));
    expect(hrefsOf(order)).toContain(`/${locale}/committees/article5#indicateurs-du-comite`);
    expect(html).toContain('indicators--ranked');
  });
});
