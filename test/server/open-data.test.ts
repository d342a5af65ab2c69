import request from 'supertest';
import type { Express } from 'express';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { withAudit } from '../../db/queries/audit';
import { readReleaseHistory } from '../../db/queries/releases';
import { answers, populationMemberships, reports, states } from '../../db/schema';
import { dataSource } from '../../server/data-source';
import { readCsv } from '../../server/domain/exchange/csv';
import { importFiles } from '../../server/domain/exchange/import';
import { releaseYears } from '../../server/domain/releases/publish';
import { formatDay } from '../../server/presenters/format';
import { releaseChangesText, valueChanges } from '../../server/presenters/release-view';
import { publishEverything, seededDatabase, testApp, correctAnswerToYes } from '../helpers/context';
import { fragment, hrefsOf, htmlProblems, textOf } from '../helpers/html';
import { demoDatabase } from '../helpers/pages';
import { createTestUser, signedInAgent } from '../helpers/session';

const CLI = { userId: null, label: 'test', origin: 'cli' };
const EXCHANGE = ['states.csv', 'populations.csv', 'reports.csv', 'answers.csv', 'figures.csv'];

/** Header and records of a CSV download (BOM or not), as lists of strings. */
function parseCsv(name: string, text: string): { header: string[]; rows: string[][] } {
  const read = readCsv(name, text);
  if (!read.ok) throw new Error(`${name}: ${JSON.stringify(read.problems)}`);
  return { header: read.table.header.values, rows: read.table.records.map((r) => r.values) };
}

/** The column names the page documents for a download: the row headers of its table `colonnes-ID`. */
function documentedColumns(html: string, id: string): string[] {
  const table = fragment(html, `id="colonnes-${id}"`, '</table>');
  return [...table.matchAll(/<th scope="row"><code>([^<]+)<\/code><\/th>/g)].map((m) => m[1]!);
}

/** The row count the page gives for a download. */
function documentedRows(html: string, id: string): number {
  const section = fragment(html, `<section id="${id}"`, '</dl>');
  const match = /data-rows="(\d+)"/.exec(section);
  if (!match) throw new Error(`no row count for ${id}`);
  return Number(match[1]);
}

const get = async (app: Express, url: string) => (await request(app).get(url).expect(200)).text;

/** The public engine's number of answers, counted from the public data view. */
function publicAnswerCount(db: Db): number {
  return dataSource(db)('public').engine.data.answers.length;
}

const publishedYears = (db: Db) => [...readReleaseHistory(db).keys()].sort();

describe('open data with the demonstration data', () => {
  let db: Db;
  let app: Express;
  let page: string;
  beforeAll(async () => {
    ({ db, app } = testApp(demoDatabase()));
    page = await get(app, '/donnees/');
  });

  test('the page is valid HTML and gives the licence and how to cite, with the date of the latest publication', async () => {
    expect(await htmlProblems(page)).toEqual([]);
    const text = textOf(page);
    expect(page).toContain('href="https://creativecommons.org/licenses/by/4.0/deed.fr"');
    expect(text).toContain('Creative Commons Attribution 4.0 International (CC BY 4.0)');
    const latest = [...readReleaseHistory(db).values()]
      .map((r) => r.at(-1)!.publishedAt)
      .sort()
      .at(-1)!;
    expect(text).toContain(`Source : tableau de bord du Plan d’action de Siem Reap-Angkor, données publiées le ${formatDay(latest)}.`);
    // Each year has its anchor, as releaseHref points to it.
    for (const year of publishedYears(db)) expect(page).toContain(`id="publication-${year}"`);
  });

  test('every link of the page to a download answers 200', async () => {
    const links = hrefsOf(fragment(page, '<main', '</main>')).filter((h) => /\.(csv|json)$/.test(h));
    // 3 main files, 106 per-indicator files, 5 exchange files, 2 per revision.
    const revisions = [...readReleaseHistory(db).values()].reduce((n, r) => n + r.length, 0);
    expect(new Set(links).size).toBe(3 + 106 + 5 + 2 * revisions);
    for (const href of new Set(links)) await request(app).get(href).expect(200);
  });

  test.each([
    ['indicateurs-csv', '/donnees/indicateurs.csv'],
    ['reponses-csv', '/donnees/reponses.csv'],
    ...EXCHANGE.map((name) => [`echange-${name.replace('.csv', '')}`, `/donnees/echange/${name}`]),
  ])('%s: the file’s header is the documented columns, and its rows as many as the page says', async (id, url) => {
    const { header, rows } = parseCsv(url, await get(app, url));
    expect(header).toEqual(documentedColumns(page, id));
    expect(rows.length).toBe(documentedRows(page, id));
    expect(rows.length).toBeGreaterThan(0);
  });

  test('the per-indicator CSV has the documented columns and one row per plan year', async () => {
    const { header, rows } = parseCsv('1.1', await get(app, '/indicators/1.1/donnees.csv'));
    expect(header).toEqual(documentedColumns(page, 'csv-par-indicateur'));
    expect(rows.length).toBe(documentedRows(page, 'csv-par-indicateur'));
  });

  test('indicateurs.json: metadata, the documented columns as keys, and the same rows and values as indicateurs.csv', async () => {
    const response = await request(app).get('/donnees/indicateurs.json').expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const json = JSON.parse(response.text) as {
      licence: { url: string };
      citation: string;
      demo: boolean;
      publications: { year: number; revision: number; publishedAt: string; note: string | null }[];
      columns: string[];
      rows: Record<string, string | number | null>[];
    };
    expect(json.licence.url).toBe('https://creativecommons.org/licenses/by/4.0/deed.fr');
    expect(json.demo).toBe(true);
    expect(json.publications.map((p) => p.year)).toEqual(publishedYears(db));
    const documented = documentedColumns(page, 'indicateurs-json');
    expect(json.columns).toEqual(documented);
    expect(json.rows.length).toBe(documentedRows(page, 'indicateurs-json'));
    const csv = parseCsv('indicateurs.csv', await get(app, '/donnees/indicateurs.csv'));
    expect(json.rows.length).toBe(csv.rows.length);
    json.rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(documented);
      expect(documented.map((c) => (row[c] === null ? '' : String(row[c])))).toEqual(csv.rows[i]);
    });
  });

  test('indicateurs.csv: 106 indicators × each published year, with the values, n, N and progress the API gives', async () => {
    const response = await request(app).get('/donnees/indicateurs.csv').expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename=indicateurs.csv');
    expect(response.text.startsWith('\ufeffyear,indicator,')).toBe(true);
    const { header, rows } = parseCsv('indicateurs.csv', response.text);
    const years = publishedYears(db);
    expect(years.length).toBeGreaterThan(0);
    expect(rows.length).toBe(106 * years.length);
    const col = (name: string) => header.indexOf(name);
    const history = readReleaseHistory(db);
    for (const year of years) {
      const api = (await request(app).get(`/api/v1/indicators?year=${year}`).expect(200)).body as {
        indicators: Record<string, string | number | null>[];
        publication: { revision: number; publishedAt: string };
      };
      const ofYear = rows.filter((r) => r[col('year')] === String(year));
      expect(ofYear.map((r) => r[col('indicator')])).toEqual(api.indicators.map((i) => i.code));
      ofYear.forEach((r, i) => {
        const expected = api.indicators[i]!;
        for (const [column, key] of [
          ['action', 'action'],
          ['kind', 'kind'],
          ['population', 'population'],
          ['direction', 'direction'],
          ['value', 'value'],
          ['numerator', 'numerator'],
          ['denominator', 'denominator'],
          ['answered', 'answered'],
          ['baseline', 'baseline'],
          ['delta', 'delta'],
          ['status', 'status'],
          ['projection2029', 'projection2029'],
          ['progress', 'progress'],
        ] as const) {
          expect([expected.code, column, r[col(column)]]).toEqual([
            expected.code,
            column,
            expected[key] === null ? '' : String(expected[key]),
          ]);
        }
        // Like-for-like, flattened: the API's object, blank where it is null.
        const like = expected.likeForLike as unknown as {
          denominator: number;
          numerator2025: number;
          numerator: number;
          delta: number;
          entered: string[];
          left: string[];
        } | null;
        expect([
          expected.code,
          ['cohort_denominator', 'cohort_numerator_2025', 'cohort_numerator', 'cohort_delta', 'states_entered', 'states_left'].map(
            (c) => r[col(c)],
          ),
        ]).toEqual([
          expected.code,
          like === null
            ? ['', '', '', '', '', '']
            : [like.denominator, like.numerator2025, like.numerator, like.delta, like.entered.join(' '), like.left.join(' ')].map(String),
        ]);
        expect(r[col('published_at')]).toBe(history.get(year)!.at(-1)!.publishedAt);
        expect(r[col('revision')]).toBe(String(api.publication.revision));
      });
    }
    // The demonstration data compares some shares like for like, and grades them.
    expect(rows.some((r) => r[col('cohort_denominator')] !== '')).toBe(true);
    expect(new Set(rows.map((r) => r[col('progress')])).size).toBeGreaterThan(2);
    // Sections come from the catalogue: 1.1 is in section II, 46.1 in IX.
    expect(rows.find((r) => r[col('indicator')] === '46.1')![col('section')]).toBe('IX');
  });

  test('reponses.csv: every answer of the public engine, with the State’s name, its source and its release', async () => {
    const response = await request(app).get('/donnees/reponses.csv').expect(200);
    expect(response.text.startsWith('\ufeffyear,state,state_name,')).toBe(true);
    const { header, rows } = parseCsv('reponses.csv', response.text);
    expect(rows.length).toBe(publicAnswerCount(db));
    const col = (name: string) => header.indexOf(name);
    const sample = db
      .select()
      .from(answers)
      .where(and(eq(answers.year, 2026), eq(answers.state, 'AFG'), eq(answers.indicator, '1.1')))
      .get()!;
    const row = rows.find((r) => r[col('year')] === '2026' && r[col('state')] === 'AFG' && r[col('indicator')] === '1.1')!;
    expect(row[col('state_name')]).toBe('Afghanistan');
    expect(row[col('answer')]).toBe(sample.answer);
    expect(row[col('source')]).toBe(sample.source ?? '');
    // Answers are spelt yes, no or blank, as many of each as the public engine holds.
    const engineAnswers = dataSource(db)('public').engine.data.answers.map((a) => a.answer);
    for (const answer of ['yes', 'no', 'blank']) {
      expect([answer, rows.filter((r) => r[col('answer')] === answer).length]).toEqual([
        answer,
        engineAnswers.filter((a) => a === answer).length,
      ]);
    }
    expect(rows.filter((r) => r[col('answer')] === 'blank').length).toBeGreaterThan(0);
  });

  test('the exchange files carry no BOM and re-import into an empty database to the same public figures', async () => {
    const files = await Promise.all(EXCHANGE.map(async (name) => ({ name, content: await get(app, `/donnees/echange/${name}`) })));
    for (const f of files) expect(f.content.startsWith('\ufeff')).toBe(false);
    const copy = seededDatabase();
    const imported = importFiles(copy, files, { publish: true });
    expect(imported.ok ? null : imported.errors).toBeNull();
    const { app: copyApp } = testApp(copy);
    for (const year of publishedYears(db)) {
      const url = `/api/v1/indicators?year=${year}`;
      const [a, b] = await Promise.all([request(app).get(url), request(copyApp).get(url)]);
      expect(b.body.indicators).toEqual(a.body.indicators);
    }
    // The copy's own public exchange files are the same bytes.
    for (const f of files) expect(await get(copyApp, `/donnees/echange/${f.name}`)).toBe(f.content);
  });

  test('each download carries an ETag and answers 304 to a request that has it', async () => {
    for (const url of [
      '/donnees/',
      '/donnees/indicateurs.csv',
      '/donnees/indicateurs.json',
      '/donnees/reponses.csv',
      '/donnees/echange/answers.csv',
      '/donnees/publications/2026/revision-1/reponses.csv',
    ]) {
      const first = await request(app).get(url).expect(200);
      const etag = first.headers.etag!;
      expect([url, etag]).toEqual([url, expect.stringMatching(/^W\/"/)]);
      await request(app).get(url).set('If-None-Match', etag).expect(304);
    }
  });

  test.each([
    '/donnees/publications/2026/revision-9/indicateurs.csv',
    '/donnees/publications/2031/revision-1/reponses.csv',
    '/donnees/publications/2026/revision-0/reponses.csv',
    '/donnees/publications/deux/revision-1/reponses.csv',
  ])('%s is a 404 in French', async (url) => {
    const response = await request(app).get(url).expect(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(textOf(response.text)).toContain('Aucune publication ne correspond');
  });
});

describe('open data across a revision', () => {
  /** A 2026 answer « no » to a share indicator, which the correction turns into « yes ». */
  function pickAnswer(db: Db) {
    return db
      .select()
      .from(answers)
      .where(and(eq(answers.year, 2026), eq(answers.indicator, '1.2'), eq(answers.answer, 'no')))
      .get()!;
  }

  test('a correction reaches the downloads only with the next revision; revision 1 stays downloadable and immutable', async () => {
    const { db, app } = testApp(demoDatabase());
    const target = pickAnswer(db);
    const line = (answer: string, revision: number) => new RegExp(`\\n2026,${target.state},[^\\n]*,1\\.2,${answer},[^\\n]*,${revision}\\n`);
    const LATEST = [
      '/donnees/',
      '/donnees/indicateurs.csv',
      '/donnees/indicateurs.json',
      '/donnees/reponses.csv',
      '/donnees/echange/answers.csv',
    ];
    const before = await Promise.all(LATEST.map((url) => get(app, url)));
    const oldRevision = await get(app, '/donnees/publications/2026/revision-1/reponses.csv');
    expect(oldRevision).toMatch(line('no', 1));

    correctAnswerToYes(db, { year: 2026, state: target.state, indicator: '1.2' });
    // Not released yet: every public file is the same.
    expect(await Promise.all(LATEST.map((url) => get(app, url)))).toEqual(before);
    // A signed-in user downloads the published data too, not the correction.
    await createTestUser(db, 'admin@example.org', 'admin');
    const admin = await signedInAgent(app, 'admin@example.org');
    expect((await admin.get('/donnees/reponses.csv').expect(200)).text).toBe(before[3]);

    releaseYears(db, [2026], { now: '2027-01-15T10:00:00.000Z', by: null, note: 'Correction d’une réponse à l’indicateur 1.2' });
    const after = await Promise.all(LATEST.map((url) => get(app, url)));
    LATEST.forEach((url, i) => expect([url, after[i] === before[i]]).toEqual([url, false]));
    expect(after[3]).toMatch(line('yes', 2));
    expect(after[3]).not.toMatch(line('no', 1));

    // The history lists revision 2 with its note and what changed, value by value.
    const release = readReleaseHistory(db).get(2026)!.at(-1)!;
    expect(release.revision).toBe(2);
    const year = fragment(after[0]!, '<section id="publication-2026"', '</section>');
    const text = textOf(year);
    expect(text).toContain('Révision 2, publiée le 15 janvier 2027 (en vigueur)');
    expect(text).toContain('Note : Correction d’une réponse à l’indicateur 1.2');
    expect(text).toContain(`Ce qui a changé depuis la révision précédente : ${releaseChangesText(release.changes!)}.`);
    const changes = valueChanges(dataSource(db)('public').catalogue, release.changes);
    expect(changes.map((c) => c.code)).toContain('1.2');
    for (const c of changes) expect(text).toContain(`${c.code} ${c.before} ${c.after}`);
    expect(text).toContain('Révision 1, publiée le');
    expect(hrefsOf(year)).toEqual(
      expect.arrayContaining([
        '/donnees/publications/2026/revision-1/reponses.csv',
        '/donnees/publications/2026/revision-2/reponses.csv',
        '/donnees/publications/2026/revision-2/indicateurs.csv',
      ]),
    );
    // The same history in English: what changed and the values as the English page writes them.
    const english = textOf(fragment(await get(app, '/en/donnees/'), '<section id="publication-2026"', '</section>'));
    expect(english).toContain(releaseChangesText(release.changes!, 'en'));
    expect(english).not.toContain(releaseChangesText(release.changes!));
    for (const c of valueChanges(dataSource(db)('public').catalogue, release.changes, 'en'))
      expect(english).toContain(`${c.code} ${c.before} ${c.after}`);

    // Revision 1's files still give the old answer and the old value, for good.
    const old = await request(app).get('/donnees/publications/2026/revision-1/reponses.csv').expect(200);
    expect(old.text).toBe(oldRevision);
    // Demonstration revisions are deleted by demo:clear and their numbers come back: never « immutable ».
    expect(old.headers['cache-control']).toBe('public, no-cache');
    expect(old.headers['content-disposition']).toBe('attachment; filename=reponses-2026-revision-1.csv');
    const oldValues = parseCsv('r1', await get(app, '/donnees/publications/2026/revision-1/indicateurs.csv'));
    const newValues = parseCsv('r2', await get(app, '/donnees/publications/2026/revision-2/indicateurs.csv'));
    const valueOf = (csv: typeof oldValues, code: string) => {
      const row = csv.rows.find((r) => r[csv.header.indexOf('indicator')] === code)!;
      return ['numerator', 'denominator', 'revision'].map((c) => row[csv.header.indexOf(c)]);
    };
    const change = release.changes!.values.find((v) => v.code === '1.2')!;
    expect(valueOf(oldValues, '1.2')).toEqual([String(change.before.numerator), String(change.before.denominator), '1']);
    expect(valueOf(newValues, '1.2')).toEqual([String(change.after.numerator), String(change.after.denominator), '2']);
    expect(Number(valueOf(newValues, '1.2')[0])).toBe(Number(valueOf(oldValues, '1.2')[0]) + 1);
    // The latest file now holds revision 2's values.
    const latest = parseCsv('latest', after[1]!);
    const latestRow = latest.rows.find(
      (r) => r[latest.header.indexOf('year')] === '2026' && r[latest.header.indexOf('indicator')] === '1.2',
    )!;
    expect(latestRow[latest.header.indexOf('numerator')]).toBe(String(change.after.numerator));
    expect(latestRow[latest.header.indexOf('revision')]).toBe('2');
  });

  test('a revision of real data is sent as immutable', async () => {
    const { db, app } = testApp(seededDatabase());
    withAudit(db, CLI, (tx) => {
      tx.insert(populationMemberships).values({ year: 2026, state: 'COL', population: 'affected' }).run();
      tx.insert(answers).values({ year: 2026, state: 'COL', indicator: '1.1', answer: 'yes', source: 'Rapport 2026' }).run();
    });
    publishEverything(db);
    const res = await request(app).get('/donnees/publications/2026/revision-1/reponses.csv').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(parseCsv('r1', res.text).rows).toHaveLength(1);
  });

  test('a new release gives the latest files a new ETag', async () => {
    const { db, app } = testApp(demoDatabase());
    const first = await request(app).get('/donnees/reponses.csv').expect(200);
    const etag = first.headers.etag!;
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const target = pickAnswer(db);
    correctAnswerToYes(db, { year: 2026, state: target.state, indicator: '1.2' });
    await request(app).get('/donnees/reponses.csv').set('If-None-Match', etag).expect(304);
    releaseYears(db, [2026], { now: '2027-01-15T10:00:00.000Z', by: null });
    const fresh = await request(app).get('/donnees/reponses.csv').set('If-None-Match', etag).expect(200);
    expect(fresh.headers.etag).not.toBe(etag);
  });
});

describe('open data for a signed-in user and before any publication', () => {
  test('a signed-in user downloads what is published, never a draft, and nothing is stored for them', async () => {
    const { db, app } = testApp(demoDatabase());
    // A State with nothing in 2026 gets an answer: its report is a draft, not validated.
    const busy = new Set(
      [
        ...db.select().from(reports).where(eq(reports.year, 2026)).all(),
        ...db.select().from(answers).where(eq(answers.year, 2026)).all(),
      ].map((r) => r.state),
    );
    const draft = db
      .select()
      .from(states)
      .all()
      .find((s) => s.party && !busy.has(s.iso3))!.iso3;
    withAudit(db, CLI, (tx) =>
      tx.insert(answers).values({ year: 2026, state: draft, indicator: '7.1', answer: 'yes', source: 'Brouillon' }).run(),
    );
    expect(dataSource(db)('workspace').drafts.get(2026)?.has(draft)).toBe(true);

    await createTestUser(db, 'observateur@example.org', 'observer');
    const observer = await signedInAgent(app, 'observateur@example.org');
    const anonymous = await get(app, '/donnees/reponses.csv');
    for (const url of ['/donnees/reponses.csv', '/donnees/echange/answers.csv', '/donnees/publications/2026/revision-1/reponses.csv']) {
      const response = await observer.get(url).expect(200);
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.text).not.toContain('Brouillon');
      expect(response.text).not.toMatch(new RegExp(`\\n2026,${draft},`));
    }
    // While the workspace's own view of the indicator shows the draft.
    const live = (await observer.get('/api/v1/indicators/7.1').expect(200)).body as {
      years: { year: number; states: { yes: string[] } }[];
    };
    expect(live.years.find((y) => y.year === 2026)!.states.yes).toContain(draft);
    expect((await observer.get('/donnees/reponses.csv')).text).toBe(anonymous);
    // The page the user sees is the public one too.
    const page = await observer.get('/donnees/').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const rows = parseCsv('r', anonymous).rows.length;
    expect(documentedRows(page.text, 'reponses-csv')).toBe(rows);
  });

  test('before any publication: the page says so and every file is its header alone', async () => {
    const db = seededDatabase();
    withAudit(db, CLI, (tx) => tx.insert(populationMemberships).values({ year: 2026, state: 'AFG', population: 'affected' }).run());
    const { app } = testApp(db);
    const page = await get(app, '/donnees/');
    expect(await htmlProblems(page)).toEqual([]);
    expect(textOf(page)).toContain('Aucune année n’est encore publiée');
    for (const [id, url] of [
      ['indicateurs-csv', '/donnees/indicateurs.csv'],
      ['reponses-csv', '/donnees/reponses.csv'],
      ['echange-populations', '/donnees/echange/populations.csv'],
      ['echange-states', '/donnees/echange/states.csv'],
    ]) {
      const { header, rows } = parseCsv(url!, await get(app, url!));
      expect(header).toEqual(documentedColumns(page, id!));
      expect(rows).toEqual([]);
      expect(documentedRows(page, id!)).toBe(0);
    }
  });
});
