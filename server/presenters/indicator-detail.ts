import type { CatalogueIndicator } from '../domain/catalogue';
import type { DataView } from '../data-source';
import { BASELINE_YEAR, TARGET_YEAR, type IndicatorResult } from '../domain/engine/types';
import { formatNumber } from './format';
import { reportReceivedSummary } from './report-view';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { formatValue, indicatorValueView, type IndicatorValueView } from './indicator-view';
import { latestRelease, type ReleaseHistory } from '../domain/releases/release';
import { PER_INDICATOR_COLUMNS, likeForLikeCells, releaseCells, rowsCsv, valueCells } from '../domain/releases/open-data';
import { latestReleaseView, valueRevisionText } from './release-view';
import { worldMap, type WorldMapView } from './world-map';
import { DIRECTION_KEYS, KIND_KEYS, populationDescription, populationLabel } from './labels';
import { byStateName, stateName } from '../domain/state-names';

/** A State's name in the page's language (docs/i18n.md#state-names-and-their-order). */
const localStateName = (view: DataView, iso3: string, locale: Locale) => {
  const state = view.engine.state(iso3);
  return state ? stateName(state, locale).name : view.engine.stateName(iso3);
};

/** The data a static script draws with Chart.js; the same numbers are in the table beside it. */
export interface ChartData {
  title: string;
  /** The legend's words, in the page's language (static/js/charts.js). */
  labels: { value: string; baseline: string; target: string; projection: string };
  percent: boolean;
  years: number[];
  values: (number | null)[];
  baseline: number | null;
  target: number | null;
  /** Dashed line from the selected year's value to the projected 2029 value. */
  projection: (number | null)[];
}

export interface YearRow extends IndicatorValueView {
  year: number;
  selected: boolean;
  n: string;
  N: string;
  answered: string;
  /** The value alone, for the table's value column (n and N have their own columns). */
  valueCell: string;
  /** « 2 mai 2026 », « 2 mai 2026 (révision 2 du 23 novembre 2026) » or « non publiée ». */
  publication: string;
}

export interface StateAnswerView {
  iso3: string;
  name: string;
  source: string | null;
  note: string | null;
  report: string;
  /** Signed-in view only: the State's report for the year is not validated yet. */
  draft: boolean;
}

export interface IndicatorStates {
  yes: StateAnswerView[];
  no: StateAnswerView[];
  blank: StateAnswerView[];
}

export function chartData(
  indicator: CatalogueIndicator,
  years: IndicatorResult[],
  year: number,
  locale: Locale = DEFAULT_LOCALE,
): ChartData {
  const current = years.find((r) => r.year === year);
  const projection = years.map((r) =>
    current?.projection2029 != null && (r.year === year || r.year === TARGET_YEAR)
      ? r.year === year
        ? current.value
        : current.projection2029
      : null,
  );
  return {
    title: t(locale, 'common.indicatorNumber', { code: indicator.code }),
    labels: {
      value: t(locale, 'indicatorTable.legendValue'),
      baseline: t(locale, 'indicatorTable.legendBaseline'),
      target: t(locale, 'indicatorTable.legendTarget'),
      projection: t(locale, 'indicatorTable.legendProjection'),
    },
    percent: indicator.kind === 'share' || indicator.kind === 'ratio',
    years: years.map((r) => r.year),
    values: years.map((r) => r.value),
    baseline: years.find((r) => r.year === BASELINE_YEAR)?.value ?? null,
    target: years[0]?.target ?? null,
    projection: year === TARGET_YEAR ? years.map(() => null) : projection,
  };
}

export function yearRows(
  indicator: CatalogueIndicator,
  years: IndicatorResult[],
  year: number,
  releases: ReleaseHistory,
  locale: Locale = DEFAULT_LOCALE,
): YearRow[] {
  const num = (v: number | null) => (v === null ? '—' : formatNumber(v, locale));
  return years.map((r) => {
    const view = indicatorValueView(indicator, r, BASELINE_YEAR, locale);
    const release = latestReleaseView(releases, r.year, locale);
    return {
      year: r.year,
      selected: r.year === year,
      n: num(r.numerator),
      N: num(r.denominator),
      answered: num(r.answered),
      ...view,
      valueCell: r.value === null ? view.valueText : formatValue(indicator.kind, r.value, locale),
      publication: !release
        ? t(locale, 'release.notReleased')
        : release.isRevision
          ? t(locale, 'release.revisionOf', { first: release.firstPublishedOn, revision: release.revision, date: release.publishedOn })
          : release.publishedOn,
    };
  });
}

export function indicatorDetail(view: DataView, indicator: CatalogueIndicator, year: number, locale: Locale = DEFAULT_LOCALE) {
  const years = view.engine.indicatorYears(indicator.code);
  const current = years.find((r) => r.year === year)!;
  const answers = view.engine.answersTo(year, indicator.code);
  const list = (codes: string[]): StateAnswerView[] =>
    codes
      .map((iso3) => ({
        iso3,
        name: localStateName(view, iso3, locale),
        source: answers?.get(iso3)?.source ?? null,
        note: answers?.get(iso3)?.note ?? null,
        report: reportReceivedSummary(view.engine.report(year, iso3), locale),
        draft: view.drafts.get(year)?.has(iso3) ?? false,
      }))
      .sort(byStateName(locale, (s) => s.name));
  const projectionText =
    current.projection2029 === null
      ? null
      : t(locale, 'indicator.projection', {
          baseline: BASELINE_YEAR,
          value: formatValue(indicator.kind, current.projection2029, locale),
          year: TARGET_YEAR,
        }) +
        (current.target === null
          ? '.'
          : t(locale, current.reachesTarget ? 'indicator.projectionReaches' : 'indicator.projectionMisses', {
              target: formatValue(indicator.kind, current.target, locale),
            }));
  return {
    indicator,
    kindLabel: t(locale, KIND_KEYS[indicator.kind]),
    directionLabel: t(locale, DIRECTION_KEYS[indicator.direction]),
    populationName: populationLabel(view.catalogue, indicator.population, locale),
    populationDescription: populationDescription(view.catalogue, indicator.population, locale),
    current: indicatorValueView(indicator, current, BASELINE_YEAR, locale),
    targetText: current.target === null ? null : formatValue(indicator.kind, current.target, locale),
    projectionText,
    chart: chartData(indicator, years, year, locale),
    rows: yearRows(indicator, years, year, view.releases, locale),
    revisionText: valueRevisionText(view.catalogue, view.releases, year, indicator.code, locale),
    isRecorded: indicator.kind === 'figure' || indicator.kind === 'ratio',
    states: current.states && {
      yes: list(current.states.yes),
      no: list(current.states.no),
      blank: list(current.states.blank),
    },
  };
}

/** The map's classes for the answers, with their messages' keys (docs/i18n.md: keys written in full). */
const ANSWER_CLASSES = {
  yes: ['map.indicator.yes', 'map.indicator.yesState'],
  no: ['map.indicator.no', 'map.indicator.noState'],
  blank: ['map.indicator.blank', 'map.indicator.blankState'],
} as const;

/** The indicator page's map: the States of the population by answer, from the lists the page shows beside it. */
export function indicatorMap(
  view: DataView,
  indicator: CatalogueIndicator,
  year: number,
  states: IndicatorStates,
  locale: Locale,
): WorldMapView {
  return worldMap({
    locale,
    id: 'carte-etats',
    title: t(locale, 'map.indicator.title', { code: indicator.code, year }),
    intro: t(locale, 'map.indicator.intro', { code: indicator.code, year }),
    registry: view.engine.states().map((s) => ({ iso3: s.iso3, name: s.nameFr })),
    groups: (['yes', 'no', 'blank'] as const).map((key) => {
      const [label, stateLabel] = ANSWER_CLASSES[key];
      return { cls: { key, label: t(locale, label), stateLabel: t(locale, stateLabel) }, states: states[key].map((s) => s.iso3) };
    }),
  });
}

/** The indicator's values over the plan years as CSV (the page's download), with the release each year comes from. */
export function indicatorCsv(indicator: CatalogueIndicator, years: IndicatorResult[], releases: ReleaseHistory): string {
  const rows = years.map((r) => ({
    indicator: indicator.code,
    year: r.year,
    ...valueCells(r, r),
    ...likeForLikeCells(r.likeForLike),
    ...releaseCells(latestRelease(releases, r.year)),
  }));
  return rowsCsv(PER_INDICATOR_COLUMNS, rows, { bom: false });
}
