import type { Catalogue } from '../domain/catalogue';
import type { NotOfferedGroup } from '../domain/workspace/not-offered';
import { parsePopulationRef } from '../domain/population';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';

/**
 * The report form's explanation of the indicators it does not offer, and whom to ask
 * (views/partials/not-offered.hbs), in the member's language.
 */
export function notOfferedView(
  catalogue: Catalogue,
  groups: NotOfferedGroup[],
  context: { stateName: string; year: number; locale?: Locale },
) {
  const { stateName, year } = context;
  const locale = context.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const populations = localizeCatalogue(catalogue, locale).populations;
  const population = (ref: string) => {
    const parsed = parsePopulationRef(ref);
    if (parsed?.key === 'yes') return t('workspace.notOffered.yesPopulation', { code: parsed.of });
    return populations.find((p) => p.key === parsed?.key)?.name ?? ref;
  };
  const admins = t('workspace.notOffered.admins');
  const items = groups.map(({ reason, indicators }) => {
    const codes = t('workspace.notOffered.codes', { count: indicators.length, codes: indicators.join(', ') });
    switch (reason.kind) {
      case 'not-entered':
        return {
          blocking: true,
          text: t('workspace.notOffered.notEntered', { count: indicators.length, population: population(reason.population), year, codes }),
          ask: t('workspace.notOffered.askEnter', { admins, year, previous: year - 1 }),
        };
      case 'not-member':
        return {
          blocking: false,
          text: t('workspace.notOffered.notMember', { state: stateName, population: population(reason.population), year, codes }),
          ask: t('workspace.notOffered.askError', { admins }),
        };
      case 'no-yes':
        return {
          blocking: false,
          text: t('workspace.notOffered.noYes', { count: indicators.length, codes, state: stateName, of: reason.of }),
          ask: null,
        };
      case 'non-party':
        return { blocking: false, text: t('workspace.notOffered.nonParty', { count: indicators.length, codes }), ask: null };
    }
  });
  const count = groups.reduce((n, g) => n + g.indicators.length, 0);
  return { count, blocking: items.filter((i) => i.blocking), others: items.filter((i) => !i.blocking) };
}
