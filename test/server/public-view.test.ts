import request from 'supertest';
import { withAudit } from '../../db/queries/audit';
import { validateReports } from '../../db/queries/review';
import { answers, populationMemberships, reports } from '../../db/schema';
import { releaseYears } from '../../server/domain/releases/publish';
import { testApp } from '../helpers/context';
import { createTestUser, signedInAgent } from '../helpers/session';

const SECRET = 'Note de travail non validée';

/**
 * 2025 published: Colombia validated (1.1 yes), Afghanistan still a draft (1.1 yes, with a note).
 * 2026 not published: Colombia validated (1.1 yes).
 */
function fixture() {
  const { db, app } = testApp();
  withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
    tx.insert(populationMemberships)
      .values(['COL', 'AFG', 'AGO'].flatMap((state) => [2025, 2026].map((year) => ({ year, state, population: 'affected' }))))
      .run();
    tx.insert(reports)
      .values([
        { year: 2025, state: 'COL', receivedOn: '2025-04-10', usedReportingGuide: true },
        { year: 2025, state: 'AFG', receivedOn: '2025-04-12', usedReportingGuide: true },
        { year: 2026, state: 'COL', receivedOn: '2026-04-10', usedReportingGuide: true },
      ])
      .run();
    tx.insert(answers)
      .values([
        { year: 2025, state: 'COL', indicator: '1.1', answer: 'yes', source: 'Rapport 2025', note: null },
        { year: 2025, state: 'AFG', indicator: '1.1', answer: 'yes', source: null, note: SECRET },
        { year: 2026, state: 'COL', indicator: '1.1', answer: 'yes', source: null, note: 'Note de 2026' },
      ])
      .run();
    validateReports(
      tx,
      [
        { year: 2025, state: 'COL' },
        { year: 2026, state: 'COL' },
      ],
      null,
      '2026-05-01T00:00:00Z',
    );
    releaseYears(tx, [2025], { now: '2026-05-02T00:00:00Z', by: null });
  });
  return { db, app };
}

const indicator = (body: { indicators: { code: string }[] }, code: string) => body.indicators.find((i) => i.code === code)!;

describe('what visitors who are not signed in see', () => {
  const { app } = fixture();

  test('the API counts validated reports of published years only, and defaults to the latest published year', async () => {
    const latest = await request(app).get('/api/v1/indicators').expect(200);
    expect(latest.body.year).toBe(2025);
    expect(indicator(latest.body, '1.1')).toMatchObject({ numerator: 1, denominator: 3, answered: 1 });
    const unpublished = await request(app).get('/api/v1/indicators?year=2026').expect(200);
    expect(unpublished.body.hasData).toBe(false);
    expect(indicator(unpublished.body, '1.1')).toMatchObject({ value: null, status: 'no-data' });
    const detail = await request(app).get('/api/v1/indicators/1.1').expect(200);
    // Afghanistan stays in the denominator (it is affected) but its draft « yes » is not counted.
    expect(detail.body.years.find((y: { year: number }) => y.year === 2025).states).toEqual({
      yes: ['COL'],
      no: [],
      blank: ['AFG', 'AGO'],
    });
    expect(detail.body.years.find((y: { year: number }) => y.year === 2026).value).toBeNull();
    const states = await request(app).get('/api/v1/states?year=2025').expect(200);
    expect(states.body.states.find((s: { iso3: string }) => s.iso3 === 'AFG').report).toBeNull();
    expect(states.body.states.find((s: { iso3: string }) => s.iso3 === 'COL').report).not.toBeNull();
  });

  test('no page shows a draft or an unpublished year', async () => {
    const pages = [
      '/',
      '/indicators/1.1',
      '/indicators/1.1?year=2025',
      '/indicators/1.1?year=2026',
      '/actions/1',
      '/states/AFG',
      '/states/COL',
      '/states',
      '/committees/president',
      '/sections/II',
    ];
    for (const url of pages) {
      const { text } = await request(app).get(url).expect(200);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('Note de 2026');
      expect(text).not.toContain('Vue de travail');
      expect(text).not.toContain('brouillon');
    }
    const afg = await request(app).get('/states/AFG?year=2025').expect(200);
    expect(afg.text).not.toContain('12 avril 2025');
  });

  test('the indicator download holds published values only', async () => {
    const csv = await request(app).get('/indicators/1.1/donnees.csv').expect(200);
    const rows = csv.text
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const column = (name: string) => rows[0]!.indexOf(name);
    const row = (year: number) => rows.find((r) => r[column('year')] === String(year))!;
    expect([row(2025)[column('numerator')], row(2025)[column('denominator')]]).toEqual(['1', '3']);
    expect(row(2026)[column('value')]).toBe('');
    expect(row(2026)[column('status')]).toBe('no-data');
  });

  test('the workspace and its downloads are closed to visitors', async () => {
    await request(app).get('/espace').expect(303).expect('Location', '/connexion?retour=%2Fespace');
    await request(app).get('/espace/journal.csv').expect(303);
  });
});

describe('what signed-in users see', () => {
  test('drafts and unpublished years, clearly marked, never cached for visitors', async () => {
    const { db, app } = fixture();
    await createTestUser(db, 'observateur@example.org', 'observer');
    const agent = await signedInAgent(app, 'observateur@example.org');

    // A visitor first, so the public page is in the render cache…
    const before = await request(app).get('/indicators/1.1?year=2025').expect(200);
    expect(before.text).not.toContain(SECRET);

    const page = await agent.get('/indicators/1.1?year=2025').expect(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.text).toContain(SECRET);
    expect(page.text).toContain('Vue de travail');
    expect(page.text).toMatch(/1 rapport en brouillon \(non validé\) ; année non publiée : 2026/);
    expect(page.text).toContain('<span class="badge badge--draft">brouillon</span>');

    const api = await agent.get('/api/v1/indicators').expect(200);
    expect(api.body.year).toBe(2026);
    expect(indicator(api.body, '1.1')).toMatchObject({ numerator: 1, denominator: 3 });
    const api2025 = await agent.get('/api/v1/indicators?year=2025').expect(200);
    expect(indicator(api2025.body, '1.1')).toMatchObject({ numerator: 2, denominator: 3 });

    // …and the signed-in page never reaches the next visitor.
    const after = await request(app).get('/indicators/1.1?year=2025').expect(200);
    expect(after.text).not.toContain(SECRET);
    expect(after.text).toBe(before.text);
  });
});
