import type { DataView } from '../data-source';
import { receivedSummary } from './report-view';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { statePopulations } from './api-json';
import { byStateName, stateName } from '../domain/state-names';

/**
 * Every State of the registry for a year: status, populations, report and flags, by name in the
 * page's language with its collation (docs/i18n.md#state-names-and-their-order).
 */
export function statesPage(view: DataView, year: number, locale: Locale = 'fr') {
  const { engine, catalogue } = view;
  const result = engine.year(year);
  const populationName = new Map(catalogue.populations.map((p) => [p.key, p.name]));
  const named = engine.states().map((s) => ({ ...s, localName: stateName(s, locale).name }));
  const states = named
    .sort(
      byStateName(
        locale,
        (s) => s.localName,
        (s) => s.iso3,
      ),
    )
    .map((s) => {
      const party = result.populations.get('party').has(s.iso3);
      const report = engine.report(year, s.iso3);
      const populations = statePopulations(s.iso3, result)
        .filter((key) => key !== 'party' && key !== 'non_party')
        .map((key) => populationName.get(key) ?? key);
      return {
        iso3: s.iso3,
        name: s.localName,
        party,
        status: t(locale, party ? 'statesPage.party' : 'statesPage.nonParty'),
        populations: populations.length ? populations.join(t(locale, 'common.listSeparator')) : '—',
        report: receivedSummary(report, locale),
        flags: (result.flags.get(s.iso3) ?? []).map((f) => f.message).join(' ') || '—',
      };
    });
  return {
    states,
    partyCount: states.filter((s) => s.party).length,
    nonPartyCount: states.filter((s) => !s.party).length,
  };
}
