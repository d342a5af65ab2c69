import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import type { Db } from '../../db/client';
import { answers } from '../../db/schema';
import { publishEverything, seededDatabase, testApp } from '../helpers/context';
import { fragment, hrefsOf, htmlProblems, textOf } from '../helpers/html';
import {
  COMMITTEES,
  PAGE_TYPES,
  STATUS_WORDS,
  demoDatabase,
  INDICATOR_EXAMPLES,
  expectedDeltaText,
  expectedValueText,
  frPercent,
  withQuery,
  type ApiIndicator,
  type ApiIndicatorYear,
} from '../helpers/pages';

/** Memoised GETs: each page is fetched once per app, then inspected by several tests. */
function pageFetcher(app: Express) {
  const pages = new Map<string, Promise<request.Response>>();
  return (path: string) => {
    if (!pages.has(path))
      pages.set(
        path,
        request(app)
          .get(path)
          .then((res) => res),
      );
    return pages.get(path)!;
  };
}

/**
 * Memoised API reads, per app and address: the tests compare pages with the API's figures for one
 * indicator at a time, and the overview's test alone asks for the year's whole list once per
 * indicator of its line. The apps' data does not change while their tests run.
 */
const apiBodies = new WeakMap<Express, Map<string, Promise<unknown>>>();
function apiBody<T>(app: Express, path: string): Promise<T> {
  if (!apiBodies.has(app)) apiBodies.set(app, new Map());
  const bodies = apiBodies.get(app)!;
  if (!bodies.has(path))
    bodies.set(
      path,
      request(app)
        .get(path)
        .expect(200)
        .then((res) => res.body),
    );
  return bodies.get(path)! as Promise<T>;
}

async function apiSummary(app: Express, code: string, year: number): Promise<ApiIndicator> {
  const body = await apiBody<{ indicators: ApiIndicator[] }>(app, `/api/v1/indicators?year=${year}`);
  const found = body.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`indicator ${code} not in the API`);
  return found;
}

async function apiYears(app: Express, code: string): Promise<ApiIndicatorYear[]> {
  const body = await apiBody<{ years: ApiIndicatorYear[] }>(app, `/api/v1/indicators/${code}`);
  return body.years;
}

/** The text of an indicator's row on a page listing indicators (overview, section, committee). */
const indicatorRow = (html: string, code: string) => textOf(fragment(html, `<li class="indicator" id="indicateur-${code}">`, '</li>'));
/** The text of the value line at the top of an indicator page. */
const headline = (html: string) => textOf(fragment(html, '<p class="headline">', '</p>'));
/** The ISO codes linked from one of the indicator page's State lists, and the count in its heading. */
function stateList(html: string, id: 'etats-comptes' | 'etats-non-comptes' | 'etats-non-traites') {
  const section = fragment(html, `<section class="state-list" aria-labelledby="${id}">`, '</section>');
  const heading = textOf(fragment(section, '<h3', '</h3>'));
  return {
    count: Number(/\((\d+)\)$/.exec(heading)?.[1]),
    iso3: hrefsOf(section)
      .map((href) => /^\/states\/([A-Z]{3})/.exec(href)?.[1])
      .filter(Boolean)
      .sort(),
  };
}

function expectFrench404(res: request.Response) {
  expect(res.status).toBe(404);
  expect(res.text).toMatch(/<html lang="fr">/);
  expect(res.text).toContain('<h1>Page introuvable</h1>');
  expect(res.text).toContain('n’existe pas dans le Plan d’action');
}

const INDICATORS = INDICATOR_EXAMPLES;
const ANSWERED_INDICATORS = INDICATORS.filter((i) => !['5.3', '5.4'].includes(i.code));

describe('dashboard pages with the demonstration data', () => {
  const { app } = testApp(demoDatabase());
  const get = pageFetcher(app);

  describe.each(PAGE_TYPES)('the $name page ($path)', ({ path }) => {
    test('answers 200 with valid HTML', async () => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/html/);
      expect(await htmlProblems(res.text)).toEqual([]);
    });

    test('is in French with exactly one h1', async () => {
      const res = await get(path);
      expect(res.text).toMatch(/<html lang="fr">/);
      expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
    });

    test('shows no undefined, NaN or [object Object]', async () => {
      expect((await get(path)).text).not.toMatch(/undefined|NaN|\[object Object\]/);
    });

    test('has no inline script and no style attribute', async () => {
      expect((await get(path)).text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\sstyle="/);
    });

    test('says its figures are demonstration data', async () => {
      expect(textOf((await get(path)).text)).toContain('Données de démonstration — les chiffres de ce tableau de bord sont fictifs');
    });
  });

  describe('figures', () => {
    test.each(INDICATORS)('the $kind indicator $code shows the API’s value, change since 2025 and status in words', async ({ code }) => {
      const api = await apiSummary(app, code, 2026);
      const text = headline((await get(`/indicators/${code}`)).text);
      expect(text).toContain(expectedValueText(api));
      expect(text).toContain(expectedDeltaText(api));
      expect(text).toContain(STATUS_WORDS[api.status]);
    });

    test('a share reads « n / N (x %) » in French', async () => {
      const api = await apiSummary(app, '1.1', 2026);
      const percent = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(api.value!) + '\u00a0%';
      expect(headline((await get('/indicators/1.1')).text)).toContain(`${api.numerator} / ${api.denominator} (${percent})`);
    });

    test.each(['/sections/II', '/committees/president'])(
      'the list of indicators on %s shows indicator 1.1 as the API computes it',
      async (path) => {
        const api = await apiSummary(app, '1.1', 2026);
        const row = indicatorRow((await get(path)).text, '1.1');
        expect(row).toContain(expectedValueText(api));
        expect(row).toContain(expectedDeltaText(api));
        expect(row).toContain(STATUS_WORDS[api.status]);
      },
    );

    test.each(['/', '/?comite=president'])(
      'the overview’s line of action 1 counts its indicators by status as the API computes them (%s)',
      async (path) => {
        const { body } = await request(app).get('/api/v1/catalogue').expect(200);
        const codes = (body.actions as { number: number; indicators: { code: string }[] }[]).find((a) => a.number === 1)!.indicators;
        const statuses = await Promise.all(codes.map(async ({ code }) => (await apiSummary(app, code, 2026)).status));
        const count = (status: string) => statuses.filter((s) => s === status).length;
        const other = statuses.length - count('improved') - count('unchanged') - count('worsened');
        expect(count('improved') + count('worsened')).toBeGreaterThan(0);
        const line = textOf(fragment((await get(path)).text, '<li class="action-line" id="action-1">', '</li>'));
        expect(line).toContain(`${statuses.length} indicateurs : ${count('improved')} en progrès · ${count('unchanged')} inchangé`);
        expect(line).toContain(`${count('worsened')} en recul${other ? ` · ${other} sans comparaison` : ''}`);
      },
    );

    test('the action page shows each of its indicators as the API computes it', async () => {
      const html = (await get('/actions/5')).text;
      for (const code of ['5.1', '5.2', '5.3', '5.4']) {
        const api = await apiSummary(app, code, 2026);
        const section = textOf(fragment(html, `aria-labelledby="indicateur-${code}-titre"`, '</section>'));
        expect(section).toContain(`${expectedValueText(api)} en 2026`);
        expect(section).toContain(expectedDeltaText(api));
      }
    });

    test.each(ANSWERED_INDICATORS)(
      'the page of $code lists the counted, not counted and not addressed States as the API does',
      async ({ code }) => {
        const { states } = (await apiYears(app, code)).find((y) => y.year === 2026)!;
        const html = (await get(`/indicators/${code}`)).text;
        const lists = {
          yes: stateList(html, 'etats-comptes'),
          no: stateList(html, 'etats-non-comptes'),
          blank: stateList(html, 'etats-non-traites'),
        };
        for (const answer of ['yes', 'no', 'blank'] as const) {
          expect(lists[answer].count).toBe(states![answer].length);
          expect(lists[answer].iso3).toEqual([...states![answer]].sort());
        }
      },
    );

    test('the yes-population indicator names the indicator whose yes-answers form its population', async () => {
      expect(textOf((await get('/indicators/15.2')).text)).toContain('États ayant répondu « oui » à l’indicateur 15.1');
    });

    test('the year table of an indicator page gives each year’s value from the API', async () => {
      const years = await apiYears(app, '1.1');
      const table = fragment((await get('/indicators/1.1')).text, 'Valeurs de l’indicateur 1.1 par année</caption>', '</table>');
      for (const y of years) {
        const row = textOf(fragment(table, `<th scope="row">${y.year}`, '</tr>'));
        expect(row).toContain(y.value === null ? 'pas de données' : frPercent(y.value));
      }
    });

    test('a State page shows the date of its report and its answers', async () => {
      const { body } = await request(app).get('/api/v1/states?year=2026').expect(200);
      const afg = body.states.find((s: { iso3: string }) => s.iso3 === 'AFG');
      const date = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(afg.report.receivedOn),
      );
      const html = (await get('/states/AFG')).text;
      // French writes the first day of a month « 1er ».
      expect(textOf(fragment(html, '<th scope="row">2026</th>', '</tr>'))).toContain(date.replace(/^1 /, '1er '));
      const { states } = (await apiYears(app, '1.1')).find((y) => y.year === 2026)!;
      const answerWord = states!.yes.includes('AFG') ? 'oui' : states!.no.includes('AFG') ? 'non' : 'non traité';
      const row = fragment(html, '<a href="/indicators/1.1">', '</tr>');
      const cells = [...row.matchAll(/<td>(.*?)<\/td>/gs)].map((m) => textOf(m[1]!));
      expect(cells[1]).toMatch(new RegExp(`^${answerWord}\\b`));
    });

    test('a State page leaves the entered populations of years without data unknown, not « non »', async () => {
      const html = (await get('/states/AFG')).text;
      const cells = (population: string) =>
        [...fragment(html, `<th scope="row">${population}</th>`, '</tr>').matchAll(/<td>(.*?)<\/td>/g)].map((m) => textOf(m[1]!));
      expect(cells('États parties')).toEqual(['oui', 'oui', 'oui', 'oui', 'oui']);
      expect(cells('États parties touchés')).toEqual(['oui', 'oui', '—', '—', '—']);
    });

    test('a State not party is said to be so', async () => {
      const text = textOf((await get('/states/USA')).text);
      expect(text).toContain('Statut en 2026 État non partie');
    });

    test('the overview filtered by a committee lists only the actions it leads or contributes to', async () => {
      const { body } = await request(app).get('/api/v1/catalogue').expect(200);
      const mechanism = body.mechanisms.find((m: { id: string }) => m.id === 'article5');
      const shown = [...(await get('/?comite=article5')).text.matchAll(/<li class="action-line" id="action-(\d+)"/g)].map((m) =>
        Number(m[1]),
      );
      expect(shown.sort((a, b) => a - b)).toEqual([...mechanism.lead, ...mechanism.contributing].sort((a: number, b: number) => a - b));
    });
  });

  describe('year selector', () => {
    test('?year=2025 shows the 2025 values', async () => {
      const api = await apiSummary(app, '1.1', 2025);
      const current = await apiSummary(app, '1.1', 2026);
      expect(expectedValueText(api)).not.toBe(expectedValueText(current));
      expect(headline((await get('/indicators/1.1?year=2025')).text)).toContain(expectedValueText(api));
      expect(indicatorRow((await get('/sections/II?year=2025')).text, '1.1')).toContain(expectedValueText(api));
      // The overview's tiles follow the year: 2025 is the baseline, where no progress is measured.
      const tile = (path: string) => async () => textOf(fragment((await get(path)).text, '<li class="tile" id="tuile-progres">', '</li>'));
      await expect(tile('/?year=2025')()).resolves.toContain('sans objet');
      await expect(tile('/')()).resolves.not.toContain('sans objet');
    });

    test('without ?year the latest year with data is shown and selected', async () => {
      const html = (await get('/indicators/1.1')).text;
      expect(html).toContain('<option value="2026" selected>');
      expect(html).toContain('<h2>Valeur en 2026</h2>');
    });

    test('?year=2025 selects 2025 in the selector', async () => {
      expect((await get('/indicators/1.1?year=2025')).text).toContain('<option value="2025" selected>');
    });

    test.each(PAGE_TYPES)('every link of the $name page to another dashboard page keeps ?year=2025', async ({ path }) => {
      const html = (await get(withQuery(path, 'year', 2025))).text;
      const pageLinks = hrefsOf(html).filter(
        (href) => /^\/(sections|actions|indicators|committees|states)\/|^\/(\?|$)/.test(href) && !href.endsWith('.csv'),
      );
      expect(pageLinks.length).toBeGreaterThan(0);
      // A link may end with a fragment (the committee's order links lead to its list).
      expect(pageLinks.filter((href) => !/[?&]year=2025(&|#|$)/.test(href))).toEqual([]);
    });
  });

  describe('errors', () => {
    test.each([
      ['section', '/sections/X'],
      ['action', '/actions/49'],
      ['indicator', '/indicators/99.9'],
      ['committee', '/committees/nobody'],
      ['committee filter', '/?comite=nobody'],
      ['State', '/states/ZZZ'],
    ])('an unknown %s (%s) gets a French 404 page', async (_what, path) => {
      const res = await get(path);
      expectFrench404(res);
      expect(await htmlProblems(res.text)).toEqual([]);
    });

    test('the CSV of an unknown indicator is a 404', async () => {
      expectFrench404(await get('/indicators/99.9/donnees.csv'));
    });

    test.each(PAGE_TYPES.flatMap(({ name, path }) => ['2031', 'abc'].map((year) => ({ name, path, year }))))(
      'the $name page rejects ?year=$year with a French 400 page',
      async ({ path, year }) => {
        const res = await get(withQuery(path, 'year', year));
        expect(res.status).toBe(400);
        expect(res.text).toMatch(/<html lang="fr">/);
        expect(res.text).toContain('<h1>Année invalide</h1>');
        expect(textOf(res.text)).toContain(`L’année « ${year} » n’est pas une année du plan : indiquez une année de 2025 à 2029.`);
        expect(await htmlProblems(res.text)).toEqual([]);
      },
    );
  });

  describe('CSV download', () => {
    const COLUMNS = ['value', 'numerator', 'denominator', 'answered', 'baseline', 'delta', 'status', 'projection2029', 'progress'] as const;

    test.each(['1.1', '46.1', '5.3', '5.4'])('the CSV of %s has a header and the API’s values for the 5 plan years', async (code) => {
      const res = await request(app).get(`/indicators/${code}/donnees.csv`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toContain(`indicateur-${code}.csv`);
      expect(res.text.split('\n')[0]).toBe(
        'indicator,year,value,numerator,denominator,answered,baseline,delta,status,projection2029,progress,' +
          'cohort_denominator,cohort_numerator_2025,cohort_numerator,cohort_delta,states_entered,states_left,published_at,revision',
      );
      const rows: Record<string, string>[] = parse(res.text, { columns: true });
      const years = await apiYears(app, code);
      expect(rows.map((r) => Number(r.year))).toEqual([2025, 2026, 2027, 2028, 2029]);
      rows.forEach((row, i) => {
        const api = years[i]!;
        expect(row.indicator).toBe(code);
        expect(Number(row.year)).toBe(api.year);
        // Each year names the release it comes from, as the API does.
        expect(row.published_at).toBe(api.publication?.publishedAt ?? '');
        expect(row.revision).toBe(api.publication ? String(api.publication.revision) : '');
        for (const column of COLUMNS) {
          const expected = api[column];
          if (expected === null) expect(row[column]).toBe('');
          else if (typeof expected === 'number') expect(Number(row[column])).toBeCloseTo(expected, 9);
          else expect(row[column]).toBe(expected);
        }
        expect(row.cohort_delta).toBe(api.likeForLike === null ? '' : String(api.likeForLike.delta));
        expect(row.states_entered).toBe(api.likeForLike === null ? '' : api.likeForLike.entered.join(' '));
      });
    });
  });
});

describe('an empty population', () => {
  /** The demonstration data where no State answered yes to 15.1 in 2026: 15.2 has nobody to count. */
  function databaseWithoutYesTo151(): Db {
    const db = demoDatabase();
    db.update(answers)
      .set({ answer: 'no' })
      .where(and(eq(answers.year, 2026), eq(answers.indicator, '15.1'), eq(answers.answer, 'yes')))
      .run();
    // The public sees the change once it is published.
    publishEverything(db);
    return db;
  }
  const { app } = testApp(databaseWithoutYesTo151());

  test('has no value in the API', async () => {
    expect((await apiSummary(app, '15.2', 2026)).value).toBeNull();
  });

  test('shows « sans objet » on the indicator page', async () => {
    const res = await request(app).get('/indicators/15.2').expect(200);
    expect(headline(res.text)).toContain('sans objet');
    expect(await htmlProblems(res.text)).toEqual([]);
  });

  test('shows « sans objet » in its section’s list and its action’s table', async () => {
    const { body } = await request(app).get('/api/v1/catalogue').expect(200);
    const section = (body.actions as { number: number; section: string }[]).find((a) => a.number === 15)!.section;
    const res = await request(app).get(`/sections/${section}`).expect(200);
    expect(indicatorRow(res.text, '15.2')).toContain('sans objet');
    const action = (await request(app).get('/actions/15').expect(200)).text;
    expect(textOf(fragment(action, '<tr id="valeur-15.2">', '</tr>'))).toContain('sans objet');
  });
});

describe('a note holding markup', () => {
  const NOTE = '<script>alert(1)</script>';
  const db = demoDatabase();
  db.update(answers)
    .set({ note: NOTE })
    .where(and(eq(answers.year, 2026), eq(answers.indicator, '1.1'), eq(answers.state, 'AFG')))
    .run();
  publishEverything(db);
  const { app } = testApp(db);

  test.each(['/indicators/1.1', '/states/AFG'])('is escaped on %s', async (path) => {
    const res = await request(app).get(path).expect(200);
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toContain(NOTE);
    expect(await htmlProblems(res.text)).toEqual([]);
  });
});

describe('dashboard pages without any data', () => {
  const { app } = testApp(seededDatabase());
  const get = pageFetcher(app);

  test.each(PAGE_TYPES)('the $name page says « pas de données » and renders without error', async ({ path }) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(textOf(fragment(res.text, '<main', '</main>'))).toContain('pas de données');
    expect(res.text).not.toMatch(/undefined|NaN|\[object Object\]/);
    expect(await htmlProblems(res.text)).toEqual([]);
  });

  test.each(PAGE_TYPES)('the $name page has no demonstration notice', async ({ path }) => {
    expect((await get(path)).text).not.toContain('Données de démonstration');
  });

  test('an indicator page says there is no data for the year shown', async () => {
    const text = headline((await get('/indicators/1.1')).text);
    expect(text).toContain('pas de données');
    expect(text).not.toMatch(/\d+ \/ \d+/);
  });

  test.each(COMMITTEES)('the committee %s page lists its actions without figures', async (id) => {
    const text = textOf((await get(`/committees/${id}`)).text);
    expect(text).toContain('pas de données');
    expect(text).not.toMatch(/\d+ \/ \d+ \(/);
  });
});

describe('the list of States', () => {
  const { app } = testApp(demoDatabase());

  test('lists every State of the registry with its status, report and flags for the year, as the API does', async () => {
    const api = (await request(app).get('/api/v1/states?year=2026').expect(200)).body;
    const html = (await request(app).get('/states?year=2026').expect(200)).text;
    const rows = html.match(/<tr><th scope="row"><a href="\/states\/[A-Z]{3}/g) ?? [];
    expect(rows).toHaveLength(api.states.length);
    const parties = api.states.filter((s: { party: boolean }) => s.party).length;
    expect(textOf(html)).toContain(`${parties} États parties et ${api.states.length - parties} États non parties en 2026`);
    const flagged = api.states.find((s: { flags: unknown[] }) => s.flags.length > 0);
    expect(flagged).toBeDefined();
    expect(textOf(html)).toContain(flagged.flags[0].message);
  });
});
