import { formatNumber } from '../presenters/format';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale';

/**
 * The command line's language (docs/i18n.md#the-command-line): the first of LC_ALL, LC_MESSAGES
 * and LANG that is set, in POSIX's order of precedence, read by its language part
 * (`en_US.UTF-8` → `en`, `es_ES` → `es`); French for anything else (`C`, `POSIX`, unset, `de_DE`).
 */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '') ?? '';
  const language = /^([A-Za-z]{2,3})(?=$|[_.@-])/.exec(setting.trim())?.[1]?.toLowerCase();
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** A count in the conventions of `locale` (French: « 1 117 », English: “1,117”). */
export function cliNumber(locale: Locale, value: number): string {
  return formatNumber(value, locale);
}
