import type { DataView } from '../data-source';
import { reportSummary } from './report-view';
import { statePopulations } from './api-json';
import { byStateName } from '../domain/state-names';

/** Every State of the registry for a year: status, populations, report and flags, by French name. */
export function statesPage(view: DataView, year: number) {
  const { engine, catalogue } = view;
  const result = engine.year(year);
  const populationName = new Map(catalogue.populations.map((p) => [p.key, p.name]));
  const states = [...engine.states()].sort(byStateName('fr', (s) => s.nameFr)).map((s) => {
    const party = result.populations.get('party').has(s.iso3);
    const report = engine.report(year, s.iso3);
    const populations = statePopulations(s.iso3, result)
      .filter((key) => key !== 'party' && key !== 'non_party')
      .map((key) => populationName.get(key) ?? key);
    return {
      iso3: s.iso3,
      name: s.nameFr,
      party,
      status: party ? 'État partie' : 'État non partie',
      populations: populations.length ? populations.join(' ; ') : '—',
      report: reportSummary(report),
      flags: (result.flags.get(s.iso3) ?? []).map((f) => f.message).join(' ') || '—',
    };
  });
  return {
    states,
    partyCount: states.filter((s) => s.party).length,
    nonPartyCount: states.filter((s) => !s.party).length,
  };
}
