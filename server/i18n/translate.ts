import i18next, { type TOptions } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale';
import fr from './messages/fr.json';
import en from './messages/en.json';
import es from './messages/es.json';

/** The message files, one per language, French being the source (docs/i18n.md). */
export const MESSAGES: Record<Locale, Record<string, unknown>> = { fr, en, es };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * One i18next instance for the whole process, initialised synchronously from the message files
 * bundled with the code: nothing is read or fetched at run time. Plurals follow CLDR through
 * Intl.PluralRules (`key_one`, `key_other`, and `key_zero` for the count 0 when the wording differs).
 */
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: MESSAGES[locale] }])),
  lng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  // A key missing in a language is a test failure (test/server/i18n-messages.test.ts), never a silent mix.
  fallbackLng: false,
  returnNull: false,
  returnEmptyString: false,
  // Handlebars escapes what a helper returns; presenters' strings are escaped where they are shown.
  // Messages with markup (`_html`) escape their variables, as HTML does (not i18next's `/` too).
  interpolation: { escapeValue: false, escape: escapeHtml },
});

const fixed = new Map(LOCALES.map((locale) => [locale, i18n.getFixedT(locale)]));

export type MessageVars = Record<string, unknown>;

/**
 * Messages already worded, by language, key and variables. A page says hundreds of them and i18next
 * copies its whole option set on each call: it was most of a page's rendering time (a fifth of the
 * static export's CPU, docs/performance.md). The message files never change while the process runs,
 * so the same call always gives the same words. Only calls whose variables are all strings, numbers
 * or booleans are kept (their key says them exactly). A page's varying numbers make new keys: the
 * memo is emptied when it reaches its bound (a plain Map: a least-recently-used list cost as much
 * as the wording it saved).
 */
const worded = new Map<string, string>();
const MAX_WORDED = 50_000;
/**
 * Calls whose key is longer are worded each time: a variable may hold what a visitor typed (a search,
 * a note), and 50 000 long keys would hold hundreds of megabytes. Bounded so, the memo stays under
 * about 50 000 × 2 × 512 bytes of keys and as much of words.
 */
const MAX_MEMO_KEY = 512;

/**
 * The memo's key for a call, or null when a variable is not a plain value. Without variables, the
 * language and the key (both the code's own words); with, JSON, so that no text a variable holds
 * can pass for another call's variables.
 */
function memoKey(locale: Locale, key: string, vars: MessageVars, html: boolean): string | null {
  let parts: string[] | null = null;
  for (const name in vars) {
    const value = vars[name];
    const type = typeof value;
    // The type is part of the key: `1` and `'1'` may word a plural differently.
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return null;
    (parts ??= []).push(name, type, String(value));
  }
  const call = `${html ? 'html' : 'text'} ${locale} ${key}`;
  return parts === null ? call : `${call} ${JSON.stringify(parts)}`;
}

function remembered(locale: Locale, key: string, vars: MessageVars, html: boolean, word: () => string): string {
  const memo = memoKey(locale, key, vars, html);
  if (memo === null || memo.length > MAX_MEMO_KEY) return word();
  let text = worded.get(memo);
  if (text === undefined) {
    if (worded.size >= MAX_WORDED) worded.clear();
    worded.set(memo, (text = word()));
  }
  return text;
}

/** The message `key` in `locale`, with `vars` put in (`{{name}}`) and `count` choosing the plural. */
export function t(locale: Locale, key: string, vars: MessageVars = {}): string {
  return remembered(locale, key, vars, false, () => fixed.get(locale)!(key, vars as TOptions));
}

/** As `t`, with the variables escaped for HTML: for messages holding markup (keys ending in `_html`). */
export function tHtml(locale: Locale, key: string, vars: MessageVars = {}): string {
  return remembered(locale, key, vars, true, () => fixed.get(locale)!(key, { ...vars, interpolation: { escapeValue: true } }));
}

/** Whether a key exists in a language (the message test's check). */
export function hasMessage(locale: Locale, key: string): boolean {
  return i18n.exists(key, { lng: locale });
}

/** A `t` bound to one language, for presenters that say many things. */
export const translator = (locale: Locale) => (key: string, vars?: MessageVars) => t(locale, key, vars);
export type Translate = ReturnType<typeof translator>;
