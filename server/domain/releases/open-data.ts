import type { Catalogue } from '../catalogue';
import { progress } from '../engine/progress';
import { BASELINE_YEAR, type IndicatorValue, type LikeForLike, type Progress } from '../engine/types';
import { toCsv, type Cell } from '../exchange/csv-write';
import { compareCodes, compareText } from '../compare';
import { stateName } from '../state-names';
import { exchangeFiles, type ExportFile } from '../exchange/export';
import { EngineSnapshot } from '../engine/engine';
import { engineIndicators } from '../stored-data';
import { releasedEngineData, type Release, type ReleaseHistory, type ReleaseInfo } from './release';

/**
 * The open-data files (/donnees/): what the public may see, read from releases only — the latest
 * release of each year, or one given revision — never from the live tables.
 */

/** An indicator's value in a year and its progress: the columns every values file shares, in this order. */
const VALUE_COLUMNS = [
  'value',
  'numerator',
  'denominator',
  'answered',
  'baseline',
  'delta',
  'status',
  'projection2029',
  'progress',
] as const;
/** A share's like-for-like change (docs/method.md#like-for-like), flattened; blank for other kinds and for 2025. */
const LIKE_FOR_LIKE_COLUMNS = [
  'cohort_denominator',
  'cohort_numerator_2025',
  'cohort_numerator',
  'cohort_delta',
  'states_entered',
  'states_left',
] as const;
const RELEASE_COLUMNS = ['published_at', 'revision'] as const;

/** Columns of indicateurs.csv and of the rows of indicateurs.json. */
export const INDICATOR_COLUMNS = [
  'year',
  'indicator',
  'action',
  'section',
  'kind',
  'population',
  'direction',
  ...VALUE_COLUMNS,
  ...LIKE_FOR_LIKE_COLUMNS,
  ...RELEASE_COLUMNS,
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];
export type IndicatorRow = Record<IndicatorColumn, string | number | null>;

/** The columns of /indicators/CODE/donnees.csv: a subset of indicateurs.csv's, with the same names. */
export const PER_INDICATOR_COLUMNS = [
  'indicator',
  'year',
  ...VALUE_COLUMNS,
  ...LIKE_FOR_LIKE_COLUMNS,
  ...RELEASE_COLUMNS,
] as const satisfies readonly IndicatorColumn[];

/** The value columns of a year's value and its progress (the API adds the target to the same fields). */
export function valueCells(v: Pick<IndicatorValue, 'value' | 'numerator' | 'denominator' | 'answered'>, p: Progress) {
  return {
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    answered: v.answered,
    baseline: p.baseline,
    delta: p.delta,
    status: p.status,
    projection2029: p.projection2029,
    progress: p.progress,
  } satisfies Record<(typeof VALUE_COLUMNS)[number], unknown>;
}

/** The like-for-like columns; the lists of States as ISO codes separated by spaces. */
export function likeForLikeCells(l: LikeForLike | null) {
  return {
    cohort_denominator: l?.denominator ?? null,
    cohort_numerator_2025: l?.numerator2025 ?? null,
    cohort_numerator: l?.numerator ?? null,
    cohort_delta: l?.delta ?? null,
    // An empty list is an empty cell, as in the CSV (a spreadsheet cell holds no empty text).
    states_entered: l?.entered.length ? l.entered.join(' ') : null,
    states_left: l?.left.length ? l.left.join(' ') : null,
  } satisfies Record<(typeof LIKE_FOR_LIKE_COLUMNS)[number], unknown>;
}

/** The release columns: when a year's values were published, and which revision. */
export const releaseCells = (release: Pick<ReleaseInfo, 'publishedAt' | 'revision'> | null) => ({
  published_at: release?.publishedAt ?? null,
  revision: release?.revision ?? null,
});

/**
 * Columns of reponses.csv. The State's name is a text column per language (docs/i18n.md#files):
 * `state_name` (French, as before), then `state_name_en` and `state_name_es`.
 */
export const ANSWER_COLUMNS = [
  'year',
  'state',
  'state_name',
  'state_name_en',
  'state_name_es',
  'indicator',
  'answer',
  'source',
  'note',
  'published_at',
  'revision',
] as const;
export type AnswerColumn = (typeof ANSWER_COLUMNS)[number];
export type AnswerRow = Record<AnswerColumn, string | number | null>;

export const LICENCE = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  shortName: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.fr',
} as const;

/** The latest release of each published year, oldest year first. */
export function latestOfEachYear(history: ReleaseHistory): ReleaseInfo[] {
  return [...history.values()]
    .map((revisions) => revisions.at(-1))
    .filter((r): r is ReleaseInfo => r !== undefined)
    .sort((a, b) => a.year - b.year);
}

/** The most recent publication among `releases` (ISO timestamp), or null when there is none. */
export function lastPublishedAt(releases: Pick<ReleaseInfo, 'publishedAt'>[]): string | null {
  return releases.reduce<string | null>((last, r) => (last === null || r.publishedAt > last ? r.publishedAt : last), null);
}

/**
 * The baseline release the public saw beside `release` when it was published: the latest 2025
 * revision published no later than it (ids only grow). With `release` null: the latest 2025 revision.
 */
export function baselineReleaseFor(history: ReleaseHistory, release: ReleaseInfo | null): ReleaseInfo | null {
  const baselines = (history.get(BASELINE_YEAR) ?? []).filter((r) => release === null || r.id <= release.id);
  return baselines.at(-1) ?? null;
}

/** A share's like-for-like change in a released year, by indicator code (null where there is none). */
export type LikeForLikeOf = (code: string) => LikeForLike | null;

/**
 * One row per indicator of the catalogue for a released year: the values frozen at publication, and
 * their progress against the 2025 values of `baseline` (as the engine computes it for the API).
 */
export function indicatorRows(
  catalogue: Catalogue,
  release: ReleaseInfo,
  baseline: ReleaseInfo | null,
  likeForLikeOf: LikeForLikeOf,
): IndicatorRow[] {
  const values = new Map(release.values.map((v) => [v.code, v]));
  const baselineValues = new Map((baseline?.values ?? []).map((v) => [v.code, v.value]));
  const sectionOf = new Map(catalogue.actions.map((a) => [a.number, a.section]));
  return [...catalogue.indicatorByCode.values()].map((indicator) => {
    const value = values.get(indicator.code) ?? { value: null, numerator: null, denominator: null, answered: null };
    const p = progress(indicator.kind, indicator.direction, release.year, value.value, baselineValues.get(indicator.code) ?? null);
    return {
      year: release.year,
      indicator: indicator.code,
      action: indicator.action,
      section: sectionOf.get(indicator.action) ?? null,
      kind: indicator.kind,
      population: indicator.population,
      direction: indicator.direction,
      ...valueCells(value, p),
      ...likeForLikeCells(likeForLikeOf(indicator.code)),
      ...releaseCells(release),
    };
  });
}

/**
 * Every indicator × every published year, from the latest release of each year (indicateurs.csv,
 * .json). `engine`: the public's, computed from those same releases, which knows the States behind
 * each value that like-for-like compares.
 */
export function publishedIndicatorRows(catalogue: Catalogue, history: ReleaseHistory, engine: EngineSnapshot): IndicatorRow[] {
  const baseline = baselineReleaseFor(history, null);
  return latestOfEachYear(history).flatMap((release) =>
    indicatorRows(catalogue, release, baseline, (code) => engine.year(release.year).indicators.get(code)?.likeForLike ?? null),
  );
}

/**
 * One revision's indicators, as the public saw them when it was published: like-for-like from the
 * revision's data and its baseline release's (`read` fetches the latter, db/queries/releases.ts).
 */
export function revisionIndicatorRows(
  catalogue: Catalogue,
  history: ReleaseHistory,
  release: Release,
  read: (year: number, revision: number) => Release | null,
): IndicatorRow[] {
  const baseline = baselineReleaseFor(history, release);
  if (release.year === BASELINE_YEAR || baseline === null) return indicatorRows(catalogue, release, baseline, () => null);
  const baselineRelease = read(baseline.year, baseline.revision);
  const engine = new EngineSnapshot(
    releasedEngineData(engineIndicators(catalogue), baselineRelease ? [baselineRelease, release] : [release]),
  );
  const results = engine.year(release.year).indicators;
  return indicatorRows(catalogue, release, baseline, (code) => results.get(code)?.likeForLike ?? null);
}

/**
 * The answers a release holds, with the State's name in each language from the registry of that
 * release (Spanish: the name stateName gives, the registry having none).
 */
export function answerRows(release: Release): AnswerRow[] {
  const names = new Map(release.data.states.map((s) => [s.iso3, { fr: s.nameFr, en: s.nameEn, es: stateName(s, 'es').name }] as const));
  return [...release.data.answers]
    .sort((a, b) => compareText(a.state, b.state) || compareCodes(a.indicator, b.indicator))
    .map((a) => ({
      year: a.year,
      state: a.state,
      state_name: names.get(a.state)?.fr ?? null,
      state_name_en: names.get(a.state)?.en ?? null,
      state_name_es: names.get(a.state)?.es ?? null,
      indicator: a.indicator,
      answer: a.answer,
      source: a.source,
      note: a.note,
      ...releaseCells(release),
    }));
}

/** Every published answer, from the latest release of each year (reponses.csv). */
export function publishedAnswerRows(latest: Release[]): AnswerRow[] {
  return [...latest].sort((a, b) => a.year - b.year).flatMap(answerRows);
}

/**
 * A CSV of rows, columns in the given order. With `bom`, it starts with a UTF-8 byte order mark, so
 * that spreadsheets read the accents right.
 */
export function rowsCsv<C extends string>(columns: readonly C[], rows: Record<C, Cell>[], options: { bom: boolean }): string {
  const csv = toCsv([[...columns], ...rows.map((row) => columns.map((c) => row[c]))]);
  return options.bom ? `\ufeff${csv}` : csv;
}

/** What indicateurs.json says for people, in one language (worded by the presenter: the domain has no words). */
export interface JsonTexts {
  title: string;
  source: string;
  citation: string | null;
}

/**
 * indicateurs.json: the rows of indicateurs.csv, typed, with what they come from. One file for every
 * language (docs/i18n.md#files): its texts in French, then in `translations` by language.
 */
export function indicatorsJson(
  history: ReleaseHistory,
  rows: IndicatorRow[],
  meta: { texts: JsonTexts; translations: Record<string, JsonTexts>; demo: boolean },
): string {
  return JSON.stringify({
    title: meta.texts.title,
    licence: LICENCE,
    citation: meta.texts.citation,
    demo: meta.demo,
    source: meta.texts.source,
    translations: meta.translations,
    publications: latestOfEachYear(history).map(({ year, revision, publishedAt, note }) => ({ year, revision, publishedAt, note })),
    columns: INDICATOR_COLUMNS,
    rows,
  });
}

/**
 * The five exchange files (docs/architecture.md#the-exchange-format) for the published data: the
 * latest release of each year, States from the most recent release's registry. `npm run import` reads
 * them back as they are.
 */
export function publishedExchangeFiles(latest: Release[]): ExportFile[] {
  return exchangeFiles(releasedEngineData([], latest));
}
