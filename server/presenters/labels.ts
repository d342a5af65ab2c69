import type { Catalogue } from '../domain/catalogue';
import type { Direction, Grade, IndicatorKind, Status } from '../domain/engine/types';
import { parsePopulationRef } from '../domain/population';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/**
 * The words for the domain's codes, in the message files (docs/i18n.md): each code's key is
 * listed in full, so that the message test sees it. The `…_LABELS` constants are the French words,
 * for what stays French (files, the workspace) until it is translated.
 */

export const KIND_KEYS: Record<IndicatorKind, string> = {
  share: 'labels.kind.share',
  count: 'labels.kind.count',
  figure: 'labels.kind.figure',
  ratio: 'labels.kind.ratio',
};

export const DIRECTION_KEYS: Record<Direction, string> = {
  up: 'labels.direction.up',
  down: 'labels.direction.down',
  neutral: 'labels.direction.neutral',
};

export const STATUS_KEYS: Record<Status, string> = {
  improved: 'labels.status.improved',
  unchanged: 'labels.status.unchanged',
  worsened: 'labels.status.worsened',
  changed: 'labels.status.changed',
  'no-baseline': 'labels.status.noBaseline',
  'no-data': 'labels.status.noData',
};

/** Graded progress towards the 2029 target (docs/method.md#graded-progress). */
export const GRADE_KEYS: Record<Grade, string> = {
  'target-reached': 'labels.grade.targetReached',
  'on-track': 'labels.grade.onTrack',
  'acceleration-needed': 'labels.grade.accelerationNeeded',
  'limited-progress': 'labels.grade.limitedProgress',
  'moving-away': 'labels.grade.movingAway',
  'not-comparable': 'labels.grade.notComparable',
  'no-target': 'labels.grade.noTarget',
};

export const ANSWER_KEYS = { yes: 'labels.answer.yes', no: 'labels.answer.no', blank: 'labels.answer.blank' } as const;

/** The words of a table of keys in one language. */
export function labelsIn<K extends string>(keys: Record<K, string>, locale: Locale): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(keys).map(([code, key]) => [code, t(locale, key)])) as Record<K, string>;
}

export const KIND_LABELS = labelsIn(KIND_KEYS, DEFAULT_LOCALE);
export const DIRECTION_LABELS = labelsIn(DIRECTION_KEYS, DEFAULT_LOCALE);
export const STATUS_LABELS = labelsIn(STATUS_KEYS, DEFAULT_LOCALE);
export const ANSWER_LABELS = labelsIn(ANSWER_KEYS, DEFAULT_LOCALE);
export const GRADE_LABELS = labelsIn(GRADE_KEYS, DEFAULT_LOCALE);

/** « États parties touchés », or for yes(X) « États ayant répondu oui à l’indicateur X ». */
export function populationLabel(catalogue: Catalogue, population: string | null, locale: Locale = DEFAULT_LOCALE): string | null {
  if (population === null) return null;
  const ref = parsePopulationRef(population);
  if (ref?.key === 'yes') return t(locale, 'labels.population.yesName', { code: ref.of });
  return catalogue.populations.find((p) => p.key === ref?.key)?.name ?? population;
}

export function populationDescription(catalogue: Catalogue, population: string | null, locale: Locale = DEFAULT_LOCALE): string | null {
  if (population === null) return null;
  const ref = parsePopulationRef(population);
  if (ref?.key === 'yes') return t(locale, 'labels.population.yesDescription', { code: ref.of });
  return catalogue.populations.find((p) => p.key === ref?.key)?.description ?? null;
}
