import { EARLY_WARNING_ACTION } from '../domain/engine/flags';
import type { CatalogueMechanism } from '../../db/queries/catalogue';
import type { DataView } from '../data-source';
import { actionView, countStatuses } from './progress-view';

/** Populations every committee sees; listing their 164 or 33 States on each committee page says nothing. */
const REGISTRY_POPULATIONS = new Set(['party', 'non_party']);

export function committeePage(view: DataView, mechanism: CatalogueMechanism, year: number) {
  const { catalogue, engine } = view;
  const actionsOf = (numbers: number[]) =>
    catalogue.actions.filter((a) => numbers.includes(a.number)).map((a) => actionView(view, a, year));
  const leadActions = actionsOf(mechanism.lead);
  const contributingActions = actionsOf(mechanism.contributing);
  const counts = (actions: ReturnType<typeof actionsOf>) => {
    const rows = actions.flatMap((a) => a.indicators);
    return { total: rows.length, ...countStatuses(rows) };
  };

  const result = engine.year(year);
  const followed = new Set<string>();
  for (const a of catalogue.actions) {
    if (!mechanism.lead.includes(a.number) && !mechanism.contributing.includes(a.number)) continue;
    for (const i of a.indicators) {
      const key = i.populationRef?.key;
      if (key && key !== 'yes' && !REGISTRY_POPULATIONS.has(key)) followed.add(key);
    }
  }
  const stateName = (iso3: string) => engine.stateName(iso3);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  const populations = catalogue.populations
    .filter((p) => followed.has(p.key))
    .map((p) => ({
      key: p.key,
      name: p.name,
      description: p.description,
      states: [...result.populations.get(p.key)].map((iso3) => ({ iso3, name: stateName(iso3) })).sort(byName),
    }));
  const watched = new Set(populations.flatMap((p) => p.states.map((s) => s.iso3)));
  // A committee that leads or contributes to action 47 follows every early warning.
  const concernsAll = [...mechanism.lead, ...mechanism.contributing].includes(EARLY_WARNING_ACTION);
  const flags = [...result.flags]
    .filter(([iso3]) => concernsAll || watched.has(iso3))
    .flatMap(([iso3, list]) => list.map((f) => ({ iso3, name: stateName(iso3), message: f.message })))
    .sort(byName);

  return {
    committee: mechanism,
    leadActions,
    contributingActions,
    leadCounts: counts(leadActions),
    contributingCounts: counts(contributingActions),
    populations,
    flags,
  };
}
