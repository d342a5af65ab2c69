import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TRANSLATED_LOCALES, TRANSLATION_STATUSES, type TranslatedLocale } from '../db/codes';
import { readJson, readSeedCatalogue, SEED_DATA_DIR, type SeedCatalogue } from './catalogue';
import { readMeetingGuidelines, type MeetingGuidelines } from './meeting-guidelines';
import type { GuidelinesTranslation } from '../server/domain/catalogue-i18n';

/**
 * A translation of the catalogue and of the meeting guidelines, as seed/data/catalogue.LANG.json
 * holds it (docs/i18n.md#the-catalogue-in-three-languages): every text keyed by its code in the
 * French files, which stay the source. Replacing the project's own translation by the official text
 * of the Action Plan is a change of this file alone, with `translation` set to "official".
 */

const nonEmpty = z.string().trim().min(1);
const textMap = z.record(z.string(), nonEmpty);

const questionSchema = z.object({ text: nonEmpty, details: z.array(nonEmpty).default([]) });

export const catalogueTranslationSchema = z
  .object({
    language: z.enum(TRANSLATED_LOCALES),
    translation: z.enum(TRANSLATION_STATUSES),
    /** Where the text comes from: the project's translation, or the official document's reference. */
    source: nonEmpty,
    sections: z.record(z.string(), z.object({ title: nonEmpty, introduction: z.array(nonEmpty).optional() }).strict()),
    actions: textMap,
    indicators: textMap,
    /** Indicator 21's note on its derived wording. */
    provenance: textMap.default({}),
    mechanisms: z.record(z.string(), z.object({ name: nonEmpty, mandate: nonEmpty }).strict()),
    populations: z.record(z.string(), z.object({ name: nonEmpty, description: nonEmpty }).strict()),
    guidelines: z
      .object({
        otherSpeakers: nonEmpty,
        /** Agenda items' titles, by item number. */
        items: textMap,
        /** Speaker groups by key: their name, the heading of their questions and the questions, in order. */
        groups: z.record(
          z.string(),
          z.object({ name: nonEmpty, questionsHeading: nonEmpty, questions: z.array(questionSchema).min(1) }).strict(),
        ),
      })
      .strict(),
  })
  .strict();

export type CatalogueTranslationData = z.infer<typeof catalogueTranslationSchema>;

export const translationFile = (locale: TranslatedLocale, dir = SEED_DATA_DIR) => path.join(dir, `catalogue.${locale}.json`);

/** A place in the translation file (« indicators.1.1 »), for messages. */
export interface TranslationCheck {
  /** Codes of the French catalogue the translation lacks (they show in French, flagged). */
  missing: string[];
  /** Codes the French catalogue does not have (a typo or a stale file): refused. */
  unknown: string[];
}

function compareKeys(where: string, expected: readonly string[], given: readonly string[], check: TranslationCheck) {
  const have = new Set(given);
  const want = new Set(expected);
  for (const key of expected) if (!have.has(key)) check.missing.push(`${where}.${key}`);
  for (const key of given) if (!want.has(key)) check.unknown.push(`${where}.${key}`);
}

/**
 * Holds a translation against the French catalogue and guidelines: which of their codes it lacks,
 * which it names that they do not have, and — for the guidelines' questions, matched by position —
 * a question or detail count that differs (counted as unknown: the texts would not line up).
 */
export function checkTranslation(
  translation: CatalogueTranslationData,
  catalogue: SeedCatalogue = readSeedCatalogue(),
  guidelines: MeetingGuidelines = readMeetingGuidelines(),
): TranslationCheck {
  const check: TranslationCheck = { missing: [], unknown: [] };
  const indicators = catalogue.actions.flatMap((a) => a.indicators);
  compareKeys(
    'sections',
    catalogue.sections.map((s) => s.number),
    Object.keys(translation.sections),
    check,
  );
  for (const section of catalogue.sections) {
    const intro = translation.sections[section.number]?.introduction;
    if (intro === undefined) {
      if (translation.sections[section.number]) check.missing.push(`sections.${section.number}.introduction`);
    } else if (intro.length !== section.introduction.length) check.unknown.push(`sections.${section.number}.introduction`);
  }
  compareKeys(
    'actions',
    catalogue.actions.map((a) => String(a.number)),
    Object.keys(translation.actions),
    check,
  );
  compareKeys(
    'indicators',
    indicators.map((i) => i.code),
    Object.keys(translation.indicators),
    check,
  );
  compareKeys(
    'provenance',
    indicators.filter((i) => i.provenance !== null).map((i) => i.code),
    Object.keys(translation.provenance),
    check,
  );
  compareKeys(
    'mechanisms',
    catalogue.mechanisms.map((m) => m.id),
    Object.keys(translation.mechanisms),
    check,
  );
  compareKeys(
    'populations',
    catalogue.populations.map((p) => p.key),
    Object.keys(translation.populations),
    check,
  );
  compareKeys(
    'guidelines.items',
    guidelines.items.map((i) => String(i.number)),
    Object.keys(translation.guidelines.items),
    check,
  );
  const groups = guidelines.items.flatMap((i) => i.groups);
  compareKeys(
    'guidelines.groups',
    groups.map((g) => g.key),
    Object.keys(translation.guidelines.groups),
    check,
  );
  for (const group of groups) {
    const translated = translation.guidelines.groups[group.key];
    if (!translated) continue;
    const lines = (qs: { details: string[] }[]) => qs.map((q) => q.details.length).join(',');
    if (translated.questions.length !== group.questions.length || lines(translated.questions) !== lines(group.questions)) {
      check.unknown.push(`guidelines.groups.${group.key}.questions`);
    }
  }
  return check;
}

/**
 * Reads and validates one language's translation, or null when the file is absent (the catalogue then
 * shows in French). A code the French catalogue does not have is refused with a French message naming
 * the file and the code; a missing code is allowed (that text shows in French, flagged).
 */
export function readCatalogueTranslation(
  locale: TranslatedLocale,
  dir = SEED_DATA_DIR,
  catalogue?: SeedCatalogue,
  guidelines?: MeetingGuidelines,
): CatalogueTranslationData | null {
  const file = translationFile(locale, dir);
  if (!fs.existsSync(file)) return null;
  const data = readJson(catalogueTranslationSchema, file);
  if (data.language !== locale) {
    throw new Error(`${path.basename(file)} : la langue déclarée « ${data.language} » n’est pas celle du nom du fichier (« ${locale} »)`);
  }
  const { unknown } = checkTranslation(data, catalogue ?? readSeedCatalogue(dir), guidelines ?? readMeetingGuidelines(dir));
  if (unknown.length > 0) {
    throw new Error(
      `${path.basename(file)} : codes absents du catalogue français ou textes qui ne correspondent pas (${unknown.join(', ')})`,
    );
  }
  return data;
}

/** Every translation present in seed/data/, by language. */
export function readCatalogueTranslations(dir = SEED_DATA_DIR, catalogue?: SeedCatalogue): CatalogueTranslationData[] {
  return TRANSLATED_LOCALES.map((locale) => readCatalogueTranslation(locale, dir, catalogue)).filter((t) => t !== null);
}

const guidelineCache = new Map<TranslatedLocale, GuidelinesTranslation | null>();

/** The guidelines' translated texts for a language and the translation's status (read once), or null without a translation. */
export function readGuidelinesTranslation(locale: TranslatedLocale): GuidelinesTranslation | null {
  if (!guidelineCache.has(locale)) {
    const translation = readCatalogueTranslation(locale);
    guidelineCache.set(locale, translation && { status: translation.translation, ...translation.guidelines });
  }
  return guidelineCache.get(locale)!;
}
