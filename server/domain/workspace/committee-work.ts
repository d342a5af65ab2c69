import type { Catalogue } from '../catalogue';
import type { EngineSnapshot } from '../engine/engine';
import { EARLY_WARNING_ACTION } from '../engine/flags';
import type { StateFlag } from '../engine/types';
import { editableActions, type Viewer } from '../permissions';
import { isPartyInYear, isReportOnTime, reportDueDate } from '../registry';
import { isAnswerable } from './report-entry';

/**
 * What a committee has to do for a year, computed from the data (never typed): the States whose
 * answers to its indicators are missing, its drafts to validate, the early warnings it follows, the
 * late reports. Pure: the caller reads the data (README.md, « Workspace »).
 */

/** Populations every committee sees; following their 164 or 33 States says nothing. */
const REGISTRY_POPULATIONS = new Set(['party', 'non_party']);

/** The actions a set of mechanisms lead or contribute to. */
export function actionsOfMechanisms(catalogue: Catalogue, mechanismIds: readonly string[]): Set<number> {
  const mine = new Set(mechanismIds);
  return new Set(catalogue.mechanisms.filter((m) => mine.has(m.id)).flatMap((m) => [...m.lead, ...m.contributing]));
}

/** The populations (not derived from the registry nor from a « yes ») the indicators of these actions follow. */
export function followedPopulations(catalogue: Catalogue, actions: ReadonlySet<number>): Set<string> {
  const followed = new Set<string>();
  for (const a of catalogue.actions) {
    if (!actions.has(a.number)) continue;
    for (const i of a.indicators) {
      const key = i.populationRef?.key;
      if (key && key !== 'yes' && !REGISTRY_POPULATIONS.has(key)) followed.add(key);
    }
  }
  return followed;
}

/**
 * The early warnings of a year a committee following these actions sees: those on the States of
 * its populations, or all of them when it follows action 47 (the early warning's own).
 */
export function warningsFollowed(
  catalogue: Catalogue,
  engine: EngineSnapshot,
  year: number,
  actions: ReadonlySet<number>,
): Map<string, StateFlag[]> {
  const result = engine.year(year);
  if (actions.has(EARLY_WARNING_ACTION)) return result.flags;
  const watched = new Set<string>();
  for (const key of followedPopulations(catalogue, actions)) for (const iso3 of result.populations.get(key)) watched.add(iso3);
  return new Map([...result.flags].filter(([iso3]) => watched.has(iso3)));
}

/**
 * State → the indicators of these actions whose population holds the State in that year and
 * which it has not answered (States with none missing are left out).
 */
export function missingAnswers(
  catalogue: Catalogue,
  engine: EngineSnapshot,
  year: number,
  actions: ReadonlySet<number>,
): Map<string, string[]> {
  const populations = engine.year(year).populations;
  const missing = new Map<string, string[]>();
  for (const action of catalogue.actions) {
    if (!actions.has(action.number)) continue;
    for (const indicator of action.indicators) {
      const ref = indicator.populationRef;
      if (!isAnswerable(indicator) || ref === null) continue;
      const states = engine.answersTo(year, indicator.code);
      for (const iso3 of populations.get(ref.key, ref.of)) {
        if (states.has(iso3)) continue;
        const list = missing.get(iso3) ?? [];
        list.push(indicator.code);
        missing.set(iso3, list);
      }
    }
  }
  return missing;
}

/** The actions what is stored for a (year, State) concerns: its answers' actions, and 8 (reporting) when there is a report. */
export function storedActions(catalogue: Catalogue, engine: EngineSnapshot, year: number, iso3: string): Set<number> {
  const actions = new Set<number>();
  for (const { code } of engine.indicators()) {
    if (engine.answer(year, code, iso3) === undefined) continue;
    const indicator = catalogue.indicatorByCode.get(code);
    if (indicator) actions.add(indicator.action);
  }
  if (engine.report(year, iso3) !== undefined) actions.add(8);
  return actions;
}

/**
 * The drafts of a year the viewer may validate (docs/method.md#review): those whose stored answers
 * or report concern an action of their committees (every draft for an admin).
 */
export function draftsToValidate(
  catalogue: Catalogue,
  engine: EngineSnapshot,
  drafts: ReadonlySet<string>,
  year: number,
  viewer: Viewer,
): string[] {
  const mine = editableActions(viewer, catalogue);
  return [...drafts].filter((iso3) => [...storedActions(catalogue, engine, year, iso3)].some((a) => mine.has(a)));
}

/**
 * Whether a State party's report for the year is late: received after 30 April, or not received and
 * 30 April has passed (`today`, YYYY-MM-DD). A State not party is never late: its report is voluntary.
 */
export function isLate(engine: EngineSnapshot, year: number, iso3: string, today: string): boolean {
  const state = engine.state(iso3);
  if (!state || !isPartyInYear(state, year)) return false;
  const report = engine.report(year, iso3);
  return report ? !isReportOnTime(report) : today > reportDueDate(year);
}
