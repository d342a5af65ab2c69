import type { CatalogueMechanism } from '../domain/catalogue';
import { followedPopulations, warningsFollowed } from '../domain/workspace/committee-work';
import type { DataView } from '../data-source';
import { countGrades } from './grade-view';
import { actionView, countStatuses } from './progress-view';
import { byStateName } from '../domain/state-names';
import { COMMITTEE_SORTS, committeeSortQuery, worstFirst } from './committee-sort';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { flagMessage } from './flag-view';

export function committeePage(
  view: DataView,
  mechanism: CatalogueMechanism,
  year: number,
  order: { sort: string; descending: boolean } = { sort: 'action', descending: false },
  yearParam = '',
  locale: Locale = DEFAULT_LOCALE,
) {
  const { catalogue, engine } = view;
  const actionsOf = (numbers: number[]) =>
    catalogue.actions.filter((a) => numbers.includes(a.number)).map((a) => actionView(view, a, year, locale));
  const leadActions = actionsOf(mechanism.lead);
  const contributingActions = actionsOf(mechanism.contributing);
  const counts = (actions: ReturnType<typeof actionsOf>) => {
    const rows = actions.flatMap((a) => a.indicators);
    return { total: rows.length, ...countStatuses(rows) };
  };

  const grades = (actions: ReturnType<typeof actionsOf>) =>
    countGrades(
      actions.flatMap((a) => a.indicators.map((i) => i.grade.grade)),
      locale,
    );

  const result = engine.year(year);
  const actions = new Set([...mechanism.lead, ...mechanism.contributing]);
  const followed = followedPopulations(catalogue, actions);
  const stateName = (iso3: string) => engine.stateName(iso3);
  const byName = byStateName<{ name: string }>('fr', (s) => s.name);
  const populations = catalogue.populations
    .filter((p) => followed.has(p.key))
    .map((p) => ({
      key: p.key,
      name: p.name,
      description: p.description,
      states: [...result.populations.get(p.key)].map((iso3) => ({ iso3, name: stateName(iso3) })).sort(byName),
    }));
  // A committee that leads or contributes to action 47 follows every early warning.
  const flags = [...warningsFollowed(catalogue, engine, year, actions)]
    .flatMap(([iso3, list]) => list.map((f) => ({ iso3, name: stateName(iso3), message: flagMessage(f, locale) })))
    .sort(byName);

  // Worst first: every indicator of the actions it leads or contributes to, once each, as one list.
  const results = result.indicators;
  const indicators = catalogue.actions.filter((a) => actions.has(a.number)).flatMap((a) => a.indicators);
  const rowOf = new Map([...leadActions, ...contributingActions].flatMap((a) => a.indicators).map((r) => [r.code, r]));
  const ranked =
    order.sort === 'progres'
      ? worstFirst(
          indicators.map((indicator) => ({ indicator, result: results.get(indicator.code), row: rowOf.get(indicator.code)! })),
          order.descending,
        )
      : null;
  const href = (sort: string, descending: boolean) => {
    const search = committeeSortQuery({ sort, descending }, yearParam);
    return `/committees/${mechanism.id}${search ? `?${search}` : ''}#indicateurs-du-comite`;
  };

  return {
    committee: mechanism,
    ranked,
    descending: order.descending,
    sortLinks: [...COMMITTEE_SORTS].map(([value, column]) => ({
      label: t(locale, column.label),
      href: href(value, column.descending),
      current: value === order.sort && order.descending === column.descending,
    })),
    leadActions,
    contributingActions,
    leadCounts: counts(leadActions),
    contributingCounts: counts(contributingActions),
    leadGrades: grades(leadActions),
    contributingGrades: grades(contributingActions),
    populations,
    flags,
  };
}
