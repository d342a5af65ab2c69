import type { CatalogueIndicator } from '../../db/queries/catalogue';
import { latestRelease, type ReleaseHistory } from '../domain/releases/release';
import { valueCells } from '../domain/releases/open-data';
import type { YearResult } from '../domain/engine/engine';
import type { EngineIndicator, IndicatorResult, Report } from '../domain/engine/types';
import { POPULATION_KEYS, formatPopulationRef } from '../domain/population';
import { isReportOnTime, type RegistryState } from '../domain/registry';

/** The JSON shapes of the API (README, « API »): values unrounded, null where there is none. */

function progressJson(r: IndicatorResult) {
  return { ...valueCells(r, r), target: r.target, reachesTarget: r.reachesTarget };
}

export function indicatorSummaryJson(indicator: EngineIndicator, result: IndicatorResult) {
  return {
    code: indicator.code,
    action: indicator.action,
    kind: indicator.kind,
    population:
      indicator.population === null ? null : formatPopulationRef({ key: indicator.population, of: indicator.populationOf }),
    direction: indicator.direction,
    ...progressJson(result),
  };
}

export function indicatorYearJson(result: IndicatorResult) {
  return { year: result.year, ...progressJson(result), states: result.states };
}

export function reportJson(report: Report | null) {
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

export function stateJson(state: RegistryState, result: YearResult, report: Report | null) {
  return {
    iso3: state.iso3,
    name: state.nameFr,
    nameEn: state.nameEn,
    party: result.populations.get('party').has(state.iso3),
    partyFrom: state.partyFrom,
    partyUntil: state.partyUntil,
    populations: statePopulations(state.iso3, result),
    report: reportJson(report),
    flags: result.flags.get(state.iso3) ?? [],
  };
}

/** When a year's figures were published: its latest release, or null when it is not published. */
export function publicationJson(releases: ReleaseHistory, year: number) {
  const release = latestRelease(releases, year);
  return release && { revision: release.revision, publishedAt: release.publishedAt, note: release.note };
}

/** An indicator of the catalogue as the API documents it: the parsed population reference stays internal. */
export function catalogueIndicatorJson({ populationRef: _ref, ...indicator }: CatalogueIndicator) {
  return indicator;
}
