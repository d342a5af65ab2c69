import { LOCALES, type Locale } from '../../server/i18n/locale';
import { MESSAGES } from '../../server/i18n/translate';

/**
 * Phrases of one language's message file that no other language's file holds: found on a page in
 * another language, they are words left untranslated (issue 17: « no string from another language's
 * message file that is not also in its own »). The fixed pieces of each message (its text between
 * variables) of 12 characters or more are kept, so that short words shared by languages never count.
 */
function texts(messages: Record<string, unknown>): string[] {
  return Object.values(messages).flatMap((value) =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? texts(value as Record<string, unknown>) : [],
  );
}

const pieces = (text: string) =>
  text
    .split(/\{\{[^}]*\}\}|<[^>]*>/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= 12);

// Computed once per pair of languages: each takes most of a second (every piece searched for in a
// whole message file), and the tests check dozens of pages. The message files do not change during a run.
const onlyIn = new Map<string, string[]>();

export function phrasesOnlyIn(source: Locale, page: Locale): string[] {
  const key = `${source}/${page}`;
  if (!onlyIn.has(key)) {
    const own = texts(MESSAGES[page]).join('\n');
    onlyIn.set(
      key,
      [...new Set(texts(MESSAGES[source]).flatMap(pieces))].filter((piece) => !own.includes(piece)),
    );
  }
  return onlyIn.get(key)!;
}

/** The phrases of every other language's file, absent from `locale`'s, that `text` (a page's text) contains. */
export function foreignPhrases(text: string, locale: Locale): string[] {
  const flat = text.replace(/\s+/g, ' ');
  return LOCALES.filter((other) => other !== locale).flatMap((other) => phrasesOnlyIn(other, locale).filter((p) => flat.includes(p)));
}
