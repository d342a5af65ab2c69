import type { DataView } from '../data-source';
import { reportDueDate, reportTimeliness, type ReportTimeliness } from '../domain/registry';
import { formatDate, formatNumber } from './format';
import { worldMap, type MapClass, type WorldMapView } from './world-map';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

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

/** The map's classes for the reports, with their messages' keys (docs/i18n.md: keys written in full). */
const CLASSES: Record<ReportTimeliness, readonly [string, string]> = {
  'on-time': ['map.reports.onTime', 'map.reports.onTimeState'],
  late: ['map.reports.late', 'map.reports.lateState'],
  missing: ['map.reports.missing', 'map.reports.missingState'],
};
const ORDER: ReportTimeliness[] = ['on-time', 'late', 'missing'];

/**
 * The map of the States Parties' reports for `year`. `withLists`: the page has no table of the
 * States (/transparence), so the map brings one, in the same categories.
 */
export function reportsMap(view: DataView, year: number, reports: PartyReports, withLists: boolean, locale: Locale): WorldMapView {
  const registry = [...view.engine.states()].map((s) => ({ iso3: s.iso3, name: s.nameFr }));
  const groups = ORDER.map((key) => {
    const [label, stateLabel] = CLASSES[key];
    const cls: MapClass = { key, label: t(locale, label), stateLabel: t(locale, stateLabel) };
    return { cls, states: reports.byTimeliness[key] };
  });
  const map = worldMap({
    locale,
    id: 'carte-rapports',
    title: t(locale, 'map.reports.title', { year }),
    intro: t(locale, 'map.reports.intro', { year, dueDate: formatDate(reportDueDate(year)) }),
    registry,
    groups,
    outside: { key: 'out', label: t(locale, 'map.reports.notParty'), stateLabel: t(locale, 'map.reports.notPartyState') },
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
