import { count, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { META, isDemoDataLoaded, readMeta } from '../../db/queries/meta';
import {
  actions,
  answers,
  figures,
  indicators,
  mechanismActions,
  populationMemberships,
  populations,
  releases,
  validations,
  auditEntries,
  reports,
  sections,
  states,
} from '../../db/schema';
import { readSeedCatalogue } from '../../seed/catalogue';
import { DEMO_YEARS, demoDataSizes, generateDemoData, type DemoData } from '../../seed/demo';
import { clearDemoData, loadDemoData, shouldLoadDemoData } from '../../seed/demo-load';
import { readSeedRegistry } from '../../seed/registry';
import { isPartyInYear } from '../../server/domain/registry';
import { seededDatabase } from '../helpers/context';
import { databaseFromImage } from '../helpers/database-images';

const catalogue = readSeedCatalogue();
const registry = readSeedRegistry();
const allIndicators = catalogue.actions.flatMap((a) => a.indicators);
const indicatorByCode = new Map(allIndicators.map((i) => [i.code, i]));
const partiesIn = (year: number) => new Set(registry.filter((s) => isPartyInYear(s, year)).map((s) => s.iso3));

// Memoised by dataset: the tests ask for the same population once per answer, thousands of times.
const members = new WeakMap<DemoData, Map<string, Set<string>>>();
function membersOf(data: DemoData, year: number, population: string): Set<string> {
  if (!members.has(data)) members.set(data, new Map());
  const byKey = members.get(data)!;
  const key = `${year}/${population}`;
  if (!byKey.has(key))
    byKey.set(key, new Set(data.populationMemberships.filter((m) => m.year === year && m.population === population).map((m) => m.state)));
  return byKey.get(key)!;
}

function yesRate(data: DemoData, year: number): number {
  const rows = data.answers.filter((a) => a.year === year);
  return rows.filter((a) => a.answer === 'yes').length / rows.length;
}

function tableCount(db: Db, table: SQLiteTable): number {
  return db.select({ n: count() }).from(table).get()?.n ?? 0;
}

function catalogueAndRegistry(db: Db) {
  return {
    sections: db.select().from(sections).all(),
    actions: db.select().from(actions).all(),
    indicators: db.select().from(indicators).all(),
    populations: db.select().from(populations).all(),
    links: db.select().from(mechanismActions).all(),
    states: db.select().from(states).all(),
  };
}

// Generated once for the file: the generator is deterministic (its first test proves it).
const data = generateDemoData(catalogue, registry);

describe('demonstration data generator', () => {
  test('is deterministic, uses no Math.random and no clock', () => {
    const random = jest.spyOn(Math, 'random');
    const now = jest.spyOn(Date, 'now');
    const again = generateDemoData(catalogue, registry);
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
    random.mockRestore();
    now.mockRestore();
    expect(again).toEqual(data);
    expect(generateDemoData(structuredClone(catalogue), [...registry].reverse())).toEqual(data);
    expect(generateDemoData(catalogue, registry, 7)).not.toEqual(data);
    // The sizes of this dataset, for the record (see the report of `npm run demo:clear`).
    console.log('Demonstration dataset:', JSON.stringify(demoDataSizes(data)));
  });

  test('covers 2025 and 2026 only', () => {
    for (const rows of [data.populationMemberships, data.reports, data.answers, data.figures]) {
      expect(new Set(rows.map((r) => r.year))).toEqual(new Set(DEMO_YEARS));
    }
  });

  test.each(DEMO_YEARS)('entered populations of %i have plausible sizes and only States Parties', (year) => {
    const parties = partiesIn(year);
    const ranges: Record<string, [number, number]> = {
      affected: [25, 35],
      victims: [20, 30],
      article4: [4, 5],
      article4_late: [2, 2],
      article3: [55, 65],
      donor: [25, 35],
      extension_request: [3, 5],
      workplan_update: [2, 4],
    };
    const entered = catalogue.populations.filter((p) => p.derivation === 'entered').map((p) => p.key);
    expect(new Set(data.populationMemberships.map((m) => m.population))).toEqual(new Set(entered));
    for (const [population, [lo, hi]] of Object.entries(ranges)) {
      const size = membersOf(data, year, population).size;
      expect({ population, size, ok: size >= lo && size <= hi }).toEqual({ population, size, ok: true });
    }
    for (const m of data.populationMemberships.filter((r) => r.year === year)) expect(parties.has(m.state)).toBe(true);
    const affected = membersOf(data, year, 'affected');
    for (const s of membersOf(data, year, 'extension_request')) expect(affected.has(s)).toBe(true);
    for (const s of membersOf(data, year, 'workplan_update')) expect(affected.has(s)).toBe(true);
    const article4 = membersOf(data, year, 'article4');
    for (const s of membersOf(data, year, 'article4_late')) expect(article4.has(s)).toBe(true);
    const victims = membersOf(data, year, 'victims');
    expect([...victims].filter((s) => affected.has(s)).length).toBeGreaterThan(victims.size / 2);
  });

  test('standing populations are stable from 2025 to 2026, with one or two changes each', () => {
    // Extension requests and updated work plans are the year's own: they change every year.
    const standing = ['affected', 'victims', 'article4', 'article4_late', 'article3', 'donor'];
    let changed = 0;
    for (const population of standing) {
      const first = membersOf(data, 2025, population);
      const second = membersOf(data, 2026, population);
      const changes = [...first].filter((s) => !second.has(s)).length + [...second].filter((s) => !first.has(s)).length;
      expect({ population, ok: changes <= 2 }).toEqual({ population, ok: true });
      changed += changes;
    }
    expect(changed).toBeGreaterThan(0);
  });

  test.each(DEMO_YEARS)('reports of %i: most States Parties, about 60 %% on time, some voluntary', (year) => {
    const parties = partiesIn(year);
    const yearReports = data.reports.filter((r) => r.year === year);
    const fromParties = yearReports.filter((r) => parties.has(r.state));
    const voluntary = yearReports.filter((r) => !parties.has(r.state));
    expect(fromParties.length / parties.size).toBeGreaterThanOrEqual(0.85);
    expect(fromParties.length / parties.size).toBeLessThanOrEqual(0.9);
    const onTime = fromParties.filter((r) => r.receivedOn <= `${year}-04-30`).length / parties.size;
    expect(onTime).toBeGreaterThanOrEqual(0.5);
    expect(onTime).toBeLessThanOrEqual(0.7);
    const guide = fromParties.filter((r) => r.usedReportingGuide).length / fromParties.length;
    expect(guide).toBeGreaterThan(0.35);
    expect(guide).toBeLessThan(0.65);
    expect(voluntary.length).toBeGreaterThanOrEqual(1);
    expect(voluntary.length).toBeLessThanOrEqual(3);
    for (const r of yearReports) {
      expect(r.receivedOn).toMatch(new RegExp(`^${year}-\\d{2}-\\d{2}$`));
      expect(new Date(`${r.receivedOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.receivedOn);
    }
  });

  test('at least two States with obligations send no report in 2025 nor in 2026', () => {
    const silent = [...membersOf(data, 2025, 'affected'), ...membersOf(data, 2025, 'article4'), ...membersOf(data, 2025, 'article3')]
      .filter((s) => DEMO_YEARS.every((y) => ['affected', 'article4', 'article3'].some((p) => membersOf(data, y, p).has(s))))
      .filter((s) => !data.reports.some((r) => r.state === s));
    expect(new Set(silent).size).toBeGreaterThanOrEqual(2);
  });

  test('answers only answerable indicators, for States of their population', () => {
    for (const year of DEMO_YEARS) {
      const parties = partiesIn(year);
      const yesSets = new Map<string, Set<string>>();
      const yes = (code: string) => {
        if (!yesSets.has(code))
          yesSets.set(
            code,
            new Set(data.answers.filter((a) => a.year === year && a.indicator === code && a.answer === 'yes').map((a) => a.state)),
          );
        return yesSets.get(code)!;
      };
      const obligations = new Set(['affected', 'article4', 'article3'].flatMap((p) => [...membersOf(data, year, p)]));
      // Checked row by row, the rows that break a rule gathered with what they break: one assertion
      // per year rather than six per row (eight thousand rows), and a failure names every bad row.
      const broken = data.answers
        .filter((r) => r.year === year)
        .map((a) => {
          const indicator = indicatorByCode.get(a.indicator);
          const population = indicator?.population ?? '';
          const of = /^yes\((.+)\)$/.exec(population)?.[1];
          const inPopulation =
            population === 'party'
              ? parties.has(a.state)
              : population === 'non_party'
                ? !parties.has(a.state)
                : population === 'obligations'
                  ? obligations.has(a.state)
                  : of !== undefined
                    ? yes(of).has(a.state)
                    : membersOf(data, year, population).has(a.state);
          const problems = [
            indicator === undefined && 'unknown indicator',
            !['share', 'count'].includes(indicator?.kind ?? '') && 'not a share or count',
            indicator?.derivedFrom !== null && 'derived indicator',
            !a.source && 'no source',
            !inPopulation && 'State outside the population',
          ].filter(Boolean);
          return { row: a, problems };
        })
        .filter(({ problems }) => problems.length > 0);
      expect(broken).toEqual([]);
    }
  });

  test('answers come mostly from reports, with blanks, gaps and some answers without a report', () => {
    for (const year of DEMO_YEARS) {
      const rows = data.answers.filter((a) => a.year === year);
      const reported = new Set(data.reports.filter((r) => r.year === year).map((r) => r.state));
      const withoutReport = rows.filter((a) => !reported.has(a.state)).length;
      expect(withoutReport).toBeGreaterThan(0);
      expect(withoutReport).toBeLessThan(rows.length * 0.05);
      expect(rows.filter((a) => a.answer === 'blank').length).toBeGreaterThan(0);
      expect(rows.filter((a) => a.note !== null && a.note !== undefined).length).toBeGreaterThan(0);
      // Some reporting affected States left 1.1 out: no row at all.
      const affectedReporting = [...membersOf(data, year, 'affected')].filter((s) => reported.has(s));
      const answeredSomething = new Set(rows.map((a) => `${a.state}/${a.indicator}`));
      const gaps = allIndicators
        .filter((i) => i.population === 'affected')
        .flatMap((i) => affectedReporting.filter((s) => !answeredSomething.has(`${s}/${i.code}`)));
      expect(gaps.length).toBeGreaterThan(0);
      expect(rows.some((a) => a.source?.startsWith(`Rapport au titre de l’article 7 (${year})`))).toBe(true);
    }
    expect(
      data.answers
        .filter((a) => a.indicator === '46.1')
        .every((a) => a.source === 'Constatations du Comité sur le respect des obligations'),
    ).toBe(true);
  });

  test('answers are better in 2026 than in 2025', () => {
    expect(yesRate(data, 2026)).toBeGreaterThan(yesRate(data, 2025));
    // Indicator by indicator, most improve (by their direction).
    let better = 0;
    let worse = 0;
    for (const indicator of allIndicators.filter((i) => i.kind === 'share' || i.kind === 'count')) {
      const yes = (year: number) =>
        data.answers.filter((a) => a.year === year && a.indicator === indicator.code && a.answer === 'yes').length;
      const delta = (yes(2026) - yes(2025)) * (indicator.direction === 'down' ? -1 : 1);
      if (delta > 0) better++;
      if (delta < 0) worse++;
    }
    expect(better).toBeGreaterThan(3 * worse);
  });

  test('46.1 has one to three States of concern in 2025 and no more in 2026; non-party indicators a handful', () => {
    const yes = (year: number, code: string) =>
      data.answers.filter((a) => a.year === year && a.indicator === code && a.answer === 'yes').length;
    expect(yes(2025, '46.1')).toBeGreaterThanOrEqual(1);
    expect(yes(2025, '46.1')).toBeLessThanOrEqual(3);
    expect(yes(2026, '46.1')).toBeLessThanOrEqual(yes(2025, '46.1'));
    for (const year of DEMO_YEARS) {
      for (const code of ['11.3', '11.4', '12.1']) {
        const rows = data.answers.filter((a) => a.year === year && a.indicator === code);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.length).toBeLessThanOrEqual(12);
        expect(yes(year, code)).toBeGreaterThan(0);
      }
      // 11.3 counts exactly the voluntary reports of States not party.
      const parties = partiesIn(year);
      const voluntary = data.reports.filter((r) => r.year === year && !parties.has(r.state)).map((r) => r.state);
      expect(
        data.answers
          .filter((a) => a.year === year && a.indicator === '11.3' && a.answer === 'yes')
          .map((a) => a.state)
          .sort(),
      ).toEqual(voluntary.sort());
    }
  });

  test('figures: 5.3, 11.2 and 12.2 without denominator, 5.4 with one, for both years', () => {
    for (const year of DEMO_YEARS) {
      const rows = data.figures.filter((f) => f.year === year);
      expect(rows.map((f) => f.indicator).sort()).toEqual(['11.2', '12.2', '5.3', '5.4']);
      for (const f of rows) {
        const kind = indicatorByCode.get(f.indicator)?.kind;
        if (kind === 'figure') expect(f.denominator ?? null).toBeNull();
        else {
          expect(kind).toBe('ratio');
          expect(f.denominator).toBeGreaterThan(f.value);
          expect(f.value / (f.denominator ?? 1)).toBeGreaterThan(0.3);
          expect(f.value / (f.denominator ?? 1)).toBeLessThan(0.5);
        }
        expect(Number.isInteger(f.value)).toBe(true);
        expect(f.value).toBeGreaterThanOrEqual(0);
      }
    }
  });

  test('follows the catalogue and registry it is given', () => {
    const edited = structuredClone(catalogue);
    const indicator = edited.actions.flatMap((a) => a.indicators).find((i) => i.code === '1.1');
    if (indicator === undefined) throw new Error('1.1 manque');
    indicator.population = 'victims';
    const withoutUkraine = registry.map((s) => (s.iso3 === 'UKR' ? { ...s, partyUntil: '2026-01-01' } : s));
    const other = generateDemoData(edited, withoutUkraine);
    const victims2025 = membersOf(other, 2025, 'victims');
    for (const a of other.answers.filter((r) => r.year === 2025 && r.indicator === '1.1')) expect(victims2025.has(a.state)).toBe(true);
    expect(other.populationMemberships.some((m) => m.year === 2026 && m.state === 'UKR')).toBe(false);
    expect(other.populationMemberships.some((m) => m.year === 2025 && m.state === 'UKR')).toBe(true);
  });
});

describe('loading and clearing demonstration data', () => {
  test('every generated row is accepted by the database, and the flag is set', () => {
    const db = seededDatabase();
    expect(isDemoDataLoaded(db)).toBe(false);
    const counts = loadDemoData(db);
    const expected = data;
    expect(counts).toEqual(demoDataSizes(expected));
    expect(tableCount(db, populationMemberships)).toBe(expected.populationMemberships.length);
    expect(tableCount(db, reports)).toBe(expected.reports.length);
    expect(tableCount(db, answers)).toBe(expected.answers.length);
    expect(tableCount(db, figures)).toBe(expected.figures.length);
    expect(readMeta(db, META.demoData)).toBe('loaded');
    expect(isDemoDataLoaded(db)).toBe(true);
    // Read back from the database, the catalogue and registry give the same rows as the seed files.
    expect(db.select().from(answers).all()).toEqual(
      expected.answers.map((a) => ({ ...a, source: a.source ?? null, note: a.note ?? null })),
    );
  });

  test('loading is all or nothing', () => {
    const db = seededDatabase();
    const bad = structuredClone(data);
    bad.populationMemberships.push({ year: 2025, state: 'USA', population: 'affected' });
    expect(() => loadDemoData(db, bad)).toThrow(/partie/);
    expect(tableCount(db, reports)).toBe(0);
    expect(tableCount(db, answers)).toBe(0);
    expect(isDemoDataLoaded(db)).toBe(false);
  });

  test('shouldLoadDemoData: only when asked, on an empty database, never after clearing', () => {
    const db = seededDatabase();
    expect(shouldLoadDemoData(db, { demoData: true })).toBe(true);
    expect(shouldLoadDemoData(db, { demoData: false })).toBe(false);
    // The image of a seeded database after loadDemoData (test/helpers/database-images.ts), loaded once for the run.
    const loaded = databaseFromImage('demo');
    expect(shouldLoadDemoData(loaded, { demoData: true })).toBe(false);
    clearDemoData(loaded);
    expect(shouldLoadDemoData(loaded, { demoData: true })).toBe(false);

    for (const insert of [
      (d: Db) => d.insert(reports).values({ year: 2025, state: 'FRA', receivedOn: '2025-04-01', usedReportingGuide: true }).run(),
      (d: Db) => d.insert(populationMemberships).values({ year: 2025, state: 'AFG', population: 'affected' }).run(),
      (d: Db) => d.insert(answers).values({ year: 2025, state: 'AFG', indicator: '1.1', answer: 'yes' }).run(),
      (d: Db) => d.insert(figures).values({ year: 2025, indicator: '5.3', value: 3 }).run(),
    ]) {
      const withData = seededDatabase();
      insert(withData);
      expect(shouldLoadDemoData(withData, { demoData: true })).toBe(false);
    }
  });

  test('clearing empties the data tables and releases, keeps catalogue and registry, and remembers it', () => {
    const before = catalogueAndRegistry(seededDatabase());
    // The image of a seeded database after loadDemoData (test/helpers/database-images.ts), loaded once for the run.
    const db = databaseFromImage('demo');
    const validatedPairs = tableCount(db, validations);
    const removed = clearDemoData(db, new Date('2026-02-03T04:05:06.000Z'));
    expect(removed).toEqual({ ...demoDataSizes(data), releases: 2, validations: validatedPairs });
    for (const table of [populationMemberships, reports, answers, figures, releases, validations, auditEntries]) {
      expect(tableCount(db, table)).toBe(0);
    }
    expect(catalogueAndRegistry(db)).toEqual(before);
    expect(readMeta(db, META.demoData)).toBeNull();
    expect(readMeta(db, META.demoCleared)).toBe('2026-02-03T04:05:06.000Z');
  });

  test('clearing refuses a database without demonstration data and deletes nothing', () => {
    const db = seededDatabase();
    db.insert(reports).values({ year: 2025, state: 'FRA', receivedOn: '2025-04-01', usedReportingGuide: true }).run();
    expect(() => clearDemoData(db)).toThrow(/pas de données de démonstration/);
    expect(db.select().from(reports).where(eq(reports.state, 'FRA')).all()).toHaveLength(1);
    expect(readMeta(db, META.demoCleared)).toBeNull();
  });
});
