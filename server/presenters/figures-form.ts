import { BUSY_MESSAGE, BUSY_TITLE, conflictMessage, lastChangeText } from './form-messages';
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
export function figuresForm(state: FiguresState, options: FiguresFormOptions) {
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
      hint: stored === null || stored === undefined ? 'Aucune valeur enregistrée.' : `Valeur enregistrée : ${inputNumber(stored)}.`,
      errorId: `${id}-error`,
      error: errorOf.get(id) ?? null,
    };
  };

  const rows = state.indicators.map((indicator) => {
    const stored = state.stored.get(indicator.code);
    const isRatio = indicator.kind === 'ratio';
    const fields = isRatio
      ? [
          field(indicator.code, 'value', 'Numérateur', stored?.value),
          field(indicator.code, 'denominator', 'Dénominateur', stored?.denominator),
        ]
      : [field(indicator.code, 'value', 'Valeur', stored?.value)];
    let current = 'aucune valeur enregistrée';
    if (stored && isRatio && stored.denominator) {
      current = `${inputNumber(stored.value)} / ${inputNumber(stored.denominator)} (${formatPercent((100 * stored.value) / stored.denominator)})`;
    } else if (stored) {
      current = inputNumber(stored.value);
    }
    return {
      code: indicator.code,
      text: indicator.text,
      isRatio,
      kindLabel: isRatio ? 'ratio' : 'chiffre',
      current,
      fields,
      invalid: fields.some((f) => f.error),
    };
  });

  const errors: { field?: string; message: string }[] = [];
  let errorTitle: string | null = null;
  if (options.busy) {
    errorTitle = BUSY_TITLE;
    errors.push({ message: BUSY_MESSAGE });
  } else if (options.conflict !== undefined) {
    errorTitle = 'Enregistrement refusé : modification concurrente';
    errors.push({ message: conflictMessage(options.conflict, `Les chiffres de ${state.year} ont été modifiés`) });
  } else {
    errors.push(...(options.errors ?? []));
  }

  return {
    title: `Chiffres ${state.year}`,
    year: state.year,
    years: PLAN_YEARS.map((year) => ({ year, current: year === state.year })),
    published: state.published,
    canEdit: options.canEdit,
    rows,
    errors,
    errorTitle,
    flash: options.flash ?? null,
    lastChange: lastChangeText(state.version),
    version: options.conflict !== undefined || !options.submission ? versionNumber(state.version) : (options.submission.version ?? ''),
    reason: options.submission?.reason ?? '',
    reasonError: errorOf.get('reason') ?? null,
    reasonMax: REASON_MAX,
  };
}
