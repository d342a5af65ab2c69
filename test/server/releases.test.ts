import request from 'supertest';
import type { Express } from 'express';
import { eq } from 'drizzle-orm';
import { withAudit } from '../../db/queries/audit';
import { readLatestReleases, readReleaseHistory } from '../../db/queries/releases';
import { readValidations, validateReports } from '../../db/queries/review';
import { answers, populationMemberships, releases, reports, states } from '../../db/schema';
import { freezeEarlierPublications } from '../../server/domain/releases/publish';
import { formatDay } from '../../server/presenters/format';
import { testApp, correctAnswerToYes } from '../helpers/context';
import { htmlProblems, textOf } from '../helpers/html';
import { createTestUser, signedInAgent, type Agent } from '../helpers/session';
import { confirmPublication } from '../helpers/publication';

const CLI = { userId: null, label: 'test', origin: 'cli' };

/** Two affected States in 2026, COL answering yes to 1.1 and AFG no: 1.1 = 1 / 2. */
async function fixture() {
  // Two reports of 164: below the default coverage threshold, which is not what these tests are about.
  const { db, app } = testApp(undefined, { publicationMinCoverage: 0 });
  withAudit(db, CLI, (tx) => {
    tx.insert(populationMemberships)
      .values([
        { year: 2026, state: 'COL', population: 'affected' },
        { year: 2026, state: 'AFG', population: 'affected' },
      ])
      .run();
    tx.insert(reports)
      .values([
        { year: 2026, state: 'COL', receivedOn: '2026-04-10', usedReportingGuide: true },
        { year: 2026, state: 'AFG', receivedOn: '2026-04-11', usedReportingGuide: false },
      ])
      .run();
    tx.insert(answers)
      .values([
        { year: 2026, state: 'COL', indicator: '1.1', answer: 'yes', source: 'Rapport 2026, § 4' },
        { year: 2026, state: 'AFG', indicator: '1.1', answer: 'no' },
      ])
      .run();
    validateReports(
      tx,
      [
        { year: 2026, state: 'COL' },
        { year: 2026, state: 'AFG' },
      ],
      null,
      '2026-05-01T00:00:00Z',
    );
  });
  await createTestUser(db, 'admin@example.org', 'admin');
  const admin = await signedInAgent(app, 'admin@example.org');
  return { db, app, admin };
}

// Revisions are the subject here, not the coverage threshold (test/server/workspace/publication.test.ts).
const publish = async (agent: Agent, year: number, note = '') => confirmPublication(agent, year, { note });

/** AFG's answer to 1.1 in 2026 becomes yes, as a correction of a validated report would. */
const correctAfghanistan = (db: ReturnType<typeof testApp>['db']) => correctAnswerToYes(db, { year: 2026, state: 'AFG', indicator: '1.1' });

const publicValue = async (app: Express, code: string) => {
  const { body } = await request(app).get('/api/v1/indicators?year=2026').expect(200);
  return { ...body.indicators.find((i: { code: string }) => i.code === code), publication: body.publication };
};

/** Everything a visitor can fetch about 2026, to compare before and after a change. */
const PUBLIC_URLS = ['/indicators/1.1', '/actions/1', '/', '/states/AFG', '/api/v1/indicators?year=2026', '/indicators/1.1/donnees.csv'];
const snapshot = async (app: Express) => Promise.all(PUBLIC_URLS.map(async (url) => (await request(app).get(url).expect(200)).text));

describe('releases', () => {
  test('publishing freezes the year: a later correction reaches the public only with the next revision', async () => {
    const { db, app, admin } = await fixture();
    expect((await publish(admin, 2026, 'Première publication des rapports 2026')).status).toBe(303);
    expect(await publicValue(app, '1.1')).toMatchObject({
      numerator: 1,
      denominator: 2,
      publication: { revision: 1, note: 'Première publication des rapports 2026' },
    });
    const before = await snapshot(app);

    correctAfghanistan(db);
    // The workspace sees the correction at once; the public does not.
    const live = await admin.get('/api/v1/indicators?year=2026').expect(200);
    expect(live.body.indicators.find((i: { code: string }) => i.code === '1.1')).toMatchObject({ numerator: 2, denominator: 2 });
    expect(await snapshot(app)).toEqual(before);
    const home = await admin.get('/espace').expect(200);
    expect(textOf(home.text)).toContain('modifications non publiées');
    expect(textOf(home.text)).toContain('Publier la révision 2 de 2026');

    const revised = await publish(admin, 2026, 'Correction du rapport de l’Afghanistan');
    expect(revised.status).toBe(303);
    expect(revised.headers.location).toBe('/espace');
    expect(textOf((await admin.get(revised.headers.location!)).text)).toContain('La révision 2 de l’année 2026 est publiée');
    expect(await publicValue(app, '1.1')).toMatchObject({
      numerator: 2,
      denominator: 2,
      publication: { revision: 2, note: 'Correction du rapport de l’Afghanistan' },
    });
    const after = await snapshot(app);
    PUBLIC_URLS.forEach((_url, i) => expect(after[i]).not.toEqual(before[i]));
  });

  test('a revision records what changed, and the indicator page says the value was revised', async () => {
    const { db, app, admin } = await fixture();
    await publish(admin, 2026);
    correctAfghanistan(db);
    await publish(admin, 2026, 'Correction');
    const history = readReleaseHistory(db).get(2026)!;
    expect(history.map((r) => r.revision)).toEqual([1, 2]);
    expect(history[0]!.changes).toBeNull();
    const changes = history[1]!.changes!;
    expect(changes.rows).toEqual([{ kind: 'answers', added: 0, changed: 1, removed: 0 }]);
    // Only the values that moved: 1.1 (1 / 2 → 2 / 2), and 1.1's yes-population indicators if any.
    expect(changes.values.find((v) => v.code === '1.1')).toMatchObject({
      before: { numerator: 1, denominator: 2, value: 50 },
      after: { numerator: 2, denominator: 2, value: 100 },
    });
    expect(changes.values.every((v) => v.before.value !== v.after.value || v.before.denominator !== v.after.denominator)).toBe(true);

    const page = await request(app).get('/indicators/1.1').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const text = textOf(page.text);
    const day = formatDay(history[1]!.publishedAt);
    expect(text).toContain(`Valeur 2026 révisée le ${day} (révision 2) ; auparavant 1 / 2 (50\u00a0%).`);
    expect(text).toContain(`Données 2026 publiées le ${formatDay(history[0]!.publishedAt)}, révisées le ${day} (révision 2)`);
    expect(text).toContain('ce qui a changé : 1 valeur d’indicateur modifiée ; réponses : 1 modifiée');
    // The year table names each year's publication.
    expect(text).toMatch(new RegExp(`2026 .*révision 2 du ${day}`));
  });

  test('publishing again without a change is refused, and says so', async () => {
    const { db, admin } = await fixture();
    await publish(admin, 2026);
    const again = await publish(admin, 2026);
    expect(again.status).toBe(409);
    expect(textOf(again.text)).toContain(
      'Rien n’a changé dans les données de 2026 depuis sa révision 1 : aucune nouvelle révision n’est publiée.',
    );
    expect(db.select().from(releases).all()).toHaveLength(1);
    // No button either: nothing to publish.
    expect(textOf((await admin.get('/espace')).text)).not.toContain('Publier la révision 2');
  });

  test('a draft keeps a revision from being published, and stays out of the release', async () => {
    const { db, admin } = await fixture();
    await publish(admin, 2026);
    withAudit(db, CLI, (tx) => tx.insert(answers).values({ year: 2026, state: 'BIH', indicator: '7.1', answer: 'yes' }).run());
    const refused = await publish(admin, 2026);
    expect(refused.status).toBe(409);
    expect(textOf(refused.text)).toContain('1 rapport est encore en brouillon');
    expect(readLatestReleases(db)[0]!.data.answers.some((a) => a.state === 'BIH')).toBe(false);
  });

  test('a registry correction after publication does not move the published year’s States Parties', async () => {
    const { db, app, admin } = await fixture();
    await publish(admin, 2026);
    const before = await publicValue(app, '8.1');
    withAudit(db, CLI, (tx) => tx.update(states).set({ partyFrom: '2026-09-01' }).where(eq(states.iso3, 'FRA')).run(), {
      reason: 'Date corrigée',
    });
    expect(await publicValue(app, '8.1')).toEqual(before);
    const live = await admin.get('/api/v1/indicators?year=2026').expect(200);
    expect(live.body.indicators.find((i: { code: string }) => i.code === '8.1').denominator).toBe(before.denominator - 1);
    await publish(admin, 2026, 'Registre corrigé');
    expect((await publicValue(app, '8.1')).denominator).toBe(before.denominator - 1);
    expect(readReleaseHistory(db).get(2026)![1]!.changes!.rows).toEqual([{ kind: 'states', added: 0, changed: 1, removed: 0 }]);
  });

  test('a frozen release cannot be changed, even by hand', async () => {
    const { db, admin } = await fixture();
    await publish(admin, 2026);
    expect(() => db.update(releases).set({ note: 'retouche' }).run()).toThrow(/Une publication ne se modifie pas/);
  });

  test('a year published before releases existed is frozen at the next start, as the public saw it', async () => {
    const { db, app } = await fixture();
    // What migration 0004 leaves for a year published earlier: a release without data.
    db.insert(releases).values({ year: 2026, revision: 1, publishedAt: '2026-06-01T09:00:00.000Z' }).run();
    expect(freezeEarlierPublications(db)).toBe(1);
    expect(freezeEarlierPublications(db)).toBe(0);
    const [release] = readLatestReleases(db);
    expect(release!.data.answers).toHaveLength(2);
    expect(release!.values.find((v) => v.code === '1.1')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(await publicValue(app, '1.1')).toMatchObject({ numerator: 1, denominator: 2, publication: { revision: 1 } });
  });
});

describe('responses to the public are conditional', () => {
  test.each(['/indicators/1.1', '/api/v1/indicators?year=2026', '/api/v1/catalogue', '/indicators/1.1/donnees.csv'])(
    '%s carries an ETag and Cache-Control, answers 304 while unchanged, and 200 after a new release',
    async (url) => {
      const { db, app, admin } = await fixture();
      await publish(admin, 2026);
      const first = await request(app).get(url).expect(200);
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^W\/"/);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      expect(first.headers.vary).toMatch(/Cookie/);
      await request(app).get(url).set('If-None-Match', etag).expect(304);
      // A change in the workspace is not a release: still 304.
      correctAfghanistan(db);
      await request(app).get(url).set('If-None-Match', etag).expect(304);
      await publish(admin, 2026);
      const fresh = await request(app).get(url).set('If-None-Match', etag);
      if (url === '/api/v1/catalogue') {
        // The catalogue did not change with the release: same bytes, same ETag.
        expect(fresh.status).toBe(304);
      } else {
        expect(fresh.status).toBe(200);
        expect(fresh.headers.etag).not.toBe(etag);
      }
    },
  );

  test('a signed-in user’s responses are never stored', async () => {
    const { admin } = await fixture();
    const res = await admin.get('/indicators/1.1').expect(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.etag).toBeUndefined();
  });
});

describe('validating reports', () => {
  test('a (year, State) named many times is validated and counted once; one already validated keeps its first validation', () => {
    const { db } = testApp();
    // As the demonstration data and imports call it: one pair per report and answer row.
    const rows = [
      ...Array.from({ length: 50 }, () => ({ year: 2026, state: 'COL' })),
      { year: 2026, state: 'AFG' },
      { year: 2025, state: 'COL' },
    ];
    expect(validateReports(db, rows, null, '2026-05-01T00:00:00.000Z')).toBe(3);
    expect(validateReports(db, rows, null, '2026-06-01T00:00:00.000Z')).toBe(0);
    const stored = readValidations(db).map((v) => `${v.year} ${v.state} ${v.validatedAt}`);
    expect(stored.sort()).toEqual([
      '2025 COL 2026-05-01T00:00:00.000Z',
      '2026 AFG 2026-05-01T00:00:00.000Z',
      '2026 COL 2026-05-01T00:00:00.000Z',
    ]);
  });
});
