import { readMeetingGuidelines } from '../../seed/meeting-guidelines';
import { readGuidelinesTranslation } from '../../seed/catalogue-translations';
import { localizeGuidelines, type LocalizedGuidelines } from '../domain/catalogue-i18n';
import type { Locale } from './locale';

const cache = new Map<Locale, LocalizedGuidelines>();

/**
 * The meeting guidelines (agenda items, speaker groups, questions) in a language, French where the
 * translation lacks a text (docs/i18n.md): the workspace's meeting pages, cards and pack read them so.
 */
export function guidelinesIn(locale: Locale): LocalizedGuidelines {
  let guidelines = cache.get(locale);
  if (!guidelines) {
    const translation = locale === 'fr' ? null : readGuidelinesTranslation(locale);
    cache.set(locale, (guidelines = localizeGuidelines(readMeetingGuidelines(), translation, locale)));
  }
  return guidelines;
}
