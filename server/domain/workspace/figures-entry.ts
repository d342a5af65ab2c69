import { fieldMessage, formText, formVersion, reasonProblem, versionNumber, type FieldError } from './form';
import { whenNotBusy, type Db } from '../../../db/client';
import type { Catalogue, CatalogueIndicator } from '../catalogue';
import { versionOf, withAudit, type Actor, type AuditEntry } from '../../../db/queries/audit';
import { isYearPublished } from '../../../db/queries/releases';
import { readYearFigures, writeFigure } from '../../../db/queries/figures';
import { readAmount, readDenominator, type Cell } from '../exchange/values';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';

/**
 * The figures of a year (docs/method.md#recorded-figures): the value of each figure indicator (5.3,
 * 11.2, 12.2) and the numerator and denominator of each ratio (5.4), entered by the Implementation
 * Support Unit.
 */

export type RecordedIndicator = CatalogueIndicator & { kind: 'figure' | 'ratio' };

export interface StoredFigure {
  value: number;
  denominator: number | null;
}

/** What the form edits, as the database holds it now. */
export interface FiguresState {
  year: number;
  indicators: RecordedIndicator[];
  stored: Map<string, StoredFigure>;
  published: boolean;
  /** The latest change to the year's figures, or null. */
  version: AuditEntry | null;
}

/** What the user typed, field by field, kept as text so that the form can show it back. */
export interface FiguresSubmission {
  /** By indicator code: the value (numerator of a ratio) and, for a ratio, the denominator. */
  typed: Map<string, { value: string; denominator: string }>;
  reason: string;
  /** The version the form was built from; null when the form did not carry a readable one. */
  version: number | null;
}

/** Element ids (and the names of the posted fields are `value:CODE` / `denominator:CODE`). */
export const figureFieldId = (part: 'value' | 'denominator', code: string) => `${part}-${code}`;
export const figureFieldName = (part: 'value' | 'denominator', code: string) => `${part}:${code}`;

/** The catalogue's figure and ratio indicators, in catalogue order. */
export function recordedIndicators(catalogue: Catalogue): RecordedIndicator[] {
  return [...catalogue.indicatorByCode.values()].filter((i): i is RecordedIndicator => i.kind === 'figure' || i.kind === 'ratio');
}

export function readFiguresState(db: Db, catalogue: Catalogue, year: number): FiguresState {
  const stored = new Map<string, StoredFigure>();
  for (const row of readYearFigures(db, year)) stored.set(row.indicator, { value: row.value, denominator: row.denominator });
  return {
    year,
    indicators: recordedIndicators(catalogue),
    stored,
    published: isYearPublished(db, year),
    version: versionOf.figures(db, year),
  };
}

/** Reads the posted form; fields of other indicators, and a denominator for a figure, are ignored. */
export function readFiguresSubmission(body: Record<string, unknown>, indicators: RecordedIndicator[]): FiguresSubmission {
  const typed = new Map<string, { value: string; denominator: string }>();
  for (const indicator of indicators) {
    typed.set(indicator.code, {
      value: formText(body[figureFieldName('value', indicator.code)]),
      denominator: indicator.kind === 'ratio' ? formText(body[figureFieldName('denominator', indicator.code)]) : '',
    });
  }
  return {
    typed,
    reason: formText(body.reason).trim(),
    version: formVersion(body),
  };
}

/** The rule of the exchange's `value` or `denominator` (../data-kinds.ts), its message naming the field in `locale`. */
function readField(
  read: (raw: string) => Cell<number>,
  raw: string,
  where: string,
  locale: Locale,
): { ok: true; value: number } | { ok: false; message: string } {
  const cell = read(raw);
  return cell.ok ? cell : { ok: false, message: fieldMessage(where, cell.problem, locale) };
}

export type FiguresCheck = { ok: true; wanted: Map<string, StoredFigure | null> } | { ok: false; errors: FieldError[] };

/**
 * Checks what was typed with the exchange's rules for a figure (decimal comma accepted, not
 * negative, not absurdly large); for a ratio, a numerator and a denominator together, the
 * denominator above 0; a reason when the year is published. An empty
 * field means no value recorded. Gives the wanted value of every indicator (null: no row). Messages
 * in `locale`, the member's.
 */
export function checkFigures(state: FiguresState, submission: FiguresSubmission, locale: Locale = DEFAULT_LOCALE): FiguresCheck {
  const errors: FieldError[] = [];
  const wanted = new Map<string, StoredFigure | null>();
  for (const indicator of state.indicators) {
    const typed = submission.typed.get(indicator.code) ?? { value: '', denominator: '' };
    const valueId = figureFieldId('value', indicator.code);
    const denominatorId = figureFieldId('denominator', indicator.code);
    const hasValue = typed.value.trim() !== '';
    if (indicator.kind === 'figure') {
      if (!hasValue) {
        wanted.set(indicator.code, null);
        continue;
      }
      const value = readField(readAmount, typed.value, t(locale, 'values.fields.figureValue', { code: indicator.code }), locale);
      if (value.ok) wanted.set(indicator.code, { value: value.value, denominator: null });
      else errors.push({ field: valueId, message: value.message });
      continue;
    }
    const hasDenominator = typed.denominator.trim() !== '';
    if (!hasValue && !hasDenominator) {
      wanted.set(indicator.code, null);
      continue;
    }
    const code = indicator.code;
    const value = hasValue ? readField(readAmount, typed.value, t(locale, 'values.fields.numerator', { code }), locale) : null;
    const denominator = hasDenominator
      ? readField(readDenominator, typed.denominator, t(locale, 'values.fields.denominator', { code }), locale)
      : null;
    if (value && !value.ok) errors.push({ field: valueId, message: value.message });
    if (!value) {
      errors.push({
        field: valueId,
        message: t(locale, 'values.numeratorAlone', { code }),
      });
    }
    if (denominator && !denominator.ok) errors.push({ field: denominatorId, message: denominator.message });
    if (!denominator) {
      errors.push({
        field: denominatorId,
        message: t(locale, 'values.denominatorAlone', { code }),
      });
    }
    if (value?.ok && denominator?.ok) {
      wanted.set(indicator.code, { value: value.value, denominator: denominator.value });
    }
  }
  const because = state.published ? t(locale, 'values.because.yearPublished', { year: state.year }) : null;
  const reasonError = reasonProblem(submission.reason, because, locale);
  if (reasonError) errors.push({ field: 'reason', message: reasonError });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, wanted };
}

export type FiguresSave =
  | { kind: 'saved'; changes: number }
  /** The figures changed since the form was built: nothing was written. */
  | { kind: 'conflict'; entry: AuditEntry | null }
  /** Another process (an import) held the write lock past the busy timeout: nothing was written. */
  | { kind: 'busy' };

/**
 * Writes the wanted values of the year's figures, only those that differ from the stored ones
 * (insert, update, or delete when emptied), in one transaction recorded as `actor`'s with the
 * reason. Refused, with nothing written, when the figures changed after version `version`, or when
 * another process (an import) held the write lock past the busy timeout.
 */
export function saveFigures(
  db: Db,
  actor: Actor,
  year: number,
  version: number | null,
  wanted: Map<string, StoredFigure | null>,
  reason: string,
  now: Date = new Date(),
): FiguresSave {
  return whenNotBusy({ kind: 'busy' } as const, () =>
    withAudit(
      db,
      actor,
      (tx): FiguresSave => {
        const current = versionOf.figures(tx, year);
        if (version === null || versionNumber(current) !== version) return { kind: 'conflict', entry: current };
        let changes = 0;
        // Read inside the transaction: only what differs from the stored values is written.
        const stored = new Map(readYearFigures(tx, year).map((row) => [row.indicator, row]));
        for (const [indicator, next] of wanted) {
          const current = stored.get(indicator);
          const same = next === null ? !current : current?.value === next.value && current.denominator === next.denominator;
          if (!same) changes += writeFigure(tx, year, indicator, next, current !== undefined);
        }
        return { kind: 'saved', changes };
      },
      { reason, now },
    ),
  );
}
