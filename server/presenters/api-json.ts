import type { CatalogueIndicator } from '../domain/catalogue';
import { localizeCatalogue, type LocalizedCatalogue } from '../domain/catalogue-i18n';
import { LOCALES, type Locale } from '../i18n/locale';
import { sortStates, stateName } from '../domain/state-names';
import type { DataView } from '../data-source';
import { BASELINE_YEAR } from '../domain/engine/types';
import { latestRelease, type ReleaseHistory } from '../domain/releases/release';
import { valueCells } from '../domain/releases/open-data';
import type { YearResult } from '../domain/engine/engine';
import type { EngineIndicator, IndicatorResult, Report } from '../domain/engine/types';
import { POPULATION_KEYS, formatPopulationRef } from '../domain/population';
import { isReportOnTime, type RegistryState } from '../domain/registry';
import type { CatalogueIndicatorJson, IndicatorSummaryJson, IndicatorYearJson, PublicationJson, StateJson } from './api-schemas';
import { flagJson } from './flag-view';

/** The JSON answers of the API (README, « API »), typed by their schemas (api-schemas.ts): values unrounded, null where there is none. */

function progressJson(r: IndicatorResult) {
  return { ...valueCells(r, r), target: r.target, reachesTarget: r.reachesTarget, likeForLike: r.likeForLike };
}

export function indicatorSummaryJson(indicator: EngineIndicator, result: IndicatorResult): IndicatorSummaryJson {
  return {
    code: indicator.code,
    action: indicator.action,
    kind: indicator.kind,
    population: indicator.population === null ? null : formatPopulationRef({ key: indicator.population, of: indicator.populationOf }),
    direction: indicator.direction,
    ...progressJson(result),
  };
}

export function indicatorYearJson(result: IndicatorResult): IndicatorYearJson {
  return { year: result.year, ...progressJson(result), states: result.states };
}

export function reportJson(report: Report | null): StateJson['report'] {
  if (!report) return null;
  return {
    receivedOn: report.receivedOn,
    onTime: isReportOnTime(report),
    usedReportingGuide: report.usedReportingGuide,
  };
}

/** Populations a State belongs to in a year; yes(X) populations are per indicator and not listed. */
export function statePopulations(state: string, result: YearResult): string[] {
  return POPULATION_KEYS.filter((key) => key !== 'yes' && result.populations.get(key).has(state));
}

export function stateJson(state: RegistryState, result: YearResult, report: Report | null, locale: Locale = 'fr'): StateJson {
  const local = stateName(state, locale);
  return {
    iso3: state.iso3,
    name: local.name,
    nameSource: local.source,
    nameEn: state.nameEn,
    names: Object.fromEntries(LOCALES.map((l) => [l, stateName(state, l)])) as StateJson['names'],
    party: result.populations.get('party').has(state.iso3),
    partyFrom: state.partyFrom,
    partyUntil: state.partyUntil,
    populations: statePopulations(state.iso3, result),
    report: reportJson(report),
    flags: (result.flags.get(state.iso3) ?? []).map((flag) => flagJson(flag, locale)),
  };
}

/** When a year's figures were published: its latest release, or null when it is not published. */
export function publicationJson(releases: ReleaseHistory, year: number): PublicationJson {
  const release = latestRelease(releases, year);
  return release && { revision: release.revision, publishedAt: release.publishedAt, note: release.note };
}

/** An indicator of the catalogue as the API documents it: the parsed population reference stays internal. */
export function catalogueIndicatorJson({ populationRef: _ref, ...indicator }: CatalogueIndicator): CatalogueIndicatorJson {
  return indicator;
}

/** The language fields of an answer with texts: its language, what the translation is worth, what stayed French. */
export function languageJson({ locale, translation, untranslated }: LocalizedCatalogue) {
  return { language: locale, translation, untranslated };
}

/** GET /api/v1/catalogue?lang=L. */
export function catalogueResponse({ catalogue: french }: DataView, locale: Locale = 'fr') {
  const catalogue = localizeCatalogue(french, locale);
  const { sections, actions, mechanisms, populations } = catalogue;
  return {
    ...languageJson(catalogue),
    sections: sections.map(({ number, title, actions }) => ({ number, title, actions })),
    actions: actions.map((action) => ({ ...action, indicators: action.indicators.map(catalogueIndicatorJson) })),
    mechanisms,
    populations: populations.map(({ key, name, description }) => ({ key, name, description })),
  };
}

/** GET /api/v1/indicators?year=Y. */
export function indicatorsResponse({ engine: snapshot, demo, releases }: DataView, year: number) {
  const result = snapshot.year(year);
  return {
    year,
    baselineYear: BASELINE_YEAR,
    demo,
    hasData: result.hasData,
    publication: publicationJson(releases, year),
    indicators: snapshot.indicators().map((i) => indicatorSummaryJson(i, result.indicators.get(i.code)!)),
  };
}

/** GET /api/v1/indicators/CODE?lang=L: `indicator` is the localized catalogue's. */
export function indicatorDetailResponse(
  { engine: snapshot, demo, releases }: DataView,
  indicator: CatalogueIndicator,
  catalogue: LocalizedCatalogue,
) {
  const languageFields = languageJson(catalogue);
  return {
    ...catalogueIndicatorJson(indicator),
    ...languageFields,
    // Only this indicator's own texts: the rest of the catalogue is not in the answer.
    untranslated: languageFields.untranslated.filter(
      (path) => path === `indicators.${indicator.code}` || path === `provenance.${indicator.code}`,
    ),
    baselineYear: BASELINE_YEAR,
    demo,
    years: snapshot
      .indicatorYears(indicator.code)
      .map((r) => ({ ...indicatorYearJson(r), publication: publicationJson(releases, r.year) })),
  };
}

/** GET /api/v1/states?year=Y&lang=L: names in that language, sorted by them with its collation. */
export function statesResponse({ engine: snapshot, demo }: DataView, year: number, locale: Locale = 'fr') {
  const result = snapshot.year(year);
  const states = sortStates(snapshot.states(), locale);
  return {
    year,
    language: locale,
    demo,
    states: states.map((s) => stateJson(s, result, snapshot.report(year, s.iso3) ?? null, locale)),
  };
}
