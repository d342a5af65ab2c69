import type { Catalogue, CatalogueIndicator } from '../catalogue';
import type { EngineSnapshot } from '../engine/engine';
import { OBLIGATION_POPULATIONS } from '../engine/populations';
import { isAnswerable, type EntryScope, type PopulationsOfYear } from './report-entry';

/**
 * Why the report form of a (year, State) does not offer an answerable indicator: its population is
 * not entered for the year yet, the State is not in it, the State has not answered yes to the
 * indicator it depends on, or it concerns States not party (docs/method.md#populations).
 */
export type NotOfferedReason =
  | { kind: 'not-entered'; population: string }
  | { kind: 'not-member'; population: string }
  | { kind: 'no-yes'; of: string }
  | { kind: 'non-party' };

export interface NotOfferedGroup {
  reason: NotOfferedReason;
  indicators: string[];
}

const reasonKey = (r: NotOfferedReason) => JSON.stringify(r);

/**
 * The answerable indicators the form leaves out, grouped by why, in catalogue order. `entered`: the
 * entered populations that have at least one member this year. Empty for a State not party (the
 * form says why it offers nothing).
 */
export function notOfferedIndicators(
  catalogue: Pick<Catalogue, 'actions'>,
  populations: PopulationsOfYear,
  entered: ReadonlySet<string>,
  scope: Pick<EntryScope, 'indicators' | 'party' | 'state'>,
): NotOfferedGroup[] {
  if (!scope.party) return [];
  const offered = new Set(scope.indicators.map((i) => i.indicator.code));
  const groups = new Map<string, NotOfferedGroup>();
  const add = (reason: NotOfferedReason, indicator: CatalogueIndicator) => {
    const key = reasonKey(reason);
    const group = groups.get(key) ?? { reason, indicators: [] };
    group.indicators.push(indicator.code);
    groups.set(key, group);
  };
  for (const action of catalogue.actions) {
    for (const indicator of action.indicators) {
      const ref = indicator.populationRef;
      if (!isAnswerable(indicator) || offered.has(indicator.code) || ref === null) continue;
      if (ref.key === 'yes') add({ kind: 'no-yes', of: ref.of ?? '' }, indicator);
      else if (ref.key === 'non_party') add({ kind: 'non-party' }, indicator);
      else if (ref.key === 'obligations') {
        const none = OBLIGATION_POPULATIONS.every((p) => !entered.has(p));
        add({ kind: none ? 'not-entered' : 'not-member', population: ref.key }, indicator);
      } else if (ref.key !== 'party') {
        const member = populations.get(ref.key).has(scope.state.iso3);
        if (!member) add({ kind: entered.has(ref.key) ? 'not-member' : 'not-entered', population: ref.key }, indicator);
      }
    }
  }
  // What the admins must do first comes first: populations not yet entered.
  const order = { 'not-entered': 0, 'not-member': 1, 'no-yes': 2, 'non-party': 3 } as const;
  return [...groups.values()].sort((a, b) => order[a.reason.kind] - order[b.reason.kind]);
}

/** The entered populations with at least one member in `year`. */
export function enteredPopulations(engine: Pick<EngineSnapshot, 'enteredPopulations'>, year: number): Set<string> {
  return engine.enteredPopulations(year);
}
