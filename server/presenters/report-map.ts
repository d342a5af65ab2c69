import type { DataView } from '../data-source';
import { reportDueDate, reportTimeliness, type ReportTimeliness } from '../domain/registry';
import { formatDate, formatNumber } from './format';
import { worldMap, type MapClass, type WorldMapView } from './world-map';

/** The States Parties of a year by where their report stands: what /transparence counts and both report maps draw. */
export interface PartyReports {
  party: ReadonlySet<string>;
  byTimeliness: Record<ReportTimeliness, string[]>;
}

export function partyReports(view: DataView, year: number): PartyReports {
  const party = view.engine.year(year).populations.get('party');
  const byTimeliness: Record<ReportTimeliness, string[]> = { 'on-time': [], late: [], missing: [] };
  for (const iso3 of party) byTimeliness[reportTimeliness(view.engine.report(year, iso3))].push(iso3);
  return { party, byTimeliness };
}

const CLASSES: Record<ReportTimeliness, MapClass> = {
  'on-time': { key: 'on-time', label: 'Rapport reçu à temps', stateLabel: 'rapport reçu à temps' },
  late: { key: 'late', label: 'Rapport reçu en retard', stateLabel: 'rapport reçu en retard' },
  missing: { key: 'missing', label: 'Pas de rapport', stateLabel: 'pas de rapport' },
};
const NOT_PARTY: MapClass = { key: 'out', label: 'États non parties', stateLabel: 'État non partie' };
const ORDER: ReportTimeliness[] = ['on-time', 'late', 'missing'];

/**
 * The map of the States Parties' reports for `year`. `withLists`: the page has no table of the
 * States (/transparence), so the map brings one, in the same categories.
 */
export function reportsMap(view: DataView, year: number, reports: PartyReports, withLists: boolean): WorldMapView {
  const registry = [...view.engine.states()].map((s) => ({ iso3: s.iso3, name: s.nameFr }));
  const groups = ORDER.map((t) => ({ cls: CLASSES[t], states: reports.byTimeliness[t] }));
  const map = worldMap({
    id: 'carte-rapports',
    title: `Carte : rapports ${year} des États parties au titre de l’article 7`,
    intro: `Rapports ${year} des États parties, attendus au plus tard le ${formatDate(reportDueDate(year))} :`,
    registry,
    groups,
    outside: NOT_PARTY,
  });
  if (!withLists) return map;
  const nameOf = new Map(registry.map((s) => [s.iso3, s.name]));
  return {
    ...map,
    lists: groups.map(({ cls, states }) => ({
      className: `map-fill--${cls.key}`,
      label: cls.label,
      countText: formatNumber(states.length),
      states: states.map((iso3) => ({ iso3, name: nameOf.get(iso3) ?? iso3 })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    })),
  };
}
