import type { Catalogue } from '../domain/catalogue';
import type { Direction, Grade, IndicatorKind, Status } from '../domain/engine/types';
import { parsePopulationRef } from '../domain/population';

/** The French words for the domain's codes. */

export const KIND_LABELS: Record<IndicatorKind, string> = {
  share: 'Pourcentage d’une population d’États',
  count: 'Nombre d’États',
  figure: 'Chiffre enregistré pour l’année',
  ratio: 'Rapport entre deux chiffres enregistrés (en %)',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  up: 'à la hausse : une valeur plus élevée est un progrès',
  down: 'à la baisse : une valeur plus faible est un progrès',
  neutral: 'neutre : ni hausse ni baisse n’est un progrès en soi',
};

export const STATUS_LABELS: Record<Status, string> = {
  improved: 'en progrès',
  unchanged: 'inchangé',
  worsened: 'en recul',
  changed: 'a évolué',
  'no-baseline': 'pas de valeur de référence 2025',
  'no-data': 'pas de valeur',
};

/** Graded progress towards the 2029 target (docs/method.md#graded-progress). */
export const GRADE_LABELS: Record<Grade, string> = {
  'target-reached': 'cible atteinte',
  'on-track': 'en bonne voie',
  'acceleration-needed': 'accélération nécessaire',
  'limited-progress': 'progrès limités',
  'moving-away': 's’éloigne de la cible',
  'not-comparable': 'non comparable',
  'no-target': 'sans cible',
};

export const ANSWER_LABELS = { yes: 'oui', no: 'non', blank: 'non traité' } as const;

/** « États parties touchés », or for yes(X) « États ayant répondu oui à l’indicateur X ». */
export function populationLabel(catalogue: Catalogue, population: string | null): string | null {
  if (population === null) return null;
  const ref = parsePopulationRef(population);
  if (ref?.key === 'yes') return `États ayant répondu « oui » à l’indicateur ${ref.of}`;
  return catalogue.populations.find((p) => p.key === ref?.key)?.name ?? population;
}

export function populationDescription(catalogue: Catalogue, population: string | null): string | null {
  if (population === null) return null;
  const ref = parsePopulationRef(population);
  if (ref?.key === 'yes') return `Les États dont la réponse à l’indicateur ${ref.of} est « oui » la même année.`;
  return catalogue.populations.find((p) => p.key === ref?.key)?.description ?? null;
}
