import type { CatalogueTextEntity, CatalogueTextField, TranslatedLocale, TranslationStatus } from '../../db/codes';

/**
 * The catalogue's translated texts as the database holds them (seed/data/catalogue.LANG.json,
 * docs/i18n.md#the-catalogue-in-three-languages), ready to look up by entity, code and field.
 */

export interface CatalogueTranslation {
  /** The official text of the Action Plan, or the project's own translation. */
  status: TranslationStatus;
  source: string;
  /** Text by `textKey(entity, key, field)`. */
  texts: Map<string, string>;
}

export type CatalogueTranslations = Map<TranslatedLocale, CatalogueTranslation>;

export const textKey = (entity: CatalogueTextEntity, key: string, field: CatalogueTextField) => `${entity}:${key}:${field}`;

export function catalogueTranslationsOf(
  translationRows: readonly { locale: TranslatedLocale; translation: TranslationStatus; source: string }[],
  textRows: readonly { locale: TranslatedLocale; entity: CatalogueTextEntity; key: string; field: CatalogueTextField; text: string }[],
): CatalogueTranslations {
  const translations: CatalogueTranslations = new Map(
    translationRows.map((row) => [row.locale, { status: row.translation, source: row.source, texts: new Map() }]),
  );
  for (const row of textRows) translations.get(row.locale)?.texts.set(textKey(row.entity, row.key, row.field), row.text);
  return translations;
}
