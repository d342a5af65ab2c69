import type { DataView } from '../data-source';
import { localizeCatalogue, type LocalizedCatalogue } from '../domain/catalogue-i18n';
import type { Locale } from '../i18n/locale';

export type LocalizedView = DataView & { catalogue: LocalizedCatalogue };

const views = new WeakMap<DataView, Map<Locale, LocalizedView>>();

/**
 * The data view with the catalogue's texts in `locale` (docs/i18n.md#the-catalogue-in-three-languages),
 * for the pages: made once per view and language, like the view itself.
 */
export function localizedView(view: DataView, locale: Locale): LocalizedView {
  let byLocale = views.get(view);
  if (!byLocale) views.set(view, (byLocale = new Map<Locale, LocalizedView>()));
  let result = byLocale.get(locale);
  if (!result) byLocale.set(locale, (result = { ...view, catalogue: localizeCatalogue(view.catalogue, locale) }));
  return result;
}

/** Whether the page shows the project's own translation of the Action Plan, which it must say. */
export const showsUnofficialTranslation = (view: LocalizedView) => view.catalogue.translation === 'unofficial';
