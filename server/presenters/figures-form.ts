import { busyMessage, busyTitle, conflictMessage, lastChangeText } from './form-messages';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { REASON_MAX, versionNumber, type FieldError } from '../domain/workspace/form';
import { type AuditEntry } from '../../db/queries/audit';
import { PLAN_YEARS } from '../domain/engine/types';
import { figureFieldId, figureFieldName, type FiguresState, type FiguresSubmission } from '../domain/workspace/figures-entry';
import { formatPercent } from './format';

const exact = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10, useGrouping: false });

/** A stored number as a French user types it back: « 12,5 », every digit kept, no thousands separator. */
export function inputNumber(value: number): string {
  return exact.format(value);
}

export interface FiguresFormOptions {
  canEdit: boolean;
  /** What the user typed (after a refused save); absent: the stored values. */
  submission?: FiguresSubmission;
  errors?: FieldError[];
  /** After a refused save because someone else changed the figures meanwhile. */
  conflict?: AuditEntry | null;
  /** After a save refused because another process (an import) held the database too long. */
  busy?: boolean;
  /** The message after a save (server/middleware/flash.ts). */
  flash?: string | null;
}

/** The view model of views/workspace/figures.hbs. */
export function figuresForm(state: FiguresState, options: FiguresFormOptions, locale: Locale = DEFAULT_LOCALE) {
  const errorOf = new Map<string, string>();
  for (const e of options.errors ?? []) if (!errorOf.has(e.field)) errorOf.set(e.field, e.message);
  const field = (code: string, part: 'value' | 'denominator', label: string, stored: number | null | undefined) => {
    const id = figureFieldId(part, code);
    const typed = options.submission?.typed.get(code);
    const value = typed ? typed[part] : stored === null || stored === undefined ? '' : inputNumber(stored);
    return {
      id,
      name: figureFieldName(part, code),
      label,
      value,
      hintId: `${id}-hint`,
      hint:
        stored === null || stored === undefined
          ? t(locale, 'workspace.figures.noValue')
          : t(locale, 'workspace.figures.storedValue', { value: inputNumber(stored) }),
      errorId: `${id}-error`,
      error: errorOf.get(id) ?? null,
    };
  };

  const rows = state.indicators.map((indicator) => {
    const stored = state.stored.get(indicator.code);
    const isRatio = indicator.kind === 'ratio';
    const fields = isRatio
      ? [
          field(indicator.code, 'value', t(locale, 'workspace.figures.numerator'), stored?.value),
          field(indicator.code, 'denominator', t(locale, 'workspace.figures.denominator'), stored?.denominator),
        ]
      : [field(indicator.code, 'value', t(locale, 'workspace.figures.value'), stored?.value)];
    let current = t(locale, 'workspace.figures.nothingRecorded');
    if (stored && isRatio && stored.denominator) {
      current = `${inputNumber(stored.value)} / ${inputNumber(stored.denominator)} (${formatPercent((100 * stored.value) / stored.denominator, locale)})`;
    } else if (stored) {
      current = inputNumber(stored.value);
    }
    return {
      code: indicator.code,
      text: indicator.text,
      isRatio,
      kindLabel: isRatio ? t(locale, 'workspace.figures.kindRatio') : t(locale, 'workspace.figures.kindFigure'),
      current,
      fields,
      invalid: fields.some((f) => f.error),
    };
  });

  const errors: { field?: string; message: string }[] = [];
  let errorTitle: string | null = null;
  if (options.busy) {
    errorTitle = busyTitle(locale);
    errors.push({ message: busyMessage(locale) });
  } else if (options.conflict !== undefined) {
    errorTitle = t(locale, 'workspace.figures.conflictTitle');
    errors.push({ message: conflictMessage(options.conflict, t(locale, 'workspace.figures.changedWhat', { year: state.year }), locale) });
  } else {
    errors.push(...(options.errors ?? []));
  }

  return {
    title: t(locale, 'workspace.figures.title', { year: state.year }),
    year: state.year,
    years: PLAN_YEARS.map((year) => ({ year, current: year === state.year })),
    published: state.published,
    canEdit: options.canEdit,
    rows,
    errors,
    errorTitle,
    flash: options.flash ?? null,
    lastChange: lastChangeText(state.version, locale),
    version: options.conflict !== undefined || !options.submission ? versionNumber(state.version) : (options.submission.version ?? ''),
    reason: options.submission?.reason ?? '',
    reasonError: errorOf.get('reason') ?? null,
    reasonMax: REASON_MAX,
  };
}
