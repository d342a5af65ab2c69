import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { openDatabase, type Db } from '../../db/client';
import { answers, figures, populationMemberships, reports } from '../../db/schema';
import { writeMeta, META } from '../../db/queries/meta';
import { loadSeed } from '../../seed/load';
import { publishEverything, seededDatabase, testApp } from '../helpers/context';

/** Four affected States, two reporting years: every expected value below is computed by hand. */
function fillHandComputedData(db: Db): void {
  const affected = ['AFG', 'AGO', 'BIH', 'KHM'];
  db.insert(populationMemberships)
    .values([2025, 2026].flatMap((year) => affected.map((state) => ({ year, state, population: 'affected' }))))
    .run();
  db.insert(reports)
    .values([
      { year: 2025, state: 'AFG', receivedOn: '2025-04-30', usedReportingGuide: true },
      { year: 2025, state: 'AGO', receivedOn: '2025-05-01', usedReportingGuide: false },
      { year: 2026, state: 'AFG', receivedOn: '2026-03-01', usedReportingGuide: true },
      { year: 2026, state: 'USA', receivedOn: '2026-04-02', usedReportingGuide: false },
    ])
    .run();
  db.insert(answers)
    .values([
      { year: 2025, state: 'AFG', indicator: '1.1', answer: 'yes', source: 'Rapport 2025, §2', note: null },
      { year: 2025, state: 'AGO', indicator: '1.1', answer: 'no', source: null, note: null },
      { year: 2026, state: 'AFG', indicator: '1.1', answer: 'yes', source: null, note: null },
      { year: 2026, state: 'AGO', indicator: '1.1', answer: 'yes', source: null, note: null },
      { year: 2026, state: 'BIH', indicator: '1.1', answer: 'yes', source: null, note: 'Constatation du comité' },
      { year: 2026, state: 'KHM', indicator: '1.1', answer: 'blank', source: null, note: null },
    ])
    .run();
  db.insert(figures)
    .values([
      { year: 2025, indicator: '5.4', value: 30, denominator: 120 },
      { year: 2026, indicator: '5.4', value: 45, denominator: 150 },
    ])
    .run();
  publishEverything(db);
}

describe('GET /api/v1/indicators', () => {
  const { db, app } = testApp();
  fillHandComputedData(db);

  test('serves every indicator of a year with n, N, answered, baseline, delta, status and projection', async () => {
    const { body } = await request(app).get('/api/v1/indicators?year=2026').expect(200);
    expect(body).toMatchObject({ year: 2026, baselineYear: 2025, demo: false });
    expect(body.indicators).toHaveLength(106);
    const i11 = body.indicators.find((i: { code: string }) => i.code === '1.1');
    expect(i11).toEqual({
      code: '1.1',
      action: 1,
      kind: 'share',
      population: 'affected',
      direction: 'up',
      value: 75,
      numerator: 3,
      denominator: 4,
      answered: 3,
      baseline: 25,
      delta: 50,
      status: 'improved',
      projection2029: 100,
      target: 100,
      reachesTarget: true,
      // Needed pace (100 − 25) / 4 = 18.75 points a year; observed 50 in one year: r ≈ 2.7.
      progress: 'on-track',
      // The same four States both years: the cohort is the population, 1 counted in 2025, 3 in 2026.
      likeForLike: { denominator: 4, numerator2025: 1, numerator: 3, delta: 50, entered: [], left: [] },
    });
  });

  test('every indicator-year carries the engine’s grade and like-for-like, none in 2025 and none for counts', async () => {
    const [y2025, y2026] = await Promise.all(
      [2025, 2026].map(async (year) => (await request(app).get(`/api/v1/indicators?year=${year}`).expect(200)).body),
    );
    const byCode = new Map(y2026.indicators.map((i: { code: string }) => [i.code, i]));
    // 5.4 is a ratio, 11.1 a count: no target. 14.1's population is empty: nothing to compare.
    expect(byCode.get('5.4')).toMatchObject({ progress: 'no-target', likeForLike: null });
    expect(byCode.get('11.1')).toMatchObject({ progress: 'no-target', likeForLike: null });
    expect(byCode.get('14.1')).toMatchObject({ progress: 'not-comparable', likeForLike: null });
    // 8.1 over all States Parties: 1 / 164 on time in 2025, 1 in 2026 (AFG; USA is not party): limited progress.
    expect(byCode.get('8.1')).toMatchObject({
      progress: 'limited-progress',
      likeForLike: { denominator: 164, numerator2025: 1, numerator: 1, delta: 0, entered: [], left: [] },
    });
    for (const i of y2025.indicators)
      expect([i.code, i.progress === 'not-comparable' || i.progress === 'no-target', i.likeForLike]).toEqual([i.code, true, null]);
  });

  test('8.1 counts reports by 30 April over all States Parties; a State not party is not counted', async () => {
    const { body } = await request(app).get('/api/v1/indicators?year=2025').expect(200);
    const i81 = body.indicators.find((i: { code: string }) => i.code === '8.1');
    expect(i81).toMatchObject({ numerator: 1, denominator: 164, answered: 2 });
    expect(i81.value).toBeCloseTo(100 / 164, 12);
  });

  test('a ratio serves its recorded pair; an empty population gives null, not 0', async () => {
    const { body } = await request(app).get('/api/v1/indicators?year=2026').expect(200);
    const byCode = new Map(body.indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get('5.4')).toMatchObject({ value: 30, numerator: 45, denominator: 150, baseline: 25, delta: 5 });
    expect(byCode.get('14.1')).toMatchObject({ value: null, numerator: 0, denominator: 0, status: 'no-data' });
    expect(byCode.get('5.3')).toMatchObject({ value: null, status: 'no-data' });
  });

  test('defaults to the latest published year complete enough: with 2 reports of 164, none is, so the baseline year', async () => {
    const { body } = await request(app).get('/api/v1/indicators').expect(200);
    expect(body.year).toBe(2025);
  });

  test('with no coverage threshold (PUBLICATION_MIN_COVERAGE=0), defaults to the latest published year', async () => {
    const { app: lenient } = testApp(db, { publicationMinCoverage: 0 });
    const { body } = await request(lenient).get('/api/v1/indicators').expect(200);
    expect(body.year).toBe(2026);
  });

  test.each(['2024', '2030', 'abc', '2025.5'])('year=%s is a 400 with a French JSON error', async (year) => {
    const { body } = await request(app).get(`/api/v1/indicators?year=${year}`).expect(400);
    expect(body.error.message).toMatch(/n’est pas une année du plan/);
  });
});

describe('GET /api/v1/indicators/:code', () => {
  const { db, app } = testApp();
  fillHandComputedData(db);

  test('gives the catalogue fields and the five plan years with the States behind each value', async () => {
    const { body } = await request(app).get('/api/v1/indicators/1.1').expect(200);
    expect(body).toMatchObject({ code: '1.1', action: 1, kind: 'share', population: 'affected', provenance: null });
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(body.years[0]).toMatchObject({ value: 25, numerator: 1, denominator: 4, answered: 2, delta: 0, status: 'unchanged' });
    expect(body.years[0].states).toEqual({ yes: ['AFG'], no: ['AGO'], blank: ['BIH', 'KHM'] });
    expect(body.years[1].states).toEqual({ yes: ['AFG', 'AGO', 'BIH'], no: [], blank: ['KHM'] });
    expect(body.years[2]).toMatchObject({ value: null, states: null, status: 'no-data', progress: 'not-comparable', likeForLike: null });
    expect(body.years[1]).toMatchObject({
      progress: 'on-track',
      likeForLike: { denominator: 4, numerator2025: 1, numerator: 3, delta: 50 },
    });
  });

  test('an unknown code is a 404 with a French JSON error', async () => {
    const { body } = await request(app).get('/api/v1/indicators/99.9').expect(404);
    expect(body.error.message).toMatch(/Aucun indicateur ne porte le code « 99.9 »/);
  });
});

describe('GET /api/v1/states', () => {
  const { db, app } = testApp();
  fillHandComputedData(db);

  test('lists every State with party status, populations, report and flags', async () => {
    const { body } = await request(app).get('/api/v1/states?year=2026').expect(200);
    expect(body.states).toHaveLength(197);
    const byIso = new Map(body.states.map((s: { iso3: string }) => [s.iso3, s]));
    expect(byIso.get('AFG')).toMatchObject({
      name: 'Afghanistan',
      party: true,
      populations: ['party', 'affected', 'obligations'],
      report: { receivedOn: '2026-03-01', onTime: true, usedReportingGuide: true },
      flags: [],
    });
    expect(byIso.get('USA')).toMatchObject({ party: false, populations: ['non_party'], report: { onTime: true } });
  });

  test('a State with obligations and no report in 2025 nor 2026 carries the early-warning flag', async () => {
    const { body } = await request(app).get('/api/v1/states?year=2026').expect(200);
    const flagged = body.states.filter((s: { flags: unknown[] }) => s.flags.length > 0).map((s: { iso3: string }) => s.iso3);
    // AFG reported both years, AGO in 2025; BIH and KHM never did.
    expect(flagged.sort()).toEqual(['BIH', 'KHM']);
  });

  test('says when the data is the demonstration dataset', async () => {
    writeMeta(db, META.demoData, 'loaded');
    const { body } = await request(app).get('/api/v1/states?year=2026').expect(200);
    expect(body.demo).toBe(true);
    writeMeta(db, META.demoData, null);
  });
});

describe('a running server sees what another process wrote', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sra-api-'));
  const file = path.join(dir, 'dashboard.sqlite');
  const serverDb = openDatabase(file);
  loadSeed(serverDb);
  const { app } = testApp(serverDb);
  const otherProcess = openDatabase(file);
  afterAll(() => {
    serverDb.$client.close();
    otherProcess.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('values change without a restart after a write on another connection', async () => {
    const before = await request(app).get('/api/v1/indicators?year=2025').expect(200);
    expect(before.body.indicators.find((i: { code: string }) => i.code === '11.1').value).toBeNull();
    fillHandComputedData(otherProcess);
    otherProcess.insert(answers).values({ year: 2025, state: 'COL', indicator: '11.1', answer: 'yes' }).run();
    publishEverything(otherProcess);
    const after = await request(app).get('/api/v1/indicators?year=2025').expect(200);
    expect(after.body.indicators.find((i: { code: string }) => i.code === '11.1')).toMatchObject({ value: 1, denominator: 164 });
  });
});

test('a database without report data gives no value for any indicator', async () => {
  const { app } = testApp(seededDatabase());
  const { body } = await request(app).get('/api/v1/indicators?year=2027').expect(200);
  expect(body.indicators.every((i: { value: unknown; status: string }) => i.value === null && i.status === 'no-data')).toBe(true);
});
