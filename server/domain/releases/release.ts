import { isPartyInYear, type RegistryState } from '../registry';
import { pairKey } from '../review';
import type { EngineSnapshot } from '../engine/engine';
import type { EngineData, EngineIndicator } from '../engine/types';
import { DATA_KINDS, EXCHANGE_KINDS, pickColumns, rowKey, sortByKey, type DataKeys, type ExchangeKind, type KindData } from '../data-kinds';
import { compareText } from '../compare';

/**
 * A reporting year as the public sees it, frozen at publication: its populations, validated reports
 * and answers, figures, and the registry of that day (which decides who was party).
 */
export type ReleaseData = { year: number } & KindData;

/** An indicator's value in the released year, as computed at publication. */
export interface ReleaseValue {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  answered: number | null;
}

/** A kind of row in a release, named as ReleaseData names it (stored in `releases.changes`). */
export type ReleaseRowKind = DataKeys[ExchangeKind];

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
  const isValidated = (row: object) => {
    const { year, state } = row as { year: number; state: string };
    return validated.has(pairKey(year, state));
  };
  const frozen = Object.fromEntries(
    EXCHANGE_KINDS.map((kind) => {
      const { dataKey } = DATA_KINDS[kind];
      const rows = (data[dataKey] as object[]).filter(
        // The registry is frozen whole; reports and answers only once validated.
        (row) => kind === 'states' || ((row as { year: number }).year === year && (!REVIEWED.includes(kind) || isValidated(row))),
      );
      return [dataKey, sortByKey(kind, rows, compareText).map((row) => pickColumns(kind, row as never))];
    }),
  ) as KindData;
  return { year, ...frozen };
}

/** The kinds a (year, State) validation covers (docs/method.md#review). */
const REVIEWED: readonly ExchangeKind[] = ['reports', 'answers'];

export const sameReleaseData = (a: ReleaseData, b: ReleaseData) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a year holds anything to publish: a row of any kind but the registry. */
export const hasReleaseContent = (data: ReleaseData) =>
  EXCHANGE_KINDS.some((kind) => kind !== 'states' && data[DATA_KINDS[kind].dataKey].length > 0);

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
  const rows = Object.fromEntries(
    EXCHANGE_KINDS.filter((k) => k !== 'states').map((kind) => {
      const { dataKey } = DATA_KINDS[kind];
      return [dataKey, latest.flatMap((r) => r.data[dataKey] as object[])];
    }),
  ) as Omit<KindData, 'states'>;
  return { indicators, states: [...states.values()].sort((a, b) => compareText(a.iso3, b.iso3)), parties, ...rows };
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
  // Within one year, rows are matched by their key without the year.
  const rows = EXCHANGE_KINDS.map((kind) => {
    const { dataKey } = DATA_KINDS[kind];
    return { kind: dataKey, ...rowChanges<object>(a[dataKey], b[dataKey], (row) => rowKey(kind, row, true)) };
  }).filter((r) => r.added + r.changed + r.removed > 0);
  return { values, rows };
}

/** The published years whose data, as it stands, differs from their latest release: a revision is due. */
export function unreleasedYears(
  data: Omit<EngineData, 'indicators'>,
  validated: Pick<ReadonlySet<string>, 'has'>,
  latest: Release[],
): Set<number> {
  return new Set(latest.filter((r) => !sameReleaseData(r.data, freezeYear(data, r.year, validated))).map((r) => r.year));
}

/** The latest release of a year, or null. */
export const latestRelease = (history: ReleaseHistory, year: number): ReleaseInfo | null => history.get(year)?.at(-1) ?? null;
