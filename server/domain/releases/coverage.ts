import { isPartyInYear } from '../registry';
import { BASELINE_YEAR } from '../engine/types';
import type { ReleaseData } from './release';

/** How many States Parties of a year have their report in it, out of how many States Parties. */
export interface Coverage {
  reports: number;
  parties: number;
}

/**
 * The coverage of a year's data as it is (or would be) released: the reports it holds from States
 * party that year (validated ones only: a release holds no other), out of the States Parties of its
 * registry.
 */
export function releaseCoverage(data: Pick<ReleaseData, 'year' | 'states' | 'reports'>): Coverage {
  const parties = new Set(data.states.filter((s) => isPartyInYear(s, data.year)).map((s) => s.iso3));
  return { reports: data.reports.filter((r) => parties.has(r.state)).length, parties: parties.size };
}

/** Whether a coverage reaches `minPercent` % of the States Parties (never, without a State Party). */
export const reachesCoverage = ({ reports, parties }: Coverage, minPercent: number): boolean =>
  parties > 0 && reports * 100 >= minPercent * parties;

/**
 * The year visitors land on when they name none (docs/method.md#the-default-year): the latest
 * published year complete enough, so that publishing a year early, with a few reports, does not
 * move them to it; while no published year is, the baseline year.
 */
export function publicDefaultYear(latest: readonly { year: number; data: ReleaseData }[], minPercent: number): number {
  const complete = latest.filter((r) => reachesCoverage(releaseCoverage(r.data), minPercent)).map((r) => r.year);
  return complete.length > 0 ? Math.max(...complete) : BASELINE_YEAR;
}
