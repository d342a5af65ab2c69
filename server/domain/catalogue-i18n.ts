import type { TranslationStatus } from '../../db/codes';
import type { Locale } from '../i18n/locale';
import type { MeetingGuidelines } from '../../seed/meeting-guidelines';
import type { Catalogue, CatalogueIndicator } from './catalogue';
import { textKey, type CatalogueTranslation } from './catalogue-translations';

/**
 * The catalogue's texts in a language (docs/i18n.md#the-catalogue-in-three-languages). French is the
 * source; English and Spanish come from the loaded translation, and a text it lacks stays French and
 * is listed in `untranslated`, so that a page or the API can say so rather than pass it off.
 */

/** « source » for French; otherwise whether the translation is the Action Plan's official text. */
export type TranslationMark = 'source' | TranslationStatus;

export interface LocalizedCatalogue extends Catalogue {
  locale: Locale;
  translation: TranslationMark;
  /** Texts shown in French for want of a translation, named as in the translation file (« indicators.21 »). */
  untranslated: string[];
}

const localized = new WeakMap<Catalogue, Map<Locale, LocalizedCatalogue>>();

/** The catalogue with its texts in `locale`; kept with the catalogue, which changes only with the data. */
export function localizeCatalogue(catalogue: Catalogue, locale: Locale): LocalizedCatalogue {
  let byLocale = localized.get(catalogue);
  if (!byLocale) localized.set(catalogue, (byLocale = new Map<Locale, LocalizedCatalogue>()));
  let result = byLocale.get(locale);
  if (!result) byLocale.set(locale, (result = build(catalogue, locale)));
  return result;
}

function build(catalogue: Catalogue, locale: Locale): LocalizedCatalogue {
  if (locale === 'fr') return { ...catalogue, locale, translation: 'source', untranslated: [] };
  const translation: CatalogueTranslation | undefined = catalogue.translations.get(locale);
  const untranslated: string[] = [];
  /** The translated text, or the French one noted under `path`. */
  const pick = (path: string, key: string | undefined, french: string): string => {
    const text = key === undefined ? undefined : translation?.texts.get(key);
    if (text !== undefined) return text;
    if (!untranslated.includes(path)) untranslated.push(path);
    return french;
  };
  const indicator = (i: CatalogueIndicator): CatalogueIndicator => ({
    ...i,
    text: pick(`indicators.${i.code}`, textKey('indicator', i.code, 'text'), i.text),
    provenance: i.provenance === null ? null : pick(`provenance.${i.code}`, textKey('indicator', i.code, 'provenance'), i.provenance),
  });
  const actions = catalogue.actions.map((a) => ({
    ...a,
    text: pick(`actions.${a.number}`, textKey('action', String(a.number), 'text'), a.text),
    indicators: a.indicators.map(indicator),
  }));
  const sections = catalogue.sections.map((s) => {
    const introduction = translation?.texts.get(textKey('section', s.number, 'introduction'));
    if (introduction === undefined) untranslated.push(`sections.${s.number}.introduction`);
    return {
      ...s,
      title: pick(`sections.${s.number}`, textKey('section', s.number, 'title'), s.title),
      introduction: introduction === undefined ? s.introduction : (JSON.parse(introduction) as string[]),
    };
  });
  const mechanisms = catalogue.mechanisms.map((m) => ({
    ...m,
    name: pick(`mechanisms.${m.id}`, textKey('mechanism', m.id, 'name'), m.name),
    mandate: pick(`mechanisms.${m.id}`, textKey('mechanism', m.id, 'mandate'), m.mandate),
  }));
  const populations = catalogue.populations.map((p) => ({
    ...p,
    name: pick(`populations.${p.key}`, textKey('population', p.key, 'name'), p.name),
    description: pick(`populations.${p.key}`, textKey('population', p.key, 'description'), p.description),
  }));
  return {
    ...catalogue,
    sections,
    actions,
    mechanisms,
    populations,
    indicatorByCode: new Map(actions.flatMap((a) => a.indicators).map((i) => [i.code, i])),
    locale,
    // Without any translation loaded every text is French: it is the source, not a translation.
    translation: translation?.status ?? 'source',
    untranslated,
  };
}

/** The guidelines' texts of a translation file (seed/catalogue-translations.ts reads it). */
export interface GuidelinesTranslation {
  status: TranslationStatus;
  otherSpeakers: string;
  items: Record<string, string>;
  groups: Record<string, { name: string; questionsHeading: string; questions: { text: string; details: string[] }[] }>;
}

export interface LocalizedGuidelines extends MeetingGuidelines {
  locale: Locale;
  translation: TranslationMark;
  untranslated: string[];
}

/**
 * The meeting guidelines' agenda items, speaker groups and questions in `locale`, French where the
 * translation lacks a text (listed in `untranslated`). Keys, populations, minutes and actions are the
 * French file's: only words change.
 */
export function localizeGuidelines(
  guidelines: MeetingGuidelines,
  translation: GuidelinesTranslation | null,
  locale: Locale,
): LocalizedGuidelines {
  if (locale === 'fr' || translation === null) {
    const untranslated = locale === 'fr' ? [] : ['guidelines'];
    return { ...guidelines, locale, translation: 'source', untranslated };
  }
  const untranslated: string[] = [];
  const items = guidelines.items.map((item) => {
    const title = translation.items[String(item.number)];
    if (title === undefined) untranslated.push(`guidelines.items.${item.number}`);
    return {
      ...item,
      title: title ?? item.title,
      groups: item.groups.map((group) => {
        const texts = translation.groups[group.key];
        if (!texts) {
          untranslated.push(`guidelines.groups.${group.key}`);
          return group;
        }
        return {
          ...group,
          name: texts.name,
          questionsHeading: texts.questionsHeading,
          // The file is checked to hold as many questions and details as the French (seed/catalogue-translations.ts).
          questions: group.questions.map((q, i) => texts.questions[i] ?? q),
        };
      }),
    };
  });
  return {
    ...guidelines,
    otherSpeakers: { ...guidelines.otherSpeakers, name: translation.otherSpeakers },
    items,
    locale,
    translation: translation.status,
    untranslated,
  };
}
