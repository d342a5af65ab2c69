import { undoFormulaEscape } from './csv-write';

/**
 * Readers for the cells of the exchange files (docs/architecture.md#the-exchange-format). Each
 * returns the typed value or a French message; callers attach file, line and column. Values arrive
 * untrimmed from the CSV reader; spreadsheets add stray spaces, so every reader trims.
 */
export type Cell<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fail = <T>(message: string): Cell<T> => ({ ok: false, message });

export const FIRST_YEAR = 2025;
export const LAST_YEAR = 2029;

export function isBlank(raw: string | undefined): boolean {
  return raw === undefined || raw.trim() === '';
}

export function readYear(raw: string): Cell<number> {
  const text = raw.trim();
  if (text === '') return fail('année manquante');
  const year = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    return fail(`année invalide « ${text} » : un nombre entier de ${FIRST_YEAR} à ${LAST_YEAR} est attendu`);
  }
  return ok(year);
}

/** An ISO date that exists in the calendar: `2026-02-30` is refused, as SQLite's CHECK would. */
export function readDate(raw: string): Cell<string> {
  const text = raw.trim();
  if (text === '') return fail('date manquante');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return fail(`date invalide « ${text} » : le format AAAA-MM-JJ est attendu`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`date impossible « ${text} » : ce jour n’existe pas`);
  }
  return ok(text);
}

const TRUE_WORDS = ['yes', 'oui', 'true', '1'];
const FALSE_WORDS = ['no', 'non', 'false', '0'];

export function readBoolean(raw: string): Cell<boolean> {
  const text = raw.trim().toLowerCase();
  if (text === '') return fail('valeur manquante : oui ou non attendu');
  if (TRUE_WORDS.includes(text)) return ok(true);
  if (FALSE_WORDS.includes(text)) return ok(false);
  return fail(`valeur « ${raw.trim()} » non comprise : oui/non, yes/no, true/false ou 1/0 attendu`);
}

export type AnswerValue = 'yes' | 'no' | 'blank';

/** An empty answer, or the words blank/vide, means the State did not address the question. */
export function readAnswer(raw: string): Cell<AnswerValue> {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'blank' || text === 'vide') return ok('blank');
  if (TRUE_WORDS.includes(text)) return ok('yes');
  if (FALSE_WORDS.includes(text)) return ok('no');
  return fail(`réponse « ${raw.trim()} » non comprise : oui, non ou vide attendu (ou yes, no, blank)`);
}

/**
 * A number with a decimal point or a decimal comma (`12,5`, as French spreadsheets write it).
 * Spaces (including the non-breaking ones French formatting puts between thousands) are ignored.
 */
export function readNumber(raw: string): Cell<number> {
  const text = raw.trim();
  if (text === '') return fail('nombre manquant');
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(compact)) {
    return fail(`nombre invalide « ${text} »`);
  }
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? ok(value) : fail(`nombre invalide « ${text} »`);
}

/** ISO 3166 alpha-3 codes are upper case; a lower-case code from a hand-typed sheet is accepted. */
export function readIso3(raw: string): Cell<string> {
  const text = raw.trim().toUpperCase();
  if (text === '') return fail('code d’État manquant (code ISO 3166 alpha-3 attendu)');
  if (!/^[A-Z]{3}$/.test(text)) return fail(`code « ${raw.trim()} » invalide (code ISO 3166 alpha-3 attendu, par ex. FRA)`);
  return ok(text);
}

/** Indicator codes such as `5.4`; a French spreadsheet may have turned them into `5,4`. */
export function readIndicatorCode(raw: string): Cell<string> {
  const text = raw.trim().replace(',', '.');
  if (text === '') return fail('indicateur manquant');
  return ok(text);
}

/** Required free text (a State's names), without the prefix our export puts before a formula (csv-write.ts). */
export function readRequiredText(raw: string, what: string): Cell<string> {
  const text = raw.trim();
  return text === '' ? fail(`${what} manquant`) : ok(undoFormulaEscape(text));
}

/**
 * Optional free text (source, note): blank becomes null. Line breaks inside a quoted cell are
 * stored as LF whatever the file used, so that re-importing a file saved on another system
 * changes nothing. The prefix our export puts before a formula is taken off first (csv-write.ts).
 */
export function readOptionalText(raw: string): string | null {
  const text = undoFormulaEscape(raw.trim()).replace(/\r\n?/g, '\n');
  return text === '' ? null : text;
}
