import { undoFormulaEscape } from './csv-write';
import type { Said } from './problems';
import { BASELINE_YEAR, TARGET_YEAR, type AnswerValue } from '../../../db/codes';

/**
 * Readers for the cells of the exchange files (docs/architecture.md#the-exchange-format). Each
 * returns the typed value or a problem as a code with its parameters, worded in the reader's
 * language by server/i18n/problem-text.ts; callers attach file, line and column (or the
 * form's field). Values arrive untrimmed from the CSV reader; spreadsheets add stray spaces, so
 * every reader trims.
 */
export type Cell<T> = { ok: true; value: T } | { ok: false; problem: Said };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });

/** A value as a message quotes it: trimmed, and cut at 40 characters, so that a pasted page does not fill the message. */
const quoted = (raw: string): string => {
  const text = raw.trim();
  return [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
};
const fail = <T>(code: Said['code'], params?: Said['params']): Cell<T> => ({ ok: false, problem: params ? { code, params } : { code } });

export function isBlank(raw: string | undefined): boolean {
  return raw === undefined || raw.trim() === '';
}

export function readYear(raw: string): Cell<number> {
  const text = raw.trim();
  if (text === '') return fail('yearMissing');
  const year = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < BASELINE_YEAR || year > TARGET_YEAR) {
    return fail('yearInvalid', { value: text, min: BASELINE_YEAR, max: TARGET_YEAR });
  }
  return ok(year);
}

/**
 * A date that exists in the calendar, as AAAA-MM-JJ or, as French spreadsheets write it, JJ/MM/AAAA
 * (day first, the year in four digits; a day or month of one digit is accepted): the value is the
 * ISO date either way. `2026-02-30` is refused, as SQLite's CHECK would. Other writings (a year in
 * two digits, month first) are refused rather than guessed.
 */
export function readDate(raw: string): Cell<string> {
  const text = raw.trim();
  if (text === '') return fail('dateMissing');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const french = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : null;
  if (!parts) {
    return fail('dateInvalid', { value: quoted(text) });
  }
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail('dateImpossible', { value: text });
  }
  return ok(date.toISOString().slice(0, 10));
}

/** VRAI and FAUX: what a French spreadsheet writes for a boolean cell saved as CSV. */
const TRUE_WORDS = ['yes', 'oui', 'true', 'vrai', '1'];
const FALSE_WORDS = ['no', 'non', 'false', 'faux', '0'];

export function readBoolean(raw: string): Cell<boolean> {
  const text = raw.trim().toLowerCase();
  if (text === '') return fail('booleanMissing');
  if (TRUE_WORDS.includes(text)) return ok(true);
  if (FALSE_WORDS.includes(text)) return ok(false);
  return fail('booleanInvalid', { value: raw.trim() });
}

export type { AnswerValue };

/** An empty answer, or the words blank/vide, means the State did not address the question. */
export function readAnswer(raw: string): Cell<AnswerValue> {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'blank' || text === 'vide') return ok('blank');
  if (TRUE_WORDS.includes(text)) return ok('yes');
  if (FALSE_WORDS.includes(text)) return ok('no');
  return fail('answerInvalid', { value: raw.trim() });
}

/**
 * A number with a decimal point or a decimal comma (`12,5`, as French spreadsheets write it).
 * Spaces (including the non-breaking ones French formatting puts between thousands) are ignored.
 */
export function readNumber(raw: string): Cell<number> {
  const text = raw.trim();
  if (text === '') return fail('numberMissing');
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(compact)) {
    return fail('numberInvalid', { value: quoted(text) });
  }
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? ok(value) : fail('numberInvalid', { value: quoted(text) });
}

/** ISO 3166 alpha-3 codes are upper case; a lower-case code from a hand-typed sheet is accepted. */
export function readIso3(raw: string): Cell<string> {
  const text = raw.trim().toUpperCase();
  if (text === '') return fail('iso3Missing');
  if (!/^[A-Z]{3}$/.test(text)) return fail('iso3Invalid', { value: raw.trim() });
  return ok(text);
}

/** Indicator codes such as `5.4`; a French spreadsheet may have turned them into `5,4`. */
export function readIndicatorCode(raw: string): Cell<string> {
  const text = raw.trim().replace(',', '.');
  if (text === '') return fail('indicatorMissing');
  return ok(text);
}

/**
 * Required free text (a State's names), without the prefix our export puts before a formula
 * (csv-write.ts); `missing` is the problem when it is blank (« nom français manquant »).
 */
export function readRequiredText(raw: string, missing: Said['code']): Cell<string> {
  const text = raw.trim();
  return text === '' ? fail(missing) : ok(undoFormulaEscape(text));
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

/*
 * The bounds every door applies to a value (docs/architecture.md#one-rule-per-value): the import,
 * the workspace's forms and the command line call these readers, so a value gets the same verdict
 * and the same message (in the reader's language) whichever way it comes in.
 */

/** A recorded figure above this is a typing slip (no count of the plan comes near it). */
export const AMOUNT_MAX = 1e12;
/** The longest source and note the report entry form takes; an import is held to the same. */
export const SOURCE_MAX = 500;
export const NOTE_MAX = 2000;
/** A State's name in the registry. */
export const NAME_MAX = 200;

/** A recorded amount (figure, numerator or denominator): a finite number, not negative, not absurdly large. */
export function readAmount(raw: string): Cell<number> {
  const cell = readNumber(raw);
  if (!cell.ok) return cell;
  if (cell.value < 0) return fail('negative', { value: quoted(raw) });
  if (cell.value > AMOUNT_MAX) return fail('tooLarge', { value: quoted(raw) });
  return cell;
}

/** A ratio's denominator: an amount above zero, since the percentage divides by it. */
export function readDenominator(raw: string): Cell<number> {
  const cell = readAmount(raw);
  if (cell.ok && cell.value === 0) return fail('zeroDenominator');
  return cell;
}

/** Optional free text of at most `max` characters (code points): blank is null. */
export function readBoundedText(max: number): (raw: string) => Cell<string | null> {
  return (raw) => {
    const text = readOptionalText(raw);
    const length = text === null ? 0 : [...text].length;
    return length > max ? fail('tooLong', { max, length }) : ok(text);
  };
}

/** Required text of at most `max` characters: `missing` is the problem when it is blank. */
export function readName(missing: Said['code'], max = NAME_MAX): (raw: string) => Cell<string> {
  return (raw) => {
    const cell = readRequiredText(raw, missing);
    if (!cell.ok) return cell;
    const length = [...cell.value].length;
    return length > max ? fail('tooLong', { max, length }) : cell;
  };
}

/** An optional date: blank is null. */
export function readOptionalDate(raw: string): Cell<string | null> {
  return isBlank(raw) ? ok(null) : readDate(raw);
}

/** The date a report was received: required. */
export function readReceivedOn(raw: string): Cell<string> {
  return isBlank(raw) ? fail('receivedOnMissing') : readDate(raw);
}

/**
 * A report for year Y covers calendar year Y − 1 and cannot have been received before 1 January Y
 * (docs/method.md#the-30-april-rule), nor after today. Null when the date is within bounds.
 */
export function receivedOnProblem(receivedOn: string, year: number | undefined, today: string): Said | null {
  if (receivedOn > today) return { code: 'dateInFuture', params: { value: receivedOn, today } };
  if (year !== undefined && receivedOn < `${year}-01-01`) {
    return { code: 'dateBeforeYear', params: { value: receivedOn, year, first: `${year}-01-01` } };
  }
  return null;
}

/** A withdrawal must follow entry into force. Null when the dates are in order (or one is missing). */
export function partyDatesProblem(from: string | null, until: string | null): Said | null {
  return from !== null && until !== null && from >= until ? { code: 'partyDatesOrder', params: { from, until } } : null;
}
