import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { Db } from '../../db/client';
import { answers, populationMemberships, reports } from '../../db/schema';
import { publishEverything, testApp } from '../helpers/context';
import { fragment, htmlProblems, textOf } from '../helpers/html';
import { GRADE_WORDS } from '../helpers/grade-words';

/**
 * Graded progress and like-for-like on the pages (docs/method.md#graded-progress,
 * docs/method.md#like-for-like), held against the API on a real database. Two States (COL, HRV)
 * join the affected population in 2026, so the headline change of 1.1 and its like-for-like change
 * differ; every figure below is computed by hand.
 */

function fill(db: Db): void {
  const before = ['AFG', 'AGO', 'BIH', 'KHM'];
  db.insert(populationMemberships)
    .values([
      ...before.map((state) => ({ year: 2025, state, population: 'affected' })),
      ...[...before, 'COL', 'HRV'].map((state) => ({ year: 2026, state, population: 'affected' })),
    ])
    .run();
  db.insert(reports)
    .values([
      { year: 2025, state: 'AFG', receivedOn: '2025-04-30', usedReportingGuide: true },
      { year: 2026, state: 'AFG', receivedOn: '2026-04-30', usedReportingGuide: true },
    ])
    .run();
  const yes = (year: number, state: string, indicator: string) => ({
    year,
    state,
    indicator,
    answer: 'yes' as const,
    source: null,
    note: null,
  });
  db.insert(answers)
    .values([
      yes(2025, 'AFG', '1.1'),
      { ...yes(2025, 'AGO', '1.1'), answer: 'no' },
      yes(2026, 'AFG', '1.1'),
      yes(2026, 'AGO', '1.1'),
      yes(2026, 'COL', '1.1'),
      yes(2026, 'HRV', '1.1'),
      // 1.2: 2 / 4 in 2025, 2 / 6 in 2026 (the newcomers did not say yes): unchanged among the four.
      yes(2025, 'AFG', '1.2'),
      yes(2025, 'AGO', '1.2'),
      yes(2026, 'AFG', '1.2'),
      yes(2026, 'AGO', '1.2'),
    ])
    .run();
  publishEverything(db);
}

describe('graded progress and like-for-like on the pages', () => {
  const { db, app } = testApp();
  fill(db);
  const get = async (path: string) => (await request(app).get(path).expect(200)).text;
  const api = async (year: number) =>
    (await request(app).get(`/api/v1/indicators?year=${year}`).expect(200)).body.indicators as {
      code: string;
      action: number;
      progress: string;
      likeForLike: unknown;
    }[];

  test('the API: 1.1 from 1 / 4 (25 %) to 4 / 6 (66,7 %) is on track; among the four States of 2025, 1 then 2 counted', async () => {
    const i11 = (await api(2026)).find((i) => i.code === '1.1')!;
    // Needed pace (100 − 25) / 4 = 18.75 points a year; observed 41.7 in one year.
    expect(i11.progress).toBe('on-track');
    expect(i11.likeForLike).toEqual({ denominator: 4, numerator2025: 1, numerator: 2, delta: 25, entered: ['COL', 'HRV'], left: [] });
  });

  test('the open data carry the grade and the like-for-like columns, the revision’s own file as the published one', async () => {
    const column = (csv: string) => {
      const rows: Record<string, string>[] = parse(csv, { columns: true, bom: true });
      const row = rows.find((r) => r.year === '2026' && r.indicator === '1.1')!;
      return (name: string) => row[name];
    };
    for (const url of ['/donnees/indicateurs.csv', '/donnees/publications/2026/revision-1/indicateurs.csv']) {
      const cell = column(await get(url));
      expect([
        url,
        [
          'progress',
          'cohort_denominator',
          'cohort_numerator_2025',
          'cohort_numerator',
          'cohort_delta',
          'states_entered',
          'states_left',
        ].map(cell),
      ]).toEqual([url, ['on-track', '4', '1', '2', '25', 'COL HRV', '']]);
    }
  });

  test('the indicator page shows the grade in a word beside the status, and the like-for-like change with the gap explained', async () => {
    const html = await get('/indicators/1.1?year=2026');
    expect(await htmlProblems(html)).toEqual([]);
    const headline = textOf(fragment(html, '<p class="headline">', '</p>'));
    expect(headline).toContain('+41,7\u00a0points depuis 2025');
    expect(headline).toContain('dont +25\u00a0points à population constante ; 2 États entrés dans la population');
    expect(headline).toContain('en progrès');
    expect(headline).toContain(GRADE_WORDS['on-track']);
    // The icon has an accessible name; the word is never colour alone.
    expect(fragment(html, '<span class="grade grade--on-track">', '</span>')).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="Progrès vers la cible :"/,
    );
    expect(textOf(fragment(html, '<p class="like-for-like">', '</p>'))).toBe(
      'À population constante (4 États dans la population en 2025 et en 2026) : 1 compté en 2025, 2 en 2026, soit +25\u00a0points.',
    );
  });

  test('1.2: headline −16,7 points (so moving away from the target), unchanged like for like: the gap is explained', async () => {
    const headline = textOf(fragment(await get('/indicators/1.2?year=2026'), '<p class="headline">', '</p>'));
    expect(headline).toContain('−16,7\u00a0points depuis 2025');
    expect(headline).toContain('dont 0\u00a0points à population constante ; 2 États entrés dans la population');
    // The grade reads the headline values: 50 % → 33,3 % is r < 0.
    expect(headline).toContain(GRADE_WORDS['moving-away']);
  });

  test('no like-for-like sentence in 2025, nor for a count; the baseline year is « non comparable »', async () => {
    const html = await get('/indicators/1.1?year=2025');
    expect(html).not.toContain('class="like-for-like');
    expect(textOf(fragment(html, '<p class="headline">', '</p>'))).toContain(GRADE_WORDS['not-comparable']);
    const count = await get('/indicators/11.1?year=2026');
    expect(count).not.toContain('class="like-for-like');
    expect(textOf(fragment(count, '<p class="headline">', '</p>'))).toContain(GRADE_WORDS['no-target']);
  });

  test('the action page shows each indicator’s grade beside its status', async () => {
    const html = await get('/actions/1?year=2026');
    expect(await htmlProblems(html)).toEqual([]);
    const text = textOf(fragment(html, '<section class="indicator-detail" aria-labelledby="indicateur-1.1-titre">', '</section>'));
    expect(text).toContain(GRADE_WORDS['on-track']);
    expect(text).toContain('dont +25\u00a0points à population constante');
  });

  test('a section and a committee count their indicators by grade as the API grades them', async () => {
    const indicators = await api(2026);
    const catalogue = (await request(app).get('/api/v1/catalogue').expect(200)).body as {
      sections: { number: string; actions: number[] }[];
      mechanisms: { id: string; lead: number[] }[];
    };
    const expectCounts = (html: string, actions: number[], label: string) => {
      const counted = indicators.filter((i) => actions.includes(i.action));
      const text = textOf(fragment(html, '<div class="grade-counts">', '</div>'));
      expect([label, text]).toEqual([label, expect.stringContaining(`sur ${counted.length} indicateurs`)]);
      for (const [grade, word] of Object.entries(GRADE_WORDS)) {
        const n = counted.filter((i) => i.progress === grade).length;
        if (n > 0) expect([label, text]).toEqual([label, expect.stringContaining(`${n} ${word}`)]);
        else expect([label, text]).toEqual([label, expect.not.stringContaining(word)]);
      }
    };
    const section = catalogue.sections.find((s) => s.number === 'II')!;
    const sectionHtml = await get('/sections/II?year=2026');
    expect(await htmlProblems(sectionHtml)).toEqual([]);
    expectCounts(sectionHtml, section.actions, 'section II');
    const committee = catalogue.mechanisms.find((m) => m.lead.length > 0)!;
    const committeeHtml = await get(`/committees/${committee.id}?year=2026`);
    expect(await htmlProblems(committeeHtml)).toEqual([]);
    expectCounts(committeeHtml, committee.lead, committee.id);
  });
});
