import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../db/client';
import { withAudit } from '../../db/queries/audit';
import { readReleaseHistory } from '../../db/queries/releases';
import { answers, populationMemberships, reports } from '../../db/schema';
import { dataSource } from '../../server/data-source';
import { publishYear } from '../../server/domain/workspace/publication';
import { publishEverything, seededDatabase, testApp, correctAnswerToYes } from '../helpers/context';
import { fragment, hrefsOf, htmlProblems, textOf } from '../helpers/html';
import { createTestUser, signedInAgent } from '../helpers/session';
import { demoDatabase, expectedValueText, fr, type ApiIndicator, type ApiIndicatorYear } from '../helpers/pages';
import { releaseCandidate } from '../../server/domain/releases/publish';

const CLI = { userId: null, label: 'test', origin: 'cli' };
const PAGES = ['/transparence', '/methodologie'];

interface ApiCatalogue {
  sections: { number: string; title: string; actions: number[] }[];
  actions: { number: number; section: string; indicators: { code: string }[] }[];
  mechanisms: { id: string; name: string; lead: number[]; contributing: number[] }[];
}

interface ApiState {
  iso3: string;
  party: boolean;
  populations: string[];
  report: { receivedOn: string; onTime: boolean } | null;
}

async function api<T>(app: Express, path: string): Promise<T> {
  return (await request(app).get(path).expect(200)).body as T;
}

/** A progress table of /transparence: its status columns and, per group, the counts and the total. */
function progressTable(html: string, id: 'par-section' | 'par-comite') {
  const table = fragment(html, `<table class="data-table progress-table" id="table-${id}">`, '</table>');
  const statuses = [...fragment(table, '<thead>', '</thead>').matchAll(/data-status="([^"]+)"/g)].map((m) => m[1]!);
  const rows = new Map<string, { counts: Map<string, number>; total: number }>();
  for (const [, group, body] of table.matchAll(/<tr data-group="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    const cells = [...body!.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    rows.set(group!, { counts: new Map(statuses.map((s, i) => [s, cells[i]!])), total: cells.at(-1)! });
  }
  return { statuses, rows };
}

/** Counts by status of the indicators of `codes`, from the API's statuses. */
function expectedCounts(statusOf: Map<string, string>, codes: string[]) {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(statusOf.get(code)!, (counts.get(statusOf.get(code)!) ?? 0) + 1);
  return counts;
}

/** Every group's counts on the page equal the counts recomputed from the API, and no indicator is left out. */
function expectTableMatches(
  table: ReturnType<typeof progressTable>,
  groups: { id: string; codes: string[] }[],
  statusOf: Map<string, string>,
) {
  expect([...table.rows.keys()]).toEqual(groups.map((g) => g.id));
  for (const { id, codes } of groups) {
    const row = table.rows.get(id)!;
    const expected = expectedCounts(statusOf, codes);
    expect(row.total).toBe(codes.length);
    for (const status of table.statuses) expect([id, status, row.counts.get(status)]).toEqual([id, status, expected.get(status) ?? 0]);
    // A status without a column has no indicator in any group.
    for (const [status, n] of expected) if (!table.statuses.includes(status)) expect([id, status, n]).toEqual([id, status, 0]);
  }
}

describe('/transparence and /methodologie with the demonstration data', () => {
  const db = demoDatabase();
  const { app } = testApp(db);
  const pages = new Map<string, Promise<request.Response>>();
  const get = (path: string) => {
    if (!pages.has(path))
      pages.set(
        path,
        request(app)
          .get(path)
          .then((res) => res),
      );
    return pages.get(path)!;
  };

  let year: number;
  let catalogue: ApiCatalogue;
  let statusOf: Map<string, string>;
  let summaries: ApiIndicator[];
  beforeAll(async () => {
    const body = await api<{ year: number; indicators: ApiIndicator[] }>(app, '/api/v1/indicators');
    year = body.year;
    summaries = body.indicators;
    statusOf = new Map(body.indicators.map((i) => [i.code, i.status]));
    catalogue = await api<ApiCatalogue>(app, '/api/v1/catalogue');
  });

  test.each(PAGES)('%s answers 200 to a visitor, in French, with valid HTML and one h1', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toMatch(/<html lang="fr">/);
    expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
    expect(await htmlProblems(res.text)).toEqual([]);
    expect(textOf(res.text)).not.toMatch(/NaN|undefined|\[object/);
  });

  test.each(PAGES)('%s is linked from the footer of every page', async (path) => {
    const home = await get('/');
    expect(hrefsOf(fragment(home.text, '<footer', '</footer>'))).toContain(path);
  });

  test('the demonstration data publish 2025 and 2026: the page reports on the latest', () => {
    expect(year).toBe(2026);
  });

  test('the progress table by section holds the counts of the API’s statuses for the latest published year', async () => {
    const { text } = await get('/transparence');
    const table = progressTable(text, 'par-section');
    expect(table.statuses.slice(0, 3)).toEqual(['improved', 'unchanged', 'worsened']);
    const groups = catalogue.sections
      .filter((s) => s.actions.length > 0)
      .map((s) => ({
        id: s.number,
        codes: catalogue.actions.filter((a) => a.section === s.number).flatMap((a) => a.indicators.map((i) => i.code)),
      }));
    expect(groups).toHaveLength(8);
    expectTableMatches(table, groups, statusOf);
    expect(textOf(fragment(text, '<caption id="tableau-par-section">', '</caption>'))).toBe(
      `Indicateurs par statut en ${year}, par section`,
    );
  });

  test('the progress table by committee counts the indicators of the actions each mechanism leads', async () => {
    const { text } = await get('/transparence');
    const leaders = catalogue.mechanisms.filter((m) => m.lead.length > 0);
    const groups = leaders.map((m) => ({
      id: m.id,
      codes: catalogue.actions.filter((a) => m.lead.includes(a.number)).flatMap((a) => a.indicators.map((i) => i.code)),
    }));
    expectTableMatches(progressTable(text, 'par-comite'), groups, statusOf);
    // Each indicator counted once: the lead actions cover the whole plan.
    expect(groups.reduce((n, g) => n + g.codes.length, 0)).toBe(summaries.length);
    // The Coordinating Committee leads nothing: the page says so rather than leaving it out silently.
    for (const m of catalogue.mechanisms.filter((m) => m.lead.length === 0)) {
      expect(textOf(text)).toContain(`${m.name} n’est responsable d’aucune action`);
    }
  });

  test('each chart carries exactly the numbers of its table', async () => {
    const { text } = await get('/transparence');
    for (const id of ['par-section', 'par-comite'] as const) {
      const figure = fragment(text, `<figure class="chart progress-chart" id="graphique-${id}">`, '</figure>');
      const attribute = /data-progress-chart="([^"]+)"/
        .exec(figure)![1]!
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&#x27;/g, "'")
        .replace(/&#x3D;/g, '=');
      const chart = JSON.parse(attribute) as { labels: string[]; series: { status: string; values: number[] }[] };
      const table = progressTable(text, id);
      expect(chart.series.map((s) => s.status)).toEqual(table.statuses);
      const rows = [...table.rows.values()];
      expect(chart.labels).toHaveLength(rows.length);
      for (const series of chart.series) expect(series.values).toEqual(rows.map((r) => r.counts.get(series.status)));
    }
  });

  test('the key figures are the States Parties and the reports the API lists for that year', async () => {
    const { text } = await get('/transparence');
    const { states } = await api<{ states: ApiState[] }>(app, `/api/v1/states?year=${year}`);
    const parties = states.filter((s) => s.party);
    const partyReports = parties.filter((s) => s.report !== null);
    const onTime = partyReports.filter((s) => s.report!.onTime);
    const figure = (id: string) => textOf(fragment(text, `<span class="key-figures__value" id="${id}">`, '</span>'));
    expect(figure('etats-parties')).toBe(fr(parties.length));
    expect(figure('rapports-recus')).toBe(
      `${fr(partyReports.length)} / ${fr(parties.length)} (${fr((100 * partyReports.length) / parties.length)}\u00a0%)`,
    );
    expect(figure('rapports-a-temps')).toBe(
      `${fr(onTime.length)} / ${fr(partyReports.length)} (${fr((100 * onTime.length) / partyReports.length)}\u00a0%)`,
    );
    const voluntary = states.filter((s) => !s.party && s.report !== null).length;
    if (voluntary > 0) expect(figure('rapports-volontaires')).toBe(String(voluntary));
    // The same number as the engine's party population of that year.
    expect(parties.length).toBe(dataSource(db)('public').engine.year(year).populations.get('party').size);
    expect(textOf(fragment(text, '<dd id="annees-publiees">', '</dd>'))).toBe('2025, 2026 (référence : 2025)');
  });

  test('the share indicators at 100 % are counted from the API’s values', async () => {
    const { text } = await get('/transparence');
    const shares = summaries.filter(
      (i) => i.kind === 'share' && (i as ApiIndicator & { direction: string }).direction === 'up' && i.value !== null,
    );
    const reached = shares.filter((i) => i.value! >= 100).length;
    const line = textOf(fragment(text, '<dd><span class="key-figures__value" id="pourcentages-a-100">', '</dd>'));
    expect(line).toMatch(new RegExp(`^${reached} indicateurs? de pourcentage sur ${shares.length} ayant une valeur en ${year}`));
  });

  test('every section, action and indicator page is linked, each indicator with its value', async () => {
    const { text } = await get('/transparence');
    const links = new Set(hrefsOf(text));
    const codes = catalogue.actions.flatMap((a) => a.indicators.map((i) => i.code));
    expect(catalogue.actions).toHaveLength(48);
    expect(codes).toHaveLength(106);
    for (const s of catalogue.sections.filter((s) => s.actions.length > 0)) expect(links).toContain(`/sections/${s.number}`);
    for (const a of catalogue.actions) expect(links).toContain(`/actions/${a.number}`);
    for (const code of codes) expect(links).toContain(`/indicators/${code}`);
    for (const link of ['/methodologie', '/donnees/']) expect(links).toContain(link);
    for (const i of summaries.filter((i) => i.value !== null)) {
      const item = fragment(text, `<li class="page-tree__indicator" id="lien-indicateur-${i.code}">`, '</li>');
      expect(textOf(fragment(item, '<span class="indicator__value">', '</span>'))).toBe(expectedValueText(i));
    }
  });

  test('the latest release is shown with its date and note', async () => {
    const { text } = await get('/transparence');
    const history = readReleaseHistory(db);
    const latest = history.get(year)!.at(-1)!;
    const block = textOf(fragment(text, '<div class="latest-release">', '</div>'));
    expect(block).toContain(`Données ${year} publiées le`);
    expect(block).toContain(latest.note!);
  });

  test('the populations table gives the size of every population for every published year, as the engine computes it', async () => {
    const { text } = await get('/methodologie');
    const engine = dataSource(db)('public').engine;
    const table = fragment(text, '<table class="data-table" id="table-populations">', '</table>');
    const headerYears = [...fragment(table, '<thead>', '</thead>').matchAll(/<th scope="col">(\d{4})<\/th>/g)].map((m) => Number(m[1]));
    expect(headerYears).toEqual([2025, 2026]);
    const keys = [...table.matchAll(/<tr data-population="([^"]+)">/g)].map((m) => m[1]!);
    expect(keys).toEqual([
      'party',
      'non_party',
      'affected',
      'victims',
      'article4',
      'article4_late',
      'article3',
      'donor',
      'extension_request',
      'workplan_update',
      'obligations',
    ]);
    for (const key of keys) {
      const row = fragment(table, `<tr data-population="${key}">`, '</tr>');
      const cells = [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!);
      expect([key, cells.slice(-2)]).toEqual([key, headerYears.map((y) => fr(engine.year(y).populations.get(key).size))]);
    }
    // The API's States agree on the party population.
    for (const y of headerYears) {
      const { states } = await api<{ states: ApiState[] }>(app, `/api/v1/states?year=${y}`);
      const partyRow = fragment(table, '<tr data-population="party">', '</tr>');
      expect(partyRow).toContain(`<td>${fr(states.filter((s) => s.party).length)}</td>`);
    }
  });

  test('the yes(X) populations are sized from the answers to X', async () => {
    const { text } = await get('/methodologie');
    const row = fragment(text, '<tr data-yes-of="15.1">', '</tr>');
    expect(row).toContain('href="/indicators/15.2"');
    const sizes = [...row.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    const yes = await Promise.all(
      [2025, 2026].map(
        async (y) =>
          (await api<{ years: ApiIndicatorYear[] }>(app, '/api/v1/indicators/15.1')).years.find((r) => r.year === y)!.states!.yes.length,
      ),
    );
    expect(sizes).toEqual(yes);
  });

  test('/methodologie explains the derived wording of 21, the indicators read from the report, and the demonstration data', async () => {
    const { text } = await get('/methodologie');
    const page = textOf(text);
    const indicator21 = await api<{ text: string; provenance: string }>(app, '/api/v1/indicators/21');
    expect(textOf(fragment(text, '<p id="provenance-21">', '</p>'))).toContain(indicator21.provenance);
    for (const code of ['8.1', '8.2'])
      expect(hrefsOf(fragment(text, `<li id="derive-${code}">`, '</li>'))).toContain(`/indicators/${code}`);
    expect(page).toContain('ayant déclaré');
    expect(page).toContain('sans objet');
    expect(text).toContain('id="avertissement-demonstration"');
    // The worked example's value is the API's.
    const example = /l’indicateur ([\d.]+) en (\d{4})/.exec(textOf(fragment(text, '<h3 id="exemple">', '</h3>')))!;
    const summary = (await api<{ indicators: ApiIndicator[] }>(app, `/api/v1/indicators?year=${example[2]}`)).indicators.find(
      (i) => i.code === example[1],
    )!;
    expect(textOf(fragment(text, '<span class="indicator__value" id="exemple-valeur">', '</span>'))).toBe(expectedValueText(summary));
  });

  test('/methodologie explains graded progress with its thresholds and like-for-like, and counts the latest year’s grades as the API does', async () => {
    const { text } = await get('/methodologie');
    const graded = textOf(fragment(text, '<h3 id="progres-gradue">', '<h2 id="indicateurs-particuliers">'));
    for (const words of [
      'r ≥ 0,95',
      '0,5 ≤ r < 0,95',
      '0 ≤ r < 0,5',
      'r < 0',
      'cible atteinte',
      'en bonne voie',
      'accélération nécessaire',
    ]) {
      expect(graded).toContain(words);
    }
    for (const code of [
      'target-reached',
      'on-track',
      'acceleration-needed',
      'limited-progress',
      'moving-away',
      'not-comparable',
      'no-target',
    ]) {
      expect(graded).toContain(code);
    }
    const like = textOf(fragment(text, '<h3 id="population-constante">', '</p>'));
    expect(like).toContain('au moins 1 point');
    expect(like).toContain('likeForLike');
    // The counts of the latest published year (2026 in the demonstration data) are the API's grades.
    const { indicators } = await api<{ indicators: ApiIndicator[] }>(app, '/api/v1/indicators?year=2026');
    const counts = textOf(fragment(text, '<div class="grade-counts">', '</div>'));
    expect(counts).toContain(`sur ${indicators.length} indicateurs`);
    const words: Record<string, string> = {
      'on-track': 'en bonne voie',
      'no-target': 'sans cible',
      'moving-away': 's’éloigne de la cible',
    };
    for (const [grade, word] of Object.entries(words)) {
      const n = indicators.filter((i) => i.progress === grade).length;
      if (n > 0) expect(counts).toContain(`${n} ${word}`);
    }
    // Every indicator but the shares and 46.1 has no target.
    expect(indicators.filter((i) => i.progress === 'no-target').map((i) => i.code)).toEqual(
      indicators.filter((i) => i.kind !== 'share' && i.code !== '46.1').map((i) => i.code),
    );
  });

  test('a signed-in user sees the public version, and is told so', async () => {
    await createTestUser(db, 'observateur@example.org', 'observer');
    const agent = await signedInAgent(app, 'observateur@example.org');
    const res = await agent.get('/transparence').expect(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(textOf(res.text)).toContain('cette page montre néanmoins la version publique');
    expect(progressTable(res.text, 'par-section')).toEqual(progressTable((await get('/transparence')).text, 'par-section'));
  });
});

describe('/transparence after a correction', () => {
  /** A State whose 2026 answer to 1.1 is no becomes yes: the workspace sees it, the public not until a revision. */
  test('shows the new revision, its note and what changed; nothing moves before it is published', async () => {
    const db = demoDatabase();
    const { app } = testApp(db);
    const before = await request(app).get('/transparence').expect(200);
    const years = await api<{ years: ApiIndicatorYear[] }>(app, '/api/v1/indicators/1.1');
    const state = years.years.find((r) => r.year === 2026)!.states!.no[0]!;
    correctAnswerToYes(db, { year: 2026, state, indicator: '1.1' });
    expect((await request(app).get('/transparence').expect(200)).text).toBe(before.text);

    const note = 'Correction de la réponse d’un État à l’indicateur 1.1';
    const published = publishYear(db, CLI, 2026, {
      note,
      fingerprint: releaseCandidate(db, 2026).fingerprint,
      now: new Date('2026-11-24T10:00:00Z'),
    });
    expect(published).toMatchObject({ ok: true, outcome: { revision: 2 } });
    const after = await request(app).get('/transparence').expect(200);
    expect(await htmlProblems(after.text)).toEqual([]);
    const block = textOf(fragment(after.text, '<div class="latest-release">', '</div>'));
    expect(block).toContain('révisées le 24 novembre 2026 (révision 2)');
    expect(block).toContain(note);
    const changes = readReleaseHistory(db).get(2026)!.at(-1)!.changes!;
    const n = changes.values.length;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(block).toContain(`Ce que cette révision a changé : ${n} valeur${n > 1 ? 's' : ''} d’indicateur et 1 ligne de données`);
    // The tree shows 1.1's new value, as the API gives it.
    const summary = (await api<{ indicators: ApiIndicator[] }>(app, '/api/v1/indicators?year=2026')).indicators.find(
      (i) => i.code === '1.1',
    )!;
    const item = fragment(after.text, '<li class="page-tree__indicator" id="lien-indicateur-1.1">', '</li>');
    expect(textOf(fragment(item, '<span class="indicator__value">', '</span>'))).toBe(expectedValueText(summary));
    expect(textOf(fragment(before.text, '<li class="page-tree__indicator" id="lien-indicateur-1.1">', '</li>'))).not.toContain(
      expectedValueText(summary),
    );
  });
});

/** Two affected States in 2025 only, both reporting; COL answers yes to 1.1. */
function baselineOnlyDatabase(): Db {
  const db = seededDatabase();
  withAudit(db, CLI, (tx) => {
    tx.insert(populationMemberships)
      .values([
        { year: 2025, state: 'COL', population: 'affected' },
        { year: 2025, state: 'AFG', population: 'affected' },
      ])
      .run();
    tx.insert(reports)
      .values([
        { year: 2025, state: 'COL', receivedOn: '2025-04-10', usedReportingGuide: true },
        { year: 2025, state: 'AFG', receivedOn: '2025-05-11', usedReportingGuide: false },
      ])
      .run();
    tx.insert(answers)
      .values([{ year: 2025, state: 'COL', indicator: '1.1', answer: 'yes' }])
      .run();
  });
  publishEverything(db);
  return db;
}

describe('/transparence and /methodologie with little or nothing published', () => {
  test.each(PAGES)('%s renders with an empty database, saying nothing is published, without NaN', async (path) => {
    const { app } = testApp(seededDatabase());
    const res = await request(app).get(path).expect(200);
    expect(await htmlProblems(res.text)).toEqual([]);
    const text = textOf(res.text);
    expect(text).toMatch(/Aucune année n’est encore publiée/);
    expect(text).not.toMatch(/NaN|undefined|\[object/);
    expect(res.text).not.toContain('<canvas');
    expect(res.text).not.toContain('progress-charts.js');
    expect(res.text).not.toContain('id="avertissement-demonstration"');
  });

  test('/transparence still links every section, action and indicator before any publication', async () => {
    const { app } = testApp(seededDatabase());
    const [res, catalogue] = await Promise.all([request(app).get('/transparence'), api<ApiCatalogue>(app, '/api/v1/catalogue')]);
    const links = new Set(hrefsOf(res.text));
    for (const a of catalogue.actions) {
      expect(links).toContain(`/actions/${a.number}`);
      for (const i of a.indicators) expect(links).toContain(`/indicators/${i.code}`);
    }
  });

  test('with only the baseline published, no progress is claimed and the values are listed', async () => {
    const db = baselineOnlyDatabase();
    const { app } = testApp(db);
    const res = await request(app).get('/transparence').expect(200);
    expect(await htmlProblems(res.text)).toEqual([]);
    const text = textOf(res.text);
    expect(text).toContain('Seule l’année de référence 2025 est publiée');
    expect(res.text).not.toContain('<canvas');
    expect(textOf(fragment(res.text, '<span class="key-figures__value" id="etats-parties">', '</span>'))).toBe(
      fr(dataSource(db)('public').engine.year(2025).populations.get('party').size),
    );
    expect(textOf(fragment(res.text, '<span class="key-figures__value" id="rapports-a-temps">', '</span>'))).toBe('1 / 2 (50\u00a0%)');
    const item = fragment(res.text, '<li class="page-tree__indicator" id="lien-indicateur-1.1">', '</li>');
    expect(textOf(item)).toContain('1 / 2 (50\u00a0%) (année de référence)');
    const method = await request(app).get('/methodologie').expect(200);
    expect(await htmlProblems(method.text)).toEqual([]);
    expect(fragment(method.text, '<tr data-population="affected">', '</tr>')).toContain('<td>2</td>');
  });
});
