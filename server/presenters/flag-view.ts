import type { StateFlag } from '../domain/engine/types';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** Each early-warning code's sentence (docs/method.md, action 47), written in full for the message test. */
const FLAG_MESSAGES: Record<StateFlag['code'], string> = {
  'no-report-two-years': 'flags.noReportTwoYears',
};

/** An early warning in the reader's language: its code's sentence with its years. */
export function flagMessage(flag: StateFlag, locale: Locale = DEFAULT_LOCALE): string {
  const [previous, year] = flag.years;
  return t(locale, FLAG_MESSAGES[flag.code], { previous, year });
}

/**
 * A flag as the API gives it: its code, action and years, and `message`, the sentence in the
 * answer's language (`lang`, French by default, as the API has always answered).
 */
export const flagJson = (flag: StateFlag, locale: Locale = DEFAULT_LOCALE) => ({ ...flag, message: flagMessage(flag, locale) });
