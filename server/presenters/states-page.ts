import type { DataView } from '../data-source';
import { HttpError } from '../http-error';
import { isReportOnTime } from '../domain/registry';
import { columnOrder, queryText, readSort, sortColumns, type SortColumn } from './list-query';
import { receivedSummary } from './report-view';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { statePopulations } from './api-json';
import { byStateName, stateName } from '../domain/state-names';
import { flagMessage } from './flag-view';

/**
 * The list of States (/states) and its filters and sort, read from the address (a GET form and
 * links, no script): a value the list does not know is a 400 naming the field, never a silent
 * default nor a 500 (presenters/list-query.ts).
 */

/** The sortable columns (`tri`, their labels message keys) and the direction a first click sorts in. */
export const STATES_SORTS: ReadonlyMap<string, SortColumn> = new Map([
  ['etat', { label: 'statesPage.state', descending: false }],
  ['statut', { label: 'statesPage.status', descending: true }],
  ['rapport', { label: 'statesPage.report', descending: false }],
  ['alertes', { label: 'statesPage.flags', descending: true }],
]);

/** `rapport`: which States by their report of the year (the labels are message keys). */
export const REPORT_FILTERS = new Map<string, { label: string; keeps: (report: { onTime: boolean } | null) => boolean }>([
  ['recu', { label: 'statesPage.reportReceived', keeps: (r) => r !== null }],
  ['a-temps', { label: 'statesPage.reportOnTime', keeps: (r) => r?.onTime === true }],
  ['en-retard', { label: 'statesPage.reportLate', keeps: (r) => r !== null && !r.onTime }],
  ['manquant', { label: 'statesPage.reportMissing', keeps: (r) => r === null }],
  ['en-retard-ou-manquant', { label: 'statesPage.reportLateOrMissing', keeps: (r) => !r?.onTime }],
]);

/** Populations a visitor can filter by: `partie` says party or not, yes(X) is per indicator. */
const filterablePopulations = (view: DataView) =>
  view.catalogue.populations.filter((p) => p.key !== 'party' && p.key !== 'non_party' && p.key !== 'yes');

export interface StatesQuery {
  partie: '' | 'oui' | 'non';
  rapport: string;
  alerte: boolean;
  population: string;
  sort: string;
  descending: boolean;
}

/** The query parameters the page reads (the public cache keys its entries on them). */
export const STATES_QUERY = ['year', 'partie', 'rapport', 'alerte', 'population', 'tri', 'ordre'] as const;

export function readStatesQuery(view: DataView, query: Record<string, unknown>, locale: Locale = 'fr'): StatesQuery {
  const invalid = (field: string, value: string, choices: string) =>
    new HttpError(
      400,
      t(locale, 'lists.invalidFilterTitle'),
      t(locale, 'lists.invalidFilter', { field, value: value.slice(0, 40), choices }),
    );
  // The values are the address's own codes, the same in every language.
  const orNothing = (values: string[]) => t(locale, 'lists.orNothing', { choices: values.map((v) => `« ${v} »`).join(', ') });
  const partie = queryText(query, 'partie');
  if (partie !== '' && partie !== 'oui' && partie !== 'non') throw invalid('partie', partie, orNothing(['oui', 'non']));
  const rapport = queryText(query, 'rapport');
  if (rapport !== '' && !REPORT_FILTERS.has(rapport)) throw invalid('rapport', rapport, orNothing([...REPORT_FILTERS.keys()]));
  const alerte = queryText(query, 'alerte');
  if (alerte !== '' && alerte !== 'oui') throw invalid('alerte', alerte, orNothing(['oui']));
  const population = queryText(query, 'population');
  const populations = filterablePopulations(view).map((p) => p.key);
  if (population !== '' && !populations.includes(population)) {
    throw invalid('population', population, t(locale, 'lists.onePopulation', { list: populations.join(', ') }));
  }
  return { partie, rapport, alerte: alerte === 'oui', population, ...readSort(query, STATES_SORTS, 'etat', locale) };
}

/** The address of the list with these filters and sort, keeping the year chosen (`yearParam`: « year=2026 » or ''). */
export function statesHref(query: StatesQuery, yearParam: string, sort = query.sort, descending = query.descending): string {
  const params = new URLSearchParams(yearParam);
  if (query.partie) params.set('partie', query.partie);
  if (query.rapport) params.set('rapport', query.rapport);
  if (query.alerte) params.set('alerte', 'oui');
  if (query.population) params.set('population', query.population);
  if (sort !== 'etat') params.set('tri', sort);
  if (descending !== STATES_SORTS.get(sort)!.descending) params.set('ordre', descending ? 'decroissant' : 'croissant');
  const search = params.toString();
  return `/states${search ? `?${search}` : ''}`;
}

/** The filters as hidden fields of the year selector, so that choosing a year keeps them. */
export function statesKeep(query: StatesQuery): { name: string; value: string }[] {
  return [...new URLSearchParams(statesHref(query, '').split('?')[1] ?? '')].map(([name, value]) => ({ name, value }));
}

/**
 * Every State of the registry for a year: status, populations, report and flags; filtered and sorted
 * as asked, by name in the page's language with its collation (docs/i18n.md#state-names-and-their-order).
 */
export function statesPage(view: DataView, year: number, query: StatesQuery, yearParam = '', locale: Locale = 'fr') {
  const { engine } = view;
  const result = engine.year(year);
  const populationName = new Map(view.catalogue.populations.map((p) => [p.key, p.name]));
  const keepsReport = query.rapport ? REPORT_FILTERS.get(query.rapport)!.keeps : () => true;
  const all = [...engine.states()].map((s) => {
    const party = result.populations.get('party').has(s.iso3);
    const report = engine.report(year, s.iso3) ?? null;
    const keys = statePopulations(s.iso3, result).filter((key) => key !== 'party' && key !== 'non_party');
    const flags = result.flags.get(s.iso3) ?? [];
    const name = stateName(s, locale).name;
    return {
      iso3: s.iso3,
      name,
      party,
      keys,
      report: report && { receivedOn: report.receivedOn, onTime: isReportOnTime(report) },
      flagCount: flags.length,
      row: {
        iso3: s.iso3,
        name,
        status: t(locale, party ? 'statesPage.party' : 'statesPage.nonParty'),
        populations: keys.length ? keys.map((key) => populationName.get(key) ?? key).join(t(locale, 'common.listSeparator')) : '—',
        report: receivedSummary(report, locale),
        flags: flags.map((f) => flagMessage(f, locale)).join(' ') || '—',
      },
    };
  });
  type Entry = (typeof all)[number];
  const byName = byStateName<Entry>(
    locale,
    (s) => s.name,
    (s) => s.iso3,
  );
  // A missing report sorts before the earliest received; dates as text sort in time order.
  const keys: Record<string, (s: Entry) => string | number> = {
    statut: (s) => (s.party ? 1 : 0),
    rapport: (s) => s.report?.receivedOn ?? '',
    alertes: (s) => s.flagCount,
  };
  const compare = columnOrder(keys, query, byName);
  const shown = all
    .filter(
      (s) =>
        (query.partie === '' || s.party === (query.partie === 'oui')) &&
        keepsReport(s.report) &&
        (!query.alerte || s.flagCount > 0) &&
        (query.population === '' || s.keys.includes(query.population)),
    )
    .sort(compare);
  const columns = sortColumns(STATES_SORTS, query, (sort, descending) => statesHref(query, yearParam, sort, descending)).map((c) => ({
    ...c,
    label: t(locale, c.label),
  }));
  return {
    states: shown.map((s) => s.row),
    count: all.length,
    partyCount: all.filter((s) => s.party).length,
    nonPartyCount: all.filter((s) => !s.party).length,
    filtered: query.partie !== '' || query.rapport !== '' || query.alerte || query.population !== '',
    column: Object.fromEntries(columns.map((c) => [c.value, c])),
    sort: query.sort,
    descending: query.descending,
    filters: {
      partie: [
        { value: '', label: t(locale, 'statesPage.any'), selected: query.partie === '' },
        { value: 'oui', label: t(locale, 'statesPage.parties'), selected: query.partie === 'oui' },
        { value: 'non', label: t(locale, 'statesPage.nonParties'), selected: query.partie === 'non' },
      ],
      rapport: [
        { value: '', label: t(locale, 'statesPage.any'), selected: query.rapport === '' },
        ...[...REPORT_FILTERS].map(([value, { label }]) => ({ value, label: t(locale, label), selected: query.rapport === value })),
      ],
      alerte: query.alerte,
      population: [
        { value: '', label: t(locale, 'statesPage.anyPopulation'), selected: query.population === '' },
        ...filterablePopulations(view).map((p) => ({ value: p.key, label: p.name, selected: query.population === p.key })),
      ],
    },
    resetHref: statesHref({ partie: '', rapport: '', alerte: false, population: '', sort: 'etat', descending: false }, yearParam),
  };
}
