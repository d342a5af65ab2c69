import type { Problem, ProblemPlace, Said, SaidCode } from '../domain/exchange/problems';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { t } from './translate';

/**
 * The words of every problem the checks report as a code (server/domain/exchange/problems.ts): a
 * value's rule (`values`, the same whether the value comes from a file, a form or the command
 * line) and a file's (`exchange`). Full keys, so that the message test sees them (docs/i18n.md#messages).
 */
const SAID_KEYS: Record<SaidCode, string> = {
  yearMissing: 'values.yearMissing',
  yearInvalid: 'values.yearInvalid',
  dateMissing: 'values.dateMissing',
  dateInvalid: 'values.dateInvalid',
  dateImpossible: 'values.dateImpossible',
  booleanMissing: 'values.booleanMissing',
  booleanInvalid: 'values.booleanInvalid',
  answerInvalid: 'values.answerInvalid',
  numberMissing: 'values.numberMissing',
  numberInvalid: 'values.numberInvalid',
  iso3Missing: 'values.iso3Missing',
  iso3Invalid: 'values.iso3Invalid',
  indicatorMissing: 'values.indicatorMissing',
  nameFrMissing: 'values.nameFrMissing',
  nameEnMissing: 'values.nameEnMissing',
  negative: 'values.negative',
  tooLarge: 'values.tooLarge',
  zeroDenominator: 'values.zeroDenominator',
  tooLong: 'values.tooLong',
  receivedOnMissing: 'values.receivedOnMissing',
  dateInFuture: 'values.dateInFuture',
  dateBeforeYear: 'values.dateBeforeYear',
  partyDatesOrder: 'values.partyDatesOrder',
  stateUnknown: 'values.stateUnknown',
  indicatorUnknown: 'values.indicatorUnknown',
  populationMissing: 'values.populationMissing',
  populationUnknown: 'values.populationUnknown',
  populationFromRegistry: 'values.populationFromRegistry',
  populationUnion: 'values.populationUnion',
  populationFromAnswers: 'values.populationFromAnswers',
  notPartyMember: 'values.notPartyMember',
  answerIsFigure: 'values.answerIsFigure',
  answerIsRatio: 'values.answerIsRatio',
  answerIsDerived: 'values.answerIsDerived',
  figureFromReports: 'values.figureFromReports',
  figureFromAnswers: 'values.figureFromAnswers',
  denominatorMissing: 'values.denominatorMissing',
  denominatorForbidden: 'values.denominatorForbidden',
  unreadable: 'exchange.unreadable',
  notUtf8: 'exchange.notUtf8',
  separatorUnsupported: 'exchange.separatorUnsupported',
  emptyFile: 'exchange.emptyFile',
  workbookAsCsv: 'exchange.workbookAsCsv',
  xlsAsCsv: 'exchange.xlsAsCsv',
  quoteNotClosed: 'exchange.quoteNotClosed',
  tooManyFields: 'exchange.tooManyFields',
  tooManyRecords: 'exchange.tooManyRecords',
  lineTooLong: 'exchange.lineTooLong',
  badClosingQuote: 'exchange.badClosingQuote',
  csvUnreadable: 'exchange.csvUnreadable',
  extraFields: 'exchange.extraFields',
  extraFieldsComma: 'exchange.extraFieldsComma',
  headerUnnamed: 'exchange.headerUnnamed',
  headerRepeated: 'exchange.headerRepeated',
  headerUnknown: 'exchange.headerUnknown',
  headerMissing: 'exchange.headerMissing',
  headerExtra: 'exchange.headerExtra',
  headerMissingExtra: 'exchange.headerMissingExtra',
  headerMore: 'exchange.headerMore',
  duplicateKey: 'exchange.duplicateKey',
  demoData: 'exchange.demoData',
  notXlsx: 'exchange.notXlsx',
  workbookTooManyParts: 'exchange.workbookTooManyParts',
  workbookPartTooBig: 'exchange.workbookPartTooBig',
  workbookTooBig: 'exchange.workbookTooBig',
  workbookUnreadable: 'exchange.workbookUnreadable',
  sheetTooManyRows: 'exchange.sheetTooManyRows',
  sheetTooManyCells: 'exchange.sheetTooManyCells',
  sheetUnknown: 'exchange.sheetUnknown',
  workbookEmpty: 'exchange.workbookEmpty',
  sheetRows: 'exchange.sheetRows',
  sheetTooWide: 'exchange.sheetTooWide',
  cellsOutside: 'exchange.cellsOutside',
  sheetWrongKind: 'exchange.sheetWrongKind',
  cellDateInvalid: 'exchange.cellDateInvalid',
  cellError: 'exchange.cellError',
  cellFormulaNoResult: 'exchange.cellFormulaNoResult',
  cellUnknownType: 'exchange.cellUnknownType',
  zipEncrypted: 'exchange.zipEncrypted',
  zipMethod: 'exchange.zipMethod',
  zipOutside: 'exchange.zipOutside',
  zipEntryUnreadable: 'exchange.zipEntryUnreadable',
  zipNotZip: 'exchange.zipNotZip',
  zip64: 'exchange.zip64',
  zipDirectory: 'exchange.zipDirectory',
};

/** How a problem names its place when no column applies: « en-tête », « fichier »… */
const PLACE_KEYS: Record<ProblemPlace, string> = {
  header: 'exchange.place.header',
  file: 'exchange.place.file',
  line: 'exchange.place.line',
  sheet: 'exchange.place.sheet',
};

/**
 * A count as the reader's language writes it (« 100 000 », “100,000”, « 100.000 »), as the French
 * messages always wrote theirs (toLocaleString, French's narrow no-break space kept).
 */
const INTL_TAG: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

/** A count in the conventions of `locale`, as the import's messages write theirs (« 100 000 », “100,000”). */
export const countText = (value: number, locale: Locale = DEFAULT_LOCALE): string => value.toLocaleString(INTL_TAG[locale]);

/** What a check said, in `locale` (French when not given); a parameter that is itself a Said is worded first. */
export function saidText(said: Said, locale: Locale = DEFAULT_LOCALE): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.params ?? {})) {
    vars[name] = typeof value !== 'object' ? value : 'number' in value ? countText(value.number, locale) : saidText(value, locale);
  }
  return t(locale, SAID_KEYS[said.code], vars);
}

/**
 * A value's problem (server/domain/exchange/values.ts) in `locale`: what the import prints after
 * `file:line: column:` and what a form shows after its field's label, word for word.
 */
export const valueProblemText = saidText;

/** « Label : message. », a form's field and its value's problem, in `locale`. */
export const fieldProblemText = (label: string, problem: Said | string, locale: Locale = DEFAULT_LOCALE): string =>
  t(locale, 'values.field', { label, message: typeof problem === 'string' ? problem : saidText(problem, locale) });

/** The column of a problem: its name in the exchange format, or a place or a spreadsheet's column in words. */
export function problemColumnText(column: Problem['column'], locale: Locale = DEFAULT_LOCALE): string {
  if (typeof column === 'string') return column;
  if ('place' in column) return t(locale, PLACE_KEYS[column.place]);
  return t(locale, 'exchange.place.column', { letter: column.letter });
}

/** `FILE:LINE: COLUMN: message`, the format of docs/architecture.md#the-exchange-format, in `locale`. */
export function formatProblem(problem: Problem, locale: Locale = DEFAULT_LOCALE): string {
  return `${problem.file}:${problem.line}: ${problemColumnText(problem.column, locale)}: ${saidText(problem.message, locale)}`;
}
