/**
 * The engine against a naive reference written straight from docs/method.md (populations, formulas),
 * on a random dataset that nobody looked at: generated, written as the five CSV files, imported with
 * --publish semantics and read back through the HTTP API. Any State counted wrongly anywhere fails
 * the test.
 */
import request from 'supertest';
import { readCatalogue } from '../../server/domain/catalogue';
import { importFiles } from '../../server/domain/exchange/import';
import { testApp } from '../helpers/context';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Dataset {
  states: { iso3: string; party: boolean; from: string; until: string }[];
  members: { year: number; state: string; population: string }[];
  reports: { year: number; state: string; receivedOn: string; guide: boolean }[];
  answers: { year: number; state: string; indicator: string; answer: 'yes' | 'no' | '' }[];
  figures: { year: number; indicator: string; value: number; denominator: number | null }[];
}

const YEARS = [2025, 2026, 2027];
const ENTERED = ['affected', 'victims', 'article4', 'article4_late', 'article3', 'donor', 'extension_request', 'workplan_update'];

function generate(seed: number, states: string[], indicators: { code: string; kind: string; derivedFrom: string | null }[]): Dataset {
  const r = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const day = (year: number) => `${year}-${pick(['03', '04', '05'])}-${pick(['01', '15', '29', '30'])}`;
  const chosen = states.filter(() => r() < 0.35);
  const ds: Dataset = { states: [], members: [], reports: [], answers: [], figures: [] };
  for (const iso3 of chosen) {
    const roll = r();
    // Accessions and withdrawals right on and around 30 April.
    const from = roll < 0.1 ? pick(['2026-04-30', '2026-05-01', '2025-04-30']) : '';
    const until = roll > 0.92 ? pick(['2026-04-30', '2026-05-01', '2027-01-01']) : '';
    ds.states.push({ iso3, party: roll > 0.05, from, until });
  }
  const isParty = (s: Dataset['states'][number], y: number) =>
    s.party && (s.from === '' || s.from <= `${y}-04-30`) && (s.until === '' || s.until > `${y}-04-30`);
  const answerable = indicators.filter((i) => (i.kind === 'share' || i.kind === 'count') && i.derivedFrom === null);
  for (const year of YEARS.slice(0, 2 + Math.floor(r() * 2))) {
    for (const s of ds.states) {
      if (isParty(s, year)) for (const p of ENTERED) if (r() < 0.25) ds.members.push({ year, state: s.iso3, population: p });
      if (r() < 0.7) ds.reports.push({ year, state: s.iso3, receivedOn: day(year), guide: r() < 0.5 });
      for (const i of answerable) {
        const roll = r();
        if (roll < 0.55) ds.answers.push({ year, state: s.iso3, indicator: i.code, answer: roll < 0.3 ? 'yes' : roll < 0.5 ? 'no' : '' });
      }
    }
    for (const i of indicators) {
      if (i.kind === 'figure' && r() < 0.8)
        ds.figures.push({ year, indicator: i.code, value: Math.round(r() * 500) / 10, denominator: null });
      // A ratio's denominator is above 0 whatever the door (docs/method.md); the engine's guard is unit-tested.
      if (i.kind === 'ratio' && r() < 0.8)
        ds.figures.push({ year, indicator: i.code, value: Math.floor(r() * 50), denominator: 1 + Math.floor(r() * 99) });
    }
  }
  return ds;
}

function toCsv(ds: Dataset) {
  const lines = (header: string, rows: string[]) => [header, ...rows].join('\r\n');
  return [
    {
      name: 'states.csv',
      content: lines(
        'iso3;name_fr;name_en;party;party_from;party_until',
        ds.states.map((s) => `${s.iso3};Nom ${s.iso3};Name ${s.iso3};${s.party ? 'oui' : 'non'};${s.from};${s.until}`),
      ),
    },
    {
      name: 'populations.csv',
      content: lines(
        'year,state,population',
        ds.members.map((m) => `${m.year},${m.state},${m.population}`),
      ),
    },
    {
      name: 'reports.csv',
      content: lines(
        'YEAR,STATE,RECEIVED_ON,USED_REPORTING_GUIDE',
        ds.reports.map((x) => `${x.year},${x.state},${x.receivedOn},${x.guide ? 'true' : 'false'}`),
      ),
    },
    {
      name: 'answers.csv',
      content: lines(
        'year,state,indicator,answer,source,note',
        ds.answers.map((a) => `${a.year},${a.state},${a.indicator},${a.answer},"Rapport, §1",`),
      ),
    },
    {
      name: 'figures.csv',
      content: lines(
        'year;indicator;value;denominator',
        ds.figures.map((f) => `${f.year};${f.indicator};${String(f.value).replace('.', ',')};${f.denominator ?? ''}`),
      ),
    },
  ];
}

/**
 * docs/method.md#populations and docs/method.md#formulas, written as plainly as possible and
 * independently of the engine.
 */
function reference(
  ds: Dataset,
  registry: { iso3: string; party: boolean; from: string; until: string }[],
  indicator: { code: string; kind: string; population: string | null; derivedFrom: string | null },
  year: number,
  indicators: Map<string, { code: string; kind: string; population: string | null; derivedFrom: string | null }>,
): { value: number | null; numerator: number | null; denominator: number | null; answered: number | null } {
  const yearHasData = [ds.members, ds.reports, ds.answers, ds.figures].some((rows) => rows.some((x) => x.year === year));
  if (!yearHasData) return { value: null, numerator: null, denominator: null, answered: null };
  const due = `${year}-04-30`;
  // The year's rows looked up by key rather than searched for each State: the same rules, without
  // the quadratic scans that made this reference most of the test's time.
  const states = new Map(registry.map((s) => [s.iso3, s]));
  const reports = new Map(ds.reports.filter((x) => x.year === year).map((x) => [x.state, x]));
  const answers = new Map(ds.answers.filter((a) => a.year === year).map((a) => [`${a.state} ${a.indicator}`, a.answer]));
  const memberships = new Set(ds.members.filter((m) => m.year === year).map((m) => `${m.state} ${m.population}`));
  const party = (iso3: string) => {
    const s = states.get(iso3)!;
    return s.party && (s.from === '' || s.from <= due) && (s.until === '' || s.until > due);
  };
  const answerOf = (ind: { code: string; derivedFrom: string | null }, iso3: string): string | null => {
    if (ind.derivedFrom) {
      const rep = reports.get(iso3);
      if (!rep) return null;
      return (ind.derivedFrom === 'report_on_time' ? rep.receivedOn <= due : rep.guide) ? 'yes' : 'no';
    }
    return answers.get(`${iso3} ${ind.code}`) ?? null;
  };
  const population = (key: string): string[] => {
    if (key === 'party') return registry.filter((s) => party(s.iso3)).map((s) => s.iso3);
    if (key === 'non_party') return registry.filter((s) => !party(s.iso3)).map((s) => s.iso3);
    if (key === 'obligations') {
      const withObligations = new Set(['affected', 'article4', 'article3'].flatMap(population));
      return registry.map((s) => s.iso3).filter((iso3) => withObligations.has(iso3));
    }
    const yes = /^yes\((.+)\)$/.exec(key);
    if (yes) {
      const x = indicators.get(yes[1]!)!;
      return population(x.population!).filter((iso3) => answerOf(x, iso3) === 'yes');
    }
    return registry.map((s) => s.iso3).filter((iso3) => party(iso3) && memberships.has(`${iso3} ${key}`));
  };
  if (indicator.kind === 'figure' || indicator.kind === 'ratio') {
    const f = ds.figures.find((x) => x.year === year && x.indicator === indicator.code);
    if (indicator.kind === 'figure') return { value: f ? f.value : null, numerator: null, denominator: null, answered: null };
    return {
      value: f?.denominator ? (100 * f.value) / f.denominator : null,
      numerator: f?.value ?? null,
      denominator: f?.denominator ?? null,
      answered: null,
    };
  }
  const members = population(indicator.population!);
  const yes = members.filter((iso3) => answerOf(indicator, iso3) === 'yes').length;
  const answered = members.filter((iso3) => ['yes', 'no'].includes(answerOf(indicator, iso3) ?? '')).length;
  const N = members.length;
  const value = N === 0 ? null : indicator.kind === 'share' ? (100 * yes) / N : yes;
  return { value, numerator: yes, denominator: N, answered };
}

describe.each([1, 2, 3])('random dataset %i, imported as CSV, gives the reference values through the API', (seed) => {
  const { db, app } = testApp();
  const catalogue = readCatalogue(db);
  const indicators = catalogue.actions.flatMap((a) => a.indicators);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const seedRegistry = db.$client.prepare('SELECT iso3, party, party_from AS "from", party_until AS until FROM states').all() as {
    iso3: string;
    party: number;
    from: string | null;
    until: string | null;
  }[];
  const ds = generate(
    seed,
    seedRegistry.map((s) => s.iso3),
    indicators,
  );
  // Imported as on the last day of the plan, so that the datasets' later years are not in the future.
  const result = importFiles(db, toCsv(ds), { publish: true, now: new Date('2029-12-31T12:00:00Z') });

  test('the import is accepted and publishes the years it touched', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    const published = db.$client.prepare('SELECT year FROM releases ORDER BY year').all();
    expect(published.length).toBeGreaterThanOrEqual(2);
  });

  test.each(YEARS)('every indicator in %i', async (year) => {
    const registry = seedRegistry.map((s) => {
      const imported = ds.states.find((x) => x.iso3 === s.iso3);
      return imported ?? { iso3: s.iso3, party: s.party === 1, from: s.from ?? '', until: s.until ?? '' };
    });
    const { body } = await request(app).get(`/api/v1/indicators?year=${year}`).expect(200);
    const baseline = await request(app).get('/api/v1/indicators?year=2025').expect(200);
    for (const served of body.indicators) {
      const indicator = byCode.get(served.code)!;
      const expected = reference(ds, registry, indicator, year, byCode);
      const context = `${served.code} en ${year}`;
      expect({ context, ...served, value: served.value === null ? null : Number(served.value.toFixed(9)) }).toMatchObject({
        context,
        numerator: expected.numerator,
        denominator: expected.denominator,
        answered: expected.answered,
        value: expected.value === null ? null : Number(expected.value.toFixed(9)),
      });
      const base = baseline.body.indicators.find((i: { code: string }) => i.code === served.code).value;
      expect(served.delta === null ? null : Number(served.delta.toFixed(9))).toEqual(
        expected.value === null || base === null ? null : Number((expected.value - base).toFixed(9)),
      );
    }
  });
});
