import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import type { Locale } from '../i18n/locale';
import { compareText } from './compare';

/**
 * States' names in each language and the order of lists of States (docs/i18n.md#state-names-and-their-order).
 * The registry's own names (French and English, seed/data/states.csv) are the official ones and are
 * kept wherever it has one; Spanish, which the registry lacks, comes from i18n-iso-countries (CLDR).
 */

for (const locale of [fr, en, es]) countries.registerLocale(locale);

/** Where a name comes from: the registry's official name, or i18n-iso-countries' (CLDR) name. */
export type NameSource = 'registry' | 'iso';

export interface StateName {
  name: string;
  source: NameSource;
}

/** What naming a State needs from the registry. */
export interface NamedState {
  iso3: string;
  nameFr: string;
  nameEn: string;
}

/**
 * A State's name in `locale`: the registry's for French and English; for Spanish the library's, or —
 * for a code it does not know — the registry's English name, marked as the registry's.
 */
export function stateName(state: NamedState, locale: Locale): StateName {
  if (locale === 'fr') return { name: state.nameFr, source: 'registry' };
  if (locale === 'en') return { name: state.nameEn, source: 'registry' };
  const name = countries.getName(state.iso3, locale, { select: 'official' });
  return name ? { name, source: 'iso' } : { name: state.nameEn, source: 'registry' };
}

const collators = new Map<Locale, Intl.Collator>();

/** The language's collation (accents and case as its readers expect), one per language. */
function collator(locale: Locale): Intl.Collator {
  let found = collators.get(locale);
  if (!found) collators.set(locale, (found = new Intl.Collator(locale)));
  return found;
}

/**
 * The one order of lists of States — pages, speakers' lists, briefing cards, the API: by name in the
 * page's language with its collation (« Allemagne » among the A in French, « Germany » among the G in
 * English), then by code so that the order is total.
 */
export function byStateName<T>(locale: Locale, nameOf: (item: T) => string, codeOf?: (item: T) => string): (a: T, b: T) => number {
  const compare = collator(locale).compare;
  return (a, b) => compare(nameOf(a), nameOf(b)) || (codeOf ? compareText(codeOf(a), codeOf(b)) : 0);
}

/** Registry States (or anything that names them) sorted by their names in `locale`. */
export function sortStates<T extends NamedState>(states: readonly T[], locale: Locale = 'fr'): T[] {
  return [...states].sort(
    byStateName(
      locale,
      (s) => stateName(s, locale).name,
      (s) => s.iso3,
    ),
  );
}

/** ISO codes compared by the States' names in `locale`, `nameOf` giving the name in that language. */
export function byStateCodeName(locale: Locale, nameOf: (iso3: string) => string): (a: string, b: string) => number {
  return byStateName(locale, nameOf, (iso3) => iso3);
}
