import { isPartyInYear, type RegistryState } from '../registry';
import { pairKey } from '../review';
import type { EngineSnapshot } from '../engine/engine';
import type { Answer, EngineData, EngineIndicator, Figure, Membership, Report } from '../engine/types';

/**
 * A reporting year as the public sees it, frozen at publication: its populations, validated reports
 * and answers, figures, and the registry of that day (which decides who was party).
 */
export interface ReleaseData {
  year: number;
  states: RegistryState[];
  memberships: Membership[];
  reports: Report[];
  answers: Answer[];
  figures: Figure[];
}

/** An indicator's value in the released year, as computed at publication. */
export interface ReleaseValue {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  answered: number | null;
}

export type ReleaseRowKind = 'states' | 'memberships' | 'reports' | 'answers' | 'figures';

/** What a revision changed since the previous one. */
export interface ReleaseChanges {
  /** Indicators whose value, n or N moved. */
  values: { code: string; before: ReleaseValue; after: ReleaseValue }[];
  /** Rows added, changed or removed, by kind; kinds without change are left out. */
  rows: { kind: ReleaseRowKind; added: number; changed: number; removed: number }[];
}

/** A release without its data: what lists and notices need. */
export interface ReleaseInfo {
  id: number;
  year: number;
  revision: number;
  publishedAt: string;
  note: string | null;
  values: ReleaseValue[];
  changes: ReleaseChanges | null;
}

export interface Release extends ReleaseInfo {
  data: ReleaseData;
}

/** The releases of each year, oldest revision first. */
export type ReleaseHistory = Map<number, ReleaseInfo[]>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The year's data as it will be frozen: reports and answers of validated reports only, every row
 * sorted, so that two freezes of unchanged data give the same JSON.
 */
export function freezeYear(
  data: Omit<EngineData, 'indicators'>,
  year: number,
  /** The validated (year, State) reports, by `pairKey`. */
  validated: Pick<ReadonlySet<string>, 'has'>,
): ReleaseData {
  const ofYear = <T extends { year: number }>(rows: T[]) => rows.filter((r) => r.year === year);
  const isValidated = (row: { year: number; state: string }) => validated.has(pairKey(row.year, row.state));
  return {
    year,
    states: [...data.states]
      .map(({ iso3, nameFr, nameEn, party, partyFrom, partyUntil }) => ({ iso3, nameFr, nameEn, party, partyFrom, partyUntil }))
      .sort((a, b) => byText(a.iso3, b.iso3)),
    memberships: ofYear(data.memberships)
      .map(({ year, state, population }) => ({ year, state, population }))
      .sort((a, b) => byText(a.state, b.state) || byText(a.population, b.population)),
    reports: ofYear(data.reports)
      .filter(isValidated)
      .map(({ year, state, receivedOn, usedReportingGuide }) => ({ year, state, receivedOn, usedReportingGuide }))
      .sort((a, b) => byText(a.state, b.state)),
    answers: ofYear(data.answers)
      .filter(isValidated)
      .map(({ year, state, indicator, answer, source, note }) => ({ year, state, indicator, answer, source, note }))
      .sort((a, b) => byText(a.state, b.state) || byText(a.indicator, b.indicator)),
    figures: ofYear(data.figures)
      .map(({ year, indicator, value, denominator }) => ({ year, indicator, value, denominator }))
      .sort((a, b) => byText(a.indicator, b.indicator)),
  };
}

export const sameReleaseData = (a: ReleaseData, b: ReleaseData) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a year holds anything to publish. */
export const hasReleaseContent = (data: ReleaseData) =>
  data.memberships.length + data.reports.length + data.answers.length + data.figures.length > 0;

/**
 * What the engine reads for the public: the latest release of each year, each with the registry it
 * was published with (so a later registry correction does not move a published year's States
 * Parties). Names come from the most recent release; before any release, from `registry`.
 */
export function releasedEngineData(
  indicators: EngineIndicator[],
  latest: { id: number; data: ReleaseData }[],
  registry: RegistryState[] = [],
): EngineData {
  const newestFirst = [...latest].sort((a, b) => b.id - a.id);
  const states = new Map<string, RegistryState>(latest.length === 0 ? registry.map((s) => [s.iso3, s]) : []);
  for (const release of newestFirst) for (const s of release.data.states) if (!states.has(s.iso3)) states.set(s.iso3, s);
  const parties = new Map<number, ReadonlySet<string>>();
  for (const { data } of latest) {
    parties.set(data.year, new Set(data.states.filter((s) => isPartyInYear(s, data.year)).map((s) => s.iso3)));
  }
  return {
    indicators,
    states: [...states.values()].sort((a, b) => byText(a.iso3, b.iso3)),
    parties,
    memberships: latest.flatMap((r) => r.data.memberships),
    reports: latest.flatMap((r) => r.data.reports),
    answers: latest.flatMap((r) => r.data.answers),
    figures: latest.flatMap((r) => r.data.figures),
  };
}

/** The values of every indicator in `year`, as the engine computes them. */
export function releaseValues(engine: EngineSnapshot, year: number): ReleaseValue[] {
  return [...engine.year(year).indicators.values()].map(({ code, value, numerator, denominator, answered }) => ({
    code,
    value,
    numerator,
    denominator,
    answered,
  }));
}

/** How the rows of one kind moved between two freezes, matched by their key. */
function rowChanges<T>(before: T[], after: T[], key: (row: T) => string) {
  const old = new Map(before.map((r) => [key(r), JSON.stringify(r)]));
  let added = 0;
  let changed = 0;
  for (const row of after) {
    const previous = old.get(key(row));
    if (previous === undefined) added++;
    else if (previous !== JSON.stringify(row)) changed++;
    old.delete(key(row));
  }
  return { added, changed, removed: old.size };
}

/** What a revision changes since the previous release of its year. */
export function releaseChanges(
  previous: { data: ReleaseData; values: ReleaseValue[] },
  next: { data: ReleaseData; values: ReleaseValue[] },
): ReleaseChanges {
  const before = new Map(previous.values.map((v) => [v.code, v]));
  const values = next.values.flatMap((after) => {
    const old = before.get(after.code);
    if (!old) return [];
    const moved = old.value !== after.value || old.numerator !== after.numerator || old.denominator !== after.denominator;
    return moved ? [{ code: after.code, before: old, after }] : [];
  });
  const { data: a } = previous;
  const { data: b } = next;
  const rows = [
    { kind: 'states' as const, ...rowChanges(a.states, b.states, (s) => s.iso3) },
    { kind: 'memberships' as const, ...rowChanges(a.memberships, b.memberships, (m) => `${m.state}:${m.population}`) },
    { kind: 'reports' as const, ...rowChanges(a.reports, b.reports, (r) => r.state) },
    { kind: 'answers' as const, ...rowChanges(a.answers, b.answers, (r) => `${r.state}:${r.indicator}`) },
    { kind: 'figures' as const, ...rowChanges(a.figures, b.figures, (f) => f.indicator) },
  ].filter((r) => r.added + r.changed + r.removed > 0);
  return { values, rows };
}

/** The published years whose data, as it stands, differs from their latest release: a revision is due. */
export function unreleasedYears(data: Omit<EngineData, 'indicators'>, validated: Pick<ReadonlySet<string>, 'has'>, latest: Release[]): Set<number> {
  return new Set(latest.filter((r) => !sameReleaseData(r.data, freezeYear(data, r.year, validated))).map((r) => r.year));
}

/** The latest release of a year, or null. */
export const latestRelease = (history: ReleaseHistory, year: number): ReleaseInfo | null => history.get(year)?.at(-1) ?? null;
