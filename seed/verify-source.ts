/**
 * Checks that every action and indicator text of the catalogue stands verbatim in the source
 * document (the Action Plan as extracted text), whitespace and line-break hyphenation aside.
 * Usage: npm run seed:verify -- PATH_TO_SOURCE.txt
 * Indicator 21, whose text the source lost, is expected to be missing.
 * With --guidelines, checks instead the meeting guidelines' item titles, group headings and
 * questions against the guidelines for participants (000_….txt).
 * With --lang en (or es), checks the texts of seed/data/catalogue.LANG.json instead of the French ones,
 * against the official text in that language (docs/i18n.md#loading-an-official-translation).
 */
import fs from 'node:fs';
import { readSeedCatalogue } from './catalogue';
import { readMeetingGuidelines } from './meeting-guidelines';
import { readCatalogueTranslation, type CatalogueTranslationData } from './catalogue-translations';
import { TRANSLATED_LOCALES, type TranslatedLocale } from '../db/codes';

// Footnote calls glued after a closing quote (« … »3.) are dropped from the catalogue's texts, and
// the source's Markdown emphasis (*…*) from the guidelines' questions.
const normalise = (s: string) =>
  s
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/([»”])\d+/g, '$1')
    .trim();

function catalogueTexts() {
  return readSeedCatalogue().actions.flatMap((a) => [
    { label: `action ${a.number}`, text: a.text, derived: false },
    ...a.indicators.map((i) => ({ label: `indicateur ${i.code}`, text: i.text, derived: i.provenance !== null })),
  ]);
}

/** Every text of the meeting guidelines, as it should stand in the guidelines for participants. */
function guidelineTexts() {
  return readMeetingGuidelines().items.flatMap((item) => [
    { label: `point ${item.number}`, text: `Point ${item.number} de l'ordre du jour : ${item.title}`, derived: false },
    ...item.groups.flatMap((group) => [
      { label: `groupe ${group.key}`, text: group.questionsHeading, derived: false },
      ...group.questions.flatMap((q, i) => [
        { label: `groupe ${group.key}, question ${i + 1}`, text: q.text, derived: false },
        ...q.details.map((d) => ({ label: `groupe ${group.key}, question ${i + 1}, détail`, text: d, derived: false })),
      ]),
    ]),
  ]);
}

/** The action and indicator texts of a translation; indicator 21's is derived there too. */
function translatedCatalogueTexts(translation: CatalogueTranslationData) {
  const derived = new Set(Object.keys(translation.provenance));
  return [
    ...Object.entries(translation.actions).map(([number, text]) => ({ label: `action ${number}`, text, derived: false })),
    ...Object.entries(translation.indicators).map(([code, text]) => ({ label: `indicateur ${code}`, text, derived: derived.has(code) })),
  ];
}

/** A translation's guideline texts; an item's title alone, since the words around it differ by language. */
function translatedGuidelineTexts({ guidelines }: CatalogueTranslationData) {
  return [
    ...Object.entries(guidelines.items).map(([number, title]) => ({ label: `point ${number}`, text: title, derived: false })),
    ...Object.entries(guidelines.groups).flatMap(([key, group]) => [
      { label: `groupe ${key}`, text: group.questionsHeading, derived: false },
      ...group.questions.flatMap((q, i) => [
        { label: `groupe ${key}, question ${i + 1}`, text: q.text, derived: false },
        ...q.details.map((d) => ({ label: `groupe ${key}, question ${i + 1}, détail`, text: d, derived: false })),
      ]),
    ]),
  ];
}

const USAGE = 'Usage : npm run seed:verify -- [--guidelines] [--lang en|es] CHEMIN_DU_TEXTE_SOURCE';

function main(args: string[]): number {
  const rest = [...args];
  const take = (flag: string) => {
    const i = rest.indexOf(flag);
    if (i < 0) return false;
    rest.splice(i, 1);
    return true;
  };
  const guidelines = take('--guidelines');
  let lang: TranslatedLocale | null = null;
  const langAt = rest.indexOf('--lang');
  if (langAt >= 0) {
    const value = rest[langAt + 1];
    if (!(TRANSLATED_LOCALES as readonly string[]).includes(value ?? '')) {
      console.error(
        `La langue « ${value ?? ''} » n’a pas de traduction du catalogue : indiquez ${TRANSLATED_LOCALES.join(' ou ')}.\n${USAGE}`,
      );
      return 2;
    }
    lang = value as TranslatedLocale;
    rest.splice(langAt, 2);
  }
  const file = rest[0];
  if (!file || rest.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let texts;
  if (lang) {
    const translation = readCatalogueTranslation(lang);
    if (!translation) {
      console.error(`Aucune traduction ${lang} : seed/data/catalogue.${lang}.json est absent.`);
      return 2;
    }
    texts = guidelines ? translatedGuidelineTexts(translation) : translatedCatalogueTexts(translation);
  } else {
    texts = guidelines ? guidelineTexts() : catalogueTexts();
  }
  const source = normalise(fs.readFileSync(file, 'utf8'));
  let missing = 0;
  for (const { label, text, derived } of texts) {
    const found = source.includes(normalise(text));
    if (!found && !derived) {
      missing++;
      console.log(`ABSENT  ${label} : ${text.slice(0, 90)}…`);
    }
    if (found && derived) console.log(`NOTE    ${label} est marqué comme dérivé mais figure dans la source`);
  }
  console.log(`${texts.length - missing} / ${texts.length} textes trouvés tels quels dans la source.`);
  return missing === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
