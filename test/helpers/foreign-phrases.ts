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

/** The shortest piece kept: shorter ones are words any two languages may share. */
const SHORTEST = 12;

const pieces = (text: string) =>
  text
    .split(/\{\{[^}]*\}\}|<[^>]*>/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= SHORTEST);

/**
 * Which pieces (each at least SHORTEST characters long) `text` contains. A piece is searched for in
 * full only when its first SHORTEST characters occur in the text, looked up in the set of all the
 * text's windows of that length, made once per text: most pieces are in no page, and one scan of a
 * whole message file or page per piece made these checks seconds of a test file's time.
 */
function piecesIn(text: string): (candidates: string[]) => string[] {
  const windows = new Set<string>();
  for (let i = 0; i + SHORTEST <= text.length; i++) windows.add(text.slice(i, i + SHORTEST));
  return (candidates) => candidates.filter((piece) => windows.has(piece.slice(0, SHORTEST)) && text.includes(piece));
}

// Computed once per pair of languages: the tests check dozens of pages, and the message files do not
// change during a run.
const onlyIn = new Map<string, string[]>();

export function phrasesOnlyIn(source: Locale, page: Locale): string[] {
  const key = `${source}/${page}`;
  if (!onlyIn.has(key)) {
    const candidates = [...new Set(texts(MESSAGES[source]).flatMap(pieces))];
    const shared = new Set(piecesIn(texts(MESSAGES[page]).join('\n'))(candidates));
    onlyIn.set(
      key,
      candidates.filter((piece) => !shared.has(piece)),
    );
  }
  return onlyIn.get(key)!;
}

/** The phrases of every other language's file, absent from `locale`'s, that `text` (a page's text) contains. */
export function foreignPhrases(text: string, locale: Locale): string[] {
  const onPage = piecesIn(text.replace(/\s+/g, ' '));
  return LOCALES.filter((other) => other !== locale).flatMap((other) => onPage(phrasesOnlyIn(other, locale)));
}
