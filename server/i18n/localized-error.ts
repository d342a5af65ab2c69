import { DEFAULT_LOCALE, type Locale } from './locale';
import { t, type MessageVars } from './translate';

/**
 * An error whose words are a message (docs/i18n.md#messages): `message` is written in the language
 * it was raised in (French unless told otherwise, so that logs and callers that print `message`
 * keep what they printed), and `in(locale)` words it again for a reader of another language.
 * `words` are variables that are themselves messages (a key per variable), worded in that language too.
 */
export class LocalizedError extends Error {
  constructor(
    readonly key: string,
    readonly vars: MessageVars = {},
    locale: Locale = DEFAULT_LOCALE,
    readonly words: Record<string, string> = {},
  ) {
    super(wordError(key, vars, words, locale));
  }

  in(locale: Locale): string {
    return wordError(this.key, this.vars, this.words, locale);
  }
}

function wordError(key: string, vars: MessageVars, words: Record<string, string>, locale: Locale): string {
  const worded = Object.fromEntries(Object.entries(words).map(([name, wordKey]) => [name, t(locale, wordKey)]));
  return t(locale, key, { ...vars, ...worded });
}

/** An error's message for a reader of `locale`: worded again when it is a LocalizedError, else as it was raised. */
export const errorText = (error: unknown, locale: Locale): string =>
  error instanceof LocalizedError ? error.in(locale) : error instanceof Error ? error.message : String(error);
