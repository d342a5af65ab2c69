import type { answers, figures, populationMemberships, reports } from '../db/schema';
import { parsePopulationRef } from '../server/domain/population';
import { isPartyInYear, type RegistryState } from '../server/domain/registry';
import type { DerivedFrom, Direction, IndicatorKind, PopulationDerivation } from '../db/codes';

/**
 * Deterministic demonstration data (README, « Configuration », DEMO_DATA): a plausible but invented
 * dataset for the reporting years 2025 and 2026, so that a fresh installation shows something.
 *
 * The generator is pure: the same catalogue, registry and seed give the same rows on every run and
 * every machine. It uses its own small PRNG (no Math.random) and no date from the clock. Every random
 * draw is keyed by what it decides (« the answer of AFG to 17.1 »), so the draws do not depend on the
 * order of the loops, and adding a State or an indicator leaves the other rows as they were.
 */

export const DEMO_YEARS = [2025, 2026] as const;
export type DemoYear = (typeof DEMO_YEARS)[number];
export const DEFAULT_DEMO_SEED = 20250430;

export type DemoMembershipRow = typeof populationMemberships.$inferInsert;
export type DemoReportRow = typeof reports.$inferInsert;
export type DemoAnswerRow = typeof answers.$inferInsert;
export type DemoFigureRow = typeof figures.$inferInsert;

export interface DemoData {
  populationMemberships: DemoMembershipRow[];
  reports: DemoReportRow[];
  answers: DemoAnswerRow[];
  figures: DemoFigureRow[];
}

/** What the generator needs of an indicator; the seed's indicators and the database's both fit. */
export interface DemoIndicator {
  code: string;
  kind: IndicatorKind;
  /** A population reference as the seed writes it: « affected », « yes(15.1) »; null for figures and ratios. */
  population: string | null;
  direction: Direction;
  derivedFrom?: DerivedFrom | null;
}

/** What the generator needs of the catalogue; a `SeedCatalogue` fits. */
export interface DemoCatalogue {
  actions: readonly { number: number; section: string; indicators: readonly DemoIndicator[] }[];
  populations: readonly { key: string; derivation: PopulationDerivation }[];
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny 32-bit PRNG, identical on every platform. */
function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) determined by the seed and the key. */
type Keyed = (...key: (string | number)[]) => number;

function keyedRandom(seed: number): Keyed {
  return (...key) => {
    const next = mulberry32(fnv1a(`${seed}|${key.join('|')}`));
    next(); // the first output of a fresh state is the least mixed
    return next();
  };
}

const between = (u: number, lo: number, hi: number) => lo + (hi - lo) * u;
const intBetween = (u: number, lo: number, hi: number) => lo + Math.min(hi - lo, Math.floor(u * (hi - lo + 1)));

// ---------------------------------------------------------------------------------------------
// Who is in which entered population (real-world plausible States Parties; ISO 3166 alpha-3)

type YearLists = Record<DemoYear, readonly string[]>;
const same = (list: readonly string[]): YearLists => ({ 2025: list, 2026: list });
const withChanges = (list: readonly string[], only2025: readonly string[], only2026: readonly string[]): YearLists => ({
  2025: [...list, ...only2025],
  2026: [...list, ...only2026],
});

const AFFECTED_CORE = [
  'AFG',
  'AGO',
  'BIH',
  'KHM',
  'COL',
  'HRV',
  'IRQ',
  'UKR',
  'YEM',
  'SDN',
  'SSD',
  'TCD',
  'ZWE',
  'ETH',
  'SOM',
  'SEN',
  'THA',
  'TJK',
  'TUR',
  'SRB',
  'CYP',
  'PER',
  'ECU',
  'NER',
  'NGA',
  'MLI',
  'BFA',
  'COD',
  'ERI',
  'PSE',
];

const VICTIMS_CORE = [
  'AFG',
  'AGO',
  'BIH',
  'KHM',
  'COL',
  'HRV',
  'IRQ',
  'UKR',
  'YEM',
  'SDN',
  'SSD',
  'TCD',
  'ZWE',
  'ETH',
  'SOM',
  'SEN',
  'THA',
  'TJK',
  'SRB',
  'PER',
  'ALB',
  'SLV',
  'NIC',
  'UGA',
  'MOZ',
];

const ARTICLE3_CORE = [
  'ARG',
  'AUS',
  'BGD',
  'BLR',
  'BEL',
  'BEN',
  'BIH',
  'BWA',
  'BRA',
  'BGR',
  'BFA',
  'CMR',
  'CAN',
  'CPV',
  'CHL',
  'COL',
  'HRV',
  'CYP',
  'CZE',
  'DNK',
  'DJI',
  'ECU',
  'ERI',
  'FRA',
  'DEU',
  'GRC',
  'HND',
  'IDN',
  'IRL',
  'ITA',
  'JPN',
  'JOR',
  'KEN',
  'MLI',
  'MOZ',
  'NAM',
  'NLD',
  'NIC',
  'NER',
  'NGA',
  'OMN',
  'PER',
  'PRT',
  'ROU',
  'RWA',
  'SEN',
  'SRB',
  'ZAF',
  'ESP',
  'SDN',
  'SWE',
  'TZA',
  'THA',
  'TGO',
  'TUN',
  'TUR',
  'UGA',
  'UKR',
  'GBR',
  'VEN',
];

const DONOR_CORE = [
  'DEU',
  'NOR',
  'GBR',
  'FRA',
  'JPN',
  'CAN',
  'AUS',
  'NLD',
  'CHE',
  'SWE',
  'DNK',
  'FIN',
  'BEL',
  'IRL',
  'ITA',
  'ESP',
  'AUT',
  'LUX',
  'NZL',
  'CZE',
  'POL',
  'SVK',
  'SVN',
  'EST',
  'LTU',
  'PRT',
  'ISL',
  'HUN',
  'QAT',
  'KWT',
];

/** Entered populations, per year. Kept mostly stable, with one or two changes from 2025 to 2026. */
const ENTERED: Record<string, YearLists> = {
  // Mauritania declares completion during 2025; Cameroon reports newly mined areas in 2026.
  affected: withChanges(AFFECTED_CORE, ['MRT'], ['CMR']),
  victims: withChanges(VICTIMS_CORE, [], ['BDI']),
  // Sri Lanka completes the destruction of its stockpile in 2025.
  article4: withChanges(['UKR', 'GRC', 'TUV', 'SSD'], ['LKA'], []),
  article4_late: same(['UKR', 'GRC']),
  article3: withChanges(ARTICLE3_CORE, ['LTU'], ['ZMB']),
  donor: withChanges(DONOR_CORE, [], ['MLT']),
  extension_request: { 2025: ['BIH', 'ETH', 'SDN', 'TCD'], 2026: ['AFG', 'IRQ', 'SEN', 'YEM', 'CYP'] },
  workplan_update: { 2025: ['AGO', 'TJK', 'ZWE'], 2026: ['BIH', 'TCD', 'THA'] },
};

/** Populations that must stay within another one the same year. */
const SUBSET_OF: Record<string, string> = {
  article4_late: 'article4',
  extension_request: 'affected',
  workplan_update: 'affected',
};

/** The union population `obligations` (docs/method.md#obligations). */
const OBLIGATIONS_OF = ['affected', 'article4', 'article3'];

/** States with obligations that send no report in either year (Action 47's early warning fires for them). */
const CHRONIC_NON_REPORTERS = ['ERI', 'DJI'];

/** States not party that send a voluntary Article 7 report (11.3). */
const VOLUNTARY_REPORTERS: YearLists = { 2025: ['MAR', 'AZE'], 2026: ['MAR', 'LAO', 'MNG'] };

/** States not party that take part in the Convention's meetings and speak there (11.4, 12.1). */
const NON_PARTY_OBSERVERS = ['MAR', 'MNG', 'LAO', 'SGP', 'KOR', 'USA', 'AZE', 'GEO', 'ARE', 'VNM', 'KAZ'];

/** Findings of the Committee on Cooperative Compliance (46.1: direction down). */
const COMPLIANCE_CONCERNS: YearLists = { 2025: ['UKR', 'YEM', 'SDN'], 2026: ['UKR', 'YEM'] };

/**
 * Indicators whose yes-answers are chosen rather than drawn, because their populations are tiny:
 * the other States of the population that answer say no.
 */
const CHOSEN_YES: Record<string, YearLists> = {
  // Affected States declaring completion of their Article 5 obligations.
  '24.1': { 2025: ['MRT'], 2026: ['PER', 'SRB'] },
  // States of compliance concern that informed all States Parties of the steps taken.
  '46.2': { 2025: ['UKR'], 2026: ['UKR', 'YEM'] },
};

// ---------------------------------------------------------------------------------------------
// How often States say yes

interface RatePlan {
  /** Yes-rate among the answers, 2025, drawn in this range. */
  base: [number, number];
  /** For donor-weighted indicators (assistance given): the yes-rate of States not in `donor`. */
  others?: [number, number];
}

const DEFAULT_RATE: Record<string, [number, number]> = {
  party: [0.3, 0.6],
  affected: [0.35, 0.75],
  victims: [0.35, 0.7],
  article4: [0.4, 0.8],
  article4_late: [0.3, 0.6],
  article3: [0.45, 0.8],
  donor: [0.5, 0.8],
  extension_request: [0.5, 0.85],
  workplan_update: [0.5, 0.85],
  obligations: [0.75, 0.9],
  yes: [0.45, 0.75],
  non_party: [0.3, 0.6],
};

const RATE_PLANS: Record<string, RatePlan> = {
  // Assistance given: mostly States in a position to provide it.
  '7.1': { base: [0.55, 0.8], others: [0.02, 0.06] },
  '7.2': { base: [0.45, 0.7], others: [0.02, 0.05] },
  '10.2': { base: [0.6, 0.85], others: [0.03, 0.08] },
  '11.1': { base: [0.5, 0.75], others: [0.05, 0.12] },
  '43.1': { base: [0.55, 0.8], others: [0.005, 0.015] },
  '43.2': { base: [0.4, 0.65], others: [0.005, 0.015] },
  '43.3': { base: [0.45, 0.7], others: [0.005, 0.015] },
  '43.4': { base: [0.2, 0.4], others: [0.0, 0.01] },
  '43.5': { base: [0.2, 0.4], others: [0.005, 0.015] },
  '43.6': { base: [0.15, 0.35], others: [0.005, 0.015] },
  '45.1': { base: [0.35, 0.55], others: [0.05, 0.12] },
  '45.2': { base: [0.25, 0.45], others: [0.03, 0.08] },
  // Other indicators over all States Parties.
  '10.1': { base: [0.3, 0.45] },
  '35.3': { base: [0.08, 0.18] },
  '40.4': { base: [0.1, 0.22] },
  '48': { base: [0.55, 0.7] },
  '15.1': { base: [0.01, 0.02] },
  '41.3': { base: [0.1, 0.25] },
  '11.4': { base: [0.6, 0.8] },
  '12.1': { base: [0.3, 0.45] },
};

/** Share of reporting States that leave a question out entirely (no row), and that leave it blank. */
const MISSING_RATE = 0.08;
const BLANK_RATE = 0.04;
/** Chance that a State without a report still has an answer (a statement at a meeting). */
const OFF_REPORT_RATE = 0.02;
const NOTE_RATE = 0.04;

const NOTES = [
  'Réponse fondée sur les données de l’année précédente.',
  'Information confirmée par le point de contact national.',
  'Précisé lors de la réunion intersessions.',
  'Le rapport renvoie à la stratégie nationale en vigueur.',
  'Mesures en cours d’adoption.',
  'Données partielles : certaines régions ne sont pas couvertes.',
  'Réponse à confirmer dans le prochain rapport.',
];
const BLANK_NOTE = 'Question laissée sans réponse dans le rapport.';

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9 };

const reportSource = (year: number, section: string) =>
  `Rapport au titre de l’article 7 (${year})${ROMAN[section] ? `, section ${ROMAN[section]}` : ''}`;
const COMMITTEE_SOURCE = 'Constatations du Comité sur le respect des obligations';
const MEETING_RECORD_SOURCE = 'Compte rendu de la réunion intersessions';
const MEETING_STATEMENT_SOURCE = 'Déclaration à la réunion intersessions';
const voluntaryReportSource = (year: number) => `Rapport volontaire au titre de l’article 7 (${year})`;

// ---------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A day between `from` and `to` (inclusive, `[month, day]`), skewed towards `to` when `skew` > 1. */
function dayBetween(year: number, from: [number, number], to: [number, number], u: number, skew = 1): string {
  const start = Date.UTC(year, from[0] - 1, from[1]);
  const end = Date.UTC(year, to[0] - 1, to[1]);
  const days = Math.round((end - start) / DAY);
  return isoDay(start + Math.min(days, Math.floor(Math.pow(u, 1 / skew) * (days + 1))) * DAY);
}

// ---------------------------------------------------------------------------------------------
// The generator

/**
 * Generates the demonstration rows for the memberships, reports, answers and figures of 2025 and
 * 2026 from the catalogue (indicator kinds and populations) and the registry (who is party when).
 * Every row satisfies the database's checks and triggers for that catalogue and registry.
 */
export function generateDemoData(catalogue: DemoCatalogue, registry: readonly RegistryState[], seed: number = DEFAULT_DEMO_SEED): DemoData {
  const rand = keyedRandom(seed);
  const byIso = new Map(registry.map((s) => [s.iso3, s]));
  const partyIn = (iso3: string, year: number) => {
    const s = byIso.get(iso3);
    return s !== undefined && isPartyInYear(s, year);
  };
  const enteredKeys = new Set(catalogue.populations.filter((p) => p.derivation === 'entered').map((p) => p.key));
  const sortedIso = [...byIso.keys()].sort();

  const data: DemoData = { populationMemberships: [], reports: [], answers: [], figures: [] };

  for (const year of DEMO_YEARS) {
    const parties = sortedIso.filter((iso3) => partyIn(iso3, year));
    const nonParties = sortedIso.filter((iso3) => !partyIn(iso3, year));

    // Entered populations: listed States that exist and are party that year, kept inside their parent.
    const entered = new Map<string, Set<string>>();
    const order = Object.keys(ENTERED).sort((a, b) => Number(a in SUBSET_OF) - Number(b in SUBSET_OF));
    for (const key of order) {
      const parent = SUBSET_OF[key];
      const members = new Set(
        (ENTERED[key]?.[year] ?? []).filter(
          (iso3) => partyIn(iso3, year) && (parent === undefined || entered.get(parent)?.has(iso3) === true),
        ),
      );
      entered.set(key, members);
    }
    for (const key of [...entered.keys()].sort()) {
      if (!enteredKeys.has(key)) continue;
      for (const state of [...(entered.get(key) ?? [])].sort()) {
        data.populationMemberships.push({ year, state, population: key });
      }
    }
    const members = (key: string) => (enteredKeys.has(key) ? (entered.get(key) ?? new Set<string>()) : new Set<string>());
    const donors = members('donor');

    // Reports: a stable « diligence » per State decides who reports, and who reports on time; donors rarely miss.
    const reportRate = year === 2025 ? between(rand('report-rate', year), 0.85, 0.87) : between(rand('report-rate', year), 0.87, 0.9);
    const onTimeRate = year === 2025 ? between(rand('on-time', year), 0.56, 0.6) : between(rand('on-time', year), 0.6, 0.64);
    const guideRate = year === 2025 ? 0.47 : 0.53;
    const ranked = parties
      .map((iso3) => ({
        iso3,
        score: CHRONIC_NON_REPORTERS.includes(iso3)
          ? -1
          : 0.8 * rand('diligence', iso3) + 0.2 * rand('diligence', iso3, year) + (donors.has(iso3) ? 0.25 : 0),
      }))
      .sort((a, b) => b.score - a.score || a.iso3.localeCompare(b.iso3));
    const reporting = Math.min(ranked.filter((r) => r.score >= 0).length, Math.round(parties.length * reportRate));
    const onTime = Math.min(reporting, Math.round(parties.length * onTimeRate));
    const reported = new Set<string>();
    ranked.slice(0, reporting).forEach(({ iso3 }, i) => {
      reported.add(iso3);
      const receivedOn =
        i < onTime
          ? dayBetween(year, [1, 15], [4, 30], rand('received', year, iso3), 2)
          : dayBetween(year, [5, 1], [11, 30], rand('received', year, iso3), 0.6);
      data.reports.push({ year, state: iso3, receivedOn, usedReportingGuide: rand('guide', iso3) < guideRate });
    });
    const voluntary = (VOLUNTARY_REPORTERS[year] ?? []).filter((iso3) => byIso.has(iso3) && !partyIn(iso3, year));
    for (const iso3 of voluntary) {
      reported.add(iso3);
      data.reports.push({
        year,
        state: iso3,
        receivedOn: dayBetween(year, [3, 1], [9, 30], rand('received', year, iso3)),
        usedReportingGuide: rand('guide', iso3) < 0.5,
      });
    }
    data.reports.sort((a, b) => a.year - b.year || a.state.localeCompare(b.state));

    // Answers, indicator by indicator; yes(X) populations wait for X.
    const yesTo = new Map<string, Set<string>>();
    const answerable = catalogue.actions.flatMap((a) =>
      a.indicators
        .filter((i) => (i.kind === 'share' || i.kind === 'count') && !i.derivedFrom && i.population !== null)
        .map((indicator) => ({ indicator, section: a.section, ref: parsePopulationRef(indicator.population ?? '') })),
    );
    const pending = answerable.filter((a) => a.ref !== null);
    const yearAnswers: DemoAnswerRow[] = [];
    while (pending.length > 0) {
      const index = pending.findIndex((a) => a.ref?.key !== 'yes' || a.ref.of === null || yesTo.has(a.ref.of));
      if (index < 0) break; // yes(X) of an indicator that is not answerable: no population, no answers
      const [{ indicator, section, ref }] = pending.splice(index, 1) as [(typeof pending)[number]];
      if (ref === null) continue;
      const population = (() => {
        switch (ref.key) {
          case 'party':
            return parties;
          case 'non_party':
            return nonParties;
          case 'obligations':
            return [...new Set(OBLIGATIONS_OF.flatMap((k) => [...members(k)]))].sort();
          case 'yes':
            return [...(yesTo.get(ref.of ?? '') ?? [])].sort();
          default:
            return [...members(ref.key)].sort();
        }
      })();
      const rows = answersFor(indicator, section, ref.key, population, year, { rand, reported, donors, voluntary });
      yesTo.set(indicator.code, new Set(rows.filter((r) => r.answer === 'yes').map((r) => r.state)));
      yearAnswers.push(...rows);
    }
    const position = new Map(answerable.map((a, i) => [a.indicator.code, i]));
    yearAnswers.sort((a, b) => (position.get(a.indicator) ?? 0) - (position.get(b.indicator) ?? 0) || a.state.localeCompare(b.state));
    data.answers.push(...yearAnswers);

    // Figures and ratios.
    for (const action of catalogue.actions) {
      for (const indicator of action.indicators) {
        if (indicator.kind === 'figure')
          data.figures.push({ year, indicator: indicator.code, value: figureValue(indicator.code, year, rand), denominator: null });
        if (indicator.kind === 'ratio') data.figures.push({ year, indicator: indicator.code, ...ratioValue(indicator.code, year, rand) });
      }
    }
  }
  return data;
}

interface AnswerContext {
  rand: Keyed;
  reported: Set<string>;
  donors: Set<string>;
  voluntary: string[];
}

/** The yes-rate of an indicator among answers in a year: better in 2026, by the indicator's direction. */
function yesRate(
  code: string,
  populationKey: string,
  direction: DemoIndicator['direction'],
  year: number,
  rand: Keyed,
  /** For donor-weighted indicators: whether the State is a donor. */
  donor: boolean,
): number {
  const plan = RATE_PLANS[code];
  const others = plan?.others !== undefined && !donor;
  const range = (others ? plan?.others : plan?.base) ?? DEFAULT_RATE[populationKey] ?? [0.3, 0.6];
  const base = between(rand('rate', code, others ? 'other' : 'base'), range[0], range[1]);
  if (year === 2025 || direction === 'neutral') return base;
  // 3 to 8 points better in the value, which counts States without an answer too: a little more here.
  const gain = between(rand('gain', code), 0.04, 0.1) * (range[1] < 0.1 ? 0.2 : 1);
  return Math.min(0.97, Math.max(0, direction === 'down' ? base - gain : base + gain));
}

function answersFor(
  indicator: DemoIndicator,
  section: string,
  populationKey: string,
  population: readonly string[],
  year: number,
  { rand, reported, donors, voluntary }: AnswerContext,
): DemoAnswerRow[] {
  const code = indicator.code;
  const rows: DemoAnswerRow[] = [];
  const note = (state: string) => {
    const u = rand('note', year, state, code);
    return u < NOTE_RATE ? (NOTES[Math.floor((u / NOTE_RATE) * NOTES.length)] ?? null) : null;
  };

  // Committee findings: only the States of concern are listed.
  if (code === '46.1') {
    const inPopulation = new Set(population);
    for (const state of COMPLIANCE_CONCERNS[year as DemoYear] ?? []) {
      if (inPopulation.has(state)) rows.push({ year, state, indicator: code, answer: 'yes', source: COMMITTEE_SOURCE, note: null });
    }
    return rows;
  }
  // Voluntary reports from States not party.
  if (code === '11.3') {
    const inPopulation = new Set(population);
    for (const state of voluntary) {
      if (inPopulation.has(state))
        rows.push({ year, state, indicator: code, answer: 'yes', source: voluntaryReportSource(year), note: null });
    }
    return rows;
  }

  const chosen = CHOSEN_YES[code]?.[year as DemoYear];
  for (const state of population) {
    let source: string;
    if (chosen?.includes(state)) {
      source = code === '46.2' ? COMMITTEE_SOURCE : reported.has(state) ? reportSource(year, section) : MEETING_STATEMENT_SOURCE;
      rows.push({ year, state, indicator: code, answer: 'yes', source, note: null });
      continue;
    }
    if (populationKey === 'non_party') {
      // Only the handful of States not party that follow the Convention's work say anything.
      if (!NON_PARTY_OBSERVERS.includes(state)) continue;
      if (rand('answered', year, state, code) < 0.15) continue;
      source = code === '11.4' ? MEETING_RECORD_SOURCE : MEETING_STATEMENT_SOURCE;
    } else if (populationKey === 'yes' && code === '46.2') {
      source = COMMITTEE_SOURCE;
    } else if (reported.has(state)) {
      // The questions a State leaves out are much the same from one year to the next.
      if (rand('answered', state, code) < MISSING_RATE) continue;
      source = reportSource(year, section);
    } else {
      if (rand('off-report', year, state, code) >= OFF_REPORT_RATE) continue;
      source = MEETING_STATEMENT_SOURCE;
    }
    const blank = populationKey !== 'non_party' && rand('blank', year, state, code) < BLANK_RATE;
    const rate = yesRate(code, populationKey, indicator.direction, year, rand, donors.has(state));
    // The State's propensity for this indicator does not depend on the year: yes stays yes when the rate rises.
    const answer = blank ? 'blank' : chosen === undefined && rand('propensity', state, code) < rate ? 'yes' : 'no';
    const stateNote = answer === 'blank' ? (rand('blank-note', year, state, code) < 0.5 ? BLANK_NOTE : null) : note(state);
    rows.push({ year, state, indicator: code, answer, source, note: stateNote });
  }
  return rows;
}

/** Plausible recorded numbers: 5.3, 11.2, 12.2, and a default for any other figure. */
function figureValue(code: string, year: number, rand: Keyed): number {
  const grow = (lo: number, hi: number, stepLo: number, stepHi: number) => {
    const base = intBetween(rand('figure', code, 2025), lo, hi);
    return year === 2025 ? base : base + intBetween(rand('figure', code, year), stepLo, stepHi);
  };
  switch (code) {
    case '5.3': // victims and survivors' organisations at the Convention's meetings
      return grow(14, 20, 2, 6);
    case '11.2': // new ratifications or accessions
      return year === 2025 ? 0 : 1;
    case '12.2': // votes for the UN General Assembly resolution
      return grow(155, 163, 1, 5);
    default:
      return grow(10, 40, 0, 5);
  }
}

/** Plausible ratios: 5.4 (women among the participants of the Convention's meetings). */
function ratioValue(code: string, year: number, rand: Keyed): { value: number; denominator: number } {
  const denominator = intBetween(rand('ratio-denominator', code, year), 560, 690);
  const share = between(rand('ratio-share', code), 0.38, 0.42) + (year === 2025 ? 0 : between(rand('ratio-gain', code), 0.02, 0.04));
  return { value: Math.round(denominator * share), denominator };
}

/** Counts of a dataset, for messages and tests. */
export function demoDataSizes(data: DemoData) {
  return {
    populationMemberships: data.populationMemberships.length,
    reports: data.reports.length,
    answers: data.answers.length,
    figures: data.figures.length,
  };
}
