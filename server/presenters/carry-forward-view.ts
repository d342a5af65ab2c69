import type { DataView } from '../data-source';
import type { Catalogue } from '../domain/catalogue';
import type { CarryForwardPlan, CarryForwardProblem } from '../domain/workspace/carry-forward';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** The name of the checkbox of a population in the carry-forward form. */
export const carryFieldName = (key: string) => `population:${key}`;

/**
 * The carry-forward preview (views/workspace/carry-forward.hbs): population by population, exactly
 * which States would be copied, which are left out and why, with a checkbox per population.
 */
export function carryForwardView(
  view: DataView,
  plan: CarryForwardPlan,
  chosen: ReadonlySet<string> | null,
  locale: Locale = DEFAULT_LOCALE,
) {
  const names = (iso3s: string[]) => iso3s.map((iso3) => ({ iso3, name: view.engine.stateName(iso3) }));
  // The populations' names in the page's language (the plan holds the French ones).
  const localNames = new Map(localizeCatalogue(view.catalogue, locale).populations.map((p) => [p.key, p.name]));
  const populations = plan.populations.map((p) => ({
    key: p.key,
    name: localNames.get(p.key) ?? p.name,
    id: `reprise-${p.key}`,
    fieldName: carryFieldName(p.key),
    copyable: p.copy.length > 0,
    checked: p.copy.length > 0 && (chosen ? chosen.has(p.key) : p.suggested),
    yearSpecific: !p.suggested,
    copy: names(p.copy),
    copyCount: p.copy.length,
    notParty: names(p.notParty),
    alreadyEntered: p.alreadyEntered > 0 ? t(locale, 'workspace.carryForward.states', { count: p.alreadyEntered }) : null,
  }));
  return {
    year: plan.year,
    from: plan.from,
    fingerprint: plan.fingerprint,
    populations,
    anything: populations.some((p) => p.copyable),
    action: `/espace/annees/${plan.year}/populations`,
    checklistHref: `/espace/annees/${plan.year}`,
  };
}

/** The populations' names in `locale`, by key (the domain names them in French). */
export function populationNamesIn(catalogue: Catalogue, locale: Locale = DEFAULT_LOCALE): (key: string) => string {
  const names = new Map(localizeCatalogue(catalogue, locale).populations.map((p) => [p.key, p.name]));
  return (key) => names.get(key) ?? key;
}

/** Why nothing was copied (../domain/workspace/carry-forward.ts), in the member's language. */
export function carryForwardProblemMessage(problem: CarryForwardProblem, catalogue: Catalogue, locale: Locale = DEFAULT_LOCALE): string {
  switch (problem.code) {
    case 'baseline':
      return t(locale, 'year.carry.baseline', { year: problem.year });
    case 'noneChosen':
      return t(locale, 'year.carry.noneChosen');
    case 'stale':
      return t(locale, 'year.carry.stale', { from: problem.from, year: problem.year });
    case 'nothingToCopy': {
      const name = populationNamesIn(catalogue, locale);
      const names = [...problem.unknown, ...problem.empty.map((key) => t(locale, 'publication.quoted', { text: name(key) }))];
      return t(locale, 'year.carry.nothingToCopy', { names: names.join(', '), from: problem.from });
    }
  }
}
