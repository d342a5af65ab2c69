import type { EngineIndex } from './index-data';
import type { YearPopulations } from './populations';
import { BASELINE_YEAR, type StateFlag } from './types';

/** Action 47's early warning: the action whose indicator follows reports from States with obligations. */
export const EARLY_WARNING_ACTION = 47;

/**
 * Early-warning flags for a year: a State with Article 3, 4 or 5 obligations that sent no report this
 * year nor the year before. The year before must be within the plan and hold data, or nobody knows.
 * A flag is a code with its years: presenters word it in the reader's language (presenters/flag-view.ts).
 */
export function earlyWarningFlags(index: EngineIndex, year: number, populations: YearPopulations): Map<string, StateFlag[]> {
  const flags = new Map<string, StateFlag[]>();
  const previous = year - 1;
  if (previous < BASELINE_YEAR || !index.yearsWithData.has(previous) || !index.yearsWithData.has(year)) return flags;
  const reportsNow = index.reports.get(year);
  const reportsBefore = index.reports.get(previous);
  for (const state of populations.get('obligations')) {
    if (reportsNow?.has(state) || reportsBefore?.has(state)) continue;
    flags.set(state, [
      {
        code: 'no-report-two-years',
        action: EARLY_WARNING_ACTION,
        years: [previous, year],
      },
    ]);
  }
  return flags;
}
